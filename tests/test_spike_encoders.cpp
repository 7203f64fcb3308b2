// Spike encoders against the statistics they must have.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "encoders/spike_encoders.hpp"
#include "engine/random_stream.hpp"

using namespace sprout::encoders;
using sprout::RandomStream;
using sprout::StreamPurpose;

TEST_CASE("Poisson encoder: count mean and variance equal rate x T within 5 sigma", "[encoder]") {
  EncoderParameters p;  // 63.75 Hz max, 350 ms
  const std::vector<std::uint8_t> pixel = {200};
  const double lambda = 63.75 * 200.0 / 255.0 * 0.350;  // 17.5 expected spikes
  constexpr int kTrials = 4000;
  double sum = 0, sum_sq = 0;
  SpikeTrain train;
  for (int trial = 0; trial < kTrials; ++trial) {
    RandomStream random(42, static_cast<std::uint64_t>(trial), StreamPurpose::kInputSpikes);
    train.clear();
    encode_poisson(pixel, p, random, train);
    const auto n = static_cast<double>(train.size());
    sum += n;
    sum_sq += n * n;
    for (double t : train.t_ms)
      REQUIRE((t >= 0.0 && t < 350.0));
  }
  const double mean = sum / kTrials;
  const double variance = (sum_sq - kTrials * mean * mean) / (kTrials - 1);
  // Standard errors for Poisson counts: sqrt(lambda/N) for the mean and
  // sqrt((lambda + 2 lambda^2)/N) for the sample variance.
  CHECK(std::abs(mean - lambda) < 5 * std::sqrt(lambda / kTrials));
  CHECK(std::abs(variance - lambda) < 5 * std::sqrt((lambda + 2 * lambda * lambda) / kTrials));
}

TEST_CASE("Poisson encoder: exponential intervals (mean 1/rate, CV 1)", "[encoder]") {
  // One long train, so that the window's edges do not bias the intervals.
  EncoderParameters p;
  p.duration_ms = 1'000'000.0;
  SpikeTrain train;
  RandomStream random(42, 0, StreamPurpose::kInputSpikes);
  encode_poisson(std::vector<std::uint8_t>{200}, p, random, train);
  const double expected_mean_ms = 1000.0 / (63.75 * 200.0 / 255.0);  // 20 ms
  REQUIRE(train.size() > 40000);
  double sum = 0, sum_sq = 0;
  for (std::size_t k = 1; k < train.size(); ++k) {
    const double isi = train.t_ms[k] - train.t_ms[k - 1];
    sum += isi;
    sum_sq += isi * isi;
  }
  const auto n = static_cast<double>(train.size() - 1);
  const double mean = sum / n;
  const double cv = std::sqrt(sum_sq / n - mean * mean) / mean;
  // 5 standard errors: mean/sqrt(n) for the mean; about 1/sqrt(n) for the CV.
  CHECK(std::abs(mean - expected_mean_ms) < 5 * expected_mean_ms / std::sqrt(n));
  CHECK(std::abs(cv - 1.0) < 5 / std::sqrt(n));
}

TEST_CASE("Poisson encoder: black pixels are silent and the same stream repeats", "[encoder]") {
  EncoderParameters p;
  const std::vector<std::uint8_t> pixels = {0, 255, 0, 128};
  SpikeTrain a, b;
  RandomStream first(7, 3, StreamPurpose::kInputSpikes), second(7, 3, StreamPurpose::kInputSpikes);
  encode_poisson(pixels, p, first, a);
  encode_poisson(pixels, p, second, b);
  CHECK(a.t_ms == b.t_ms);
  CHECK(a.neuron == b.neuron);
  for (auto n : a.neuron)
    CHECK((n == 1 || n == 3));
}

TEST_CASE("Regular encoder: evenly spaced spikes, round(rate x T) of them", "[encoder]") {
  EncoderParameters p;
  p.kind = EncoderKind::kRegular;
  p.max_rate_hz = 100.0;
  p.duration_ms = 95.0;
  SpikeTrain train;
  encode_regular(std::vector<std::uint8_t>{255}, p, train);
  // 100 Hz for 95 ms: spikes at 5, 15, ..., 85 ms; rate x T = 9.5 rounds down to 9.
  REQUIRE(train.size() == 9);
  for (std::size_t k = 0; k < train.size(); ++k)
    CHECK(train.t_ms[k] == Approx(5.0 + 10.0 * k));
}

TEST_CASE("Latency encoder: one spike per lit pixel, brighter first", "[encoder]") {
  EncoderParameters p;
  p.kind = EncoderKind::kLatency;
  p.duration_ms = 100.0;
  p.latency_min_pixel = 10;
  SpikeTrain train;
  encode_latency(std::vector<std::uint8_t>{255, 0, 51, 5}, p, train);
  REQUIRE(train.size() == 2);
  CHECK(train.neuron[0] == 0);
  CHECK(train.t_ms[0] == 0.0);
  CHECK(train.neuron[1] == 2);
  CHECK(train.t_ms[1] == Approx(80.0));
}

TEST_CASE("Encoder names parse and bad values are rejected", "[encoder]") {
  CHECK(parse_encoder_kind("latency") == EncoderKind::kLatency);
  CHECK_THROWS_WITH(parse_encoder_kind("bursty"), Catch::Contains("'bursty'"));
  EncoderParameters p;
  p.max_rate_hz = -3;
  CHECK_THROWS_WITH(validate(p), Catch::Contains("max_rate_hz"));
}

TEST_CASE("Alias table: every outcome counted, each weight gets exactly its share", "[encoder]") {
  const std::vector<std::uint8_t> weights = {0, 3, 255, 1, 0, 17, 128, 3};
  IntegerAliasTable table;
  table.build(weights);
  std::uint64_t sum = 0;
  for (auto w : weights)
    sum += w;
  const std::uint64_t columns = 6;  // the non-zero weights
  REQUIRE(table.outcomes() == columns * sum);
  std::vector<std::uint64_t> picked(weights.size(), 0);
  for (std::uint64_t outcome = 0; outcome < table.outcomes(); ++outcome)
    ++picked[table.pick(outcome)];
  // Exact: outcome counts are proportional to the weights, with no rounding.
  for (std::size_t i = 0; i < weights.size(); ++i)
    CHECK(picked[i] == columns * weights[i]);
  CHECK_THROWS_AS(table.build(std::vector<std::uint8_t>{0, 0}), std::invalid_argument);
}

TEST_CASE("Poisson encoder: spikes in time order, each pixel at its own rate", "[encoder]") {
  EncoderParameters p;  // 63.75 Hz max, 350 ms
  const std::vector<std::uint8_t> pixels = {0, 255, 40, 128, 1};
  constexpr int kTrials = 4000;
  std::vector<double> sum(pixels.size(), 0.0), sum_sq(pixels.size(), 0.0);
  SpikeTrain train;
  std::vector<double> count(pixels.size());
  for (int trial = 0; trial < kTrials; ++trial) {
    RandomStream random(9, static_cast<std::uint64_t>(trial), StreamPurpose::kInputSpikes);
    train.clear();
    encode_poisson(pixels, p, random, train);
    REQUIRE(std::is_sorted(train.t_ms.begin(), train.t_ms.end()));
    std::fill(count.begin(), count.end(), 0.0);
    for (auto n : train.neuron)
      count[n] += 1.0;
    for (std::size_t i = 0; i < pixels.size(); ++i) {
      sum[i] += count[i];
      sum_sq[i] += count[i] * count[i];
    }
  }
  for (std::size_t i = 0; i < pixels.size(); ++i) {
    const double lambda = 63.75 * pixels[i] / 255.0 * 0.350;
    const double mean = sum[i] / kTrials;
    const double variance = (sum_sq[i] - kTrials * mean * mean) / (kTrials - 1);
    CHECK(std::abs(mean - lambda) <= 5 * std::sqrt(lambda / kTrials));
    CHECK(std::abs(variance - lambda) <= 5 * std::sqrt((lambda + 2 * lambda * lambda) / kTrials));
  }
}
