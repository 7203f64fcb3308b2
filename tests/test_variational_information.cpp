// I(X;Z) through a variational encoder (analysis/variational_information.hpp): the trained
// bound against an analytic optimum, zero for a code without information, determinism.

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "analysis/variational_information.hpp"
#include "engine/random_stream.hpp"

using namespace sprout;
using namespace sprout::analysis;

namespace {

constexpr std::uint64_t kTestStream = purpose_value(StreamPurpose::kFirstUserPurpose) + 40;

struct Codes {
  std::vector<float> values;
  std::vector<std::uint8_t> labels;
};

// Two equiprobable classes, coded h = -1 or +1 (one feature): a deterministic code of one
// bit.
Codes two_point_code(std::size_t samples) {
  Codes codes;
  for (std::size_t k = 0; k < samples; ++k) {
    codes.labels.push_back(static_cast<std::uint8_t>(k % 2));
    codes.values.push_back(k % 2 == 0 ? -1.0F : 1.0F);
  }
  return codes;
}

double softplus(double x) {
  return std::max(x, 0.0) + std::log1p(std::exp(-std::abs(x)));
}

// Cross-entropy (nats) of the Bayes classifier between z ~ N(±m, s²) when the log-odds
// t = 2 m z / s² ~ N(g, 2g), g = 2 m² / s², by quadrature over the standard normal.
double two_point_cross_entropy(double g) {
  constexpr int kPoints = 4001;
  double sum = 0, weights = 0;
  for (int i = 0; i < kPoints; ++i) {
    const double e = -10.0 + 20.0 * i / (kPoints - 1);
    const double w = std::exp(-0.5 * e * e);
    sum += w * softplus(-(g + std::sqrt(2.0 * g) * e));
    weights += w;
  }
  return sum / weights;
}

// The VIB objective of the two-point code over linear encoders: for a given g the least KL
// to N(0, 1) is ½ ln(1 + g/2) (means ±m, variance s², m² + s² = 1), so the optimum is
// min over g of CE(g) + beta · ½ ln(1 + g/2). Returns the KL (bits) of every g whose
// objective is within `slack` nats of that minimum: [lowest, highest, at the minimum].
struct KlBand {
  double low = 1e9, high = 0, optimum = 0;
};
KlBand two_point_optimum(double beta, double slack) {
  std::vector<std::pair<double, double>> curve;  // (objective, KL bits)
  double best = 1e9;
  for (int k = 0; k <= 2000; ++k) {
    const double g = std::exp(std::log(1e-3) + k * (std::log(1e3) - std::log(1e-3)) / 2000);
    const double kl = 0.5 * std::log1p(g / 2);
    const double objective = two_point_cross_entropy(g) + beta * kl;
    curve.emplace_back(objective, kl / std::log(2.0));
    best = std::min(best, objective);
  }
  KlBand band;
  for (const auto& [objective, kl_bits] : curve) {
    if (objective == best) band.optimum = kl_bits;
    if (objective > best + slack) continue;
    band.low = std::min(band.low, kl_bits);
    band.high = std::max(band.high, kl_bits);
  }
  return band;
}

VibResult measure(const Codes& train, const Codes& test, std::size_t features, std::size_t classes,
                  const VibSettings& settings) {
  return variational_information(SampleMatrix(train.values, features), train.labels,
                                 SampleMatrix(test.values, features), test.labels, classes,
                                 settings);
}

}  // namespace

TEST_CASE("VIB: a one-bit code reaches the analytic optimum of the bound", "[vib]") {
  // The objective is flat near its optimum: the band holds the KL of every encoder whose
  // objective is within 1e-3 nats of the best, the scale of what the end of training leaves
  // (Adam's steps fall linearly to zero; a batch's loss varies by ~2e-2 nats and the last
  // few hundred steps average it). Measured over seeds 1-5 after 600 epochs: 1.199-1.205
  // bits (after 300: 1.14-1.17, not yet settled). A KL in nats (0.84) or a wrong gradient of
  // either term lands outside.
  const double beta = 0.3;
  const KlBand band = two_point_optimum(beta, 1e-3);
  // ½ log2(1 + g*/2) at the optimum g* ≈ 8.86: 1.22 bits, more than the code's 1 bit (the
  // bound with a Gaussian prior is loose for a two-point code).
  CHECK(band.optimum == Approx(1.21).margin(0.02));
  VibSettings settings;
  settings.z_dimension = 1;
  settings.beta = beta;
  settings.encoder_hidden = 0;
  settings.epochs = 600;
  const VibResult result = measure(two_point_code(4000), two_point_code(1000), 1, 2, settings);
  INFO("trained " << result.i_xz_bits << " bits; optimum " << band.optimum << " in [" << band.low
                  << ", " << band.high << "]");
  CHECK(result.i_xz_bits >= band.low);
  CHECK(result.i_xz_bits <= band.high);
  CHECK(result.i_xz_bits_train == Approx(result.i_xz_bits).epsilon(1e-6));  // same two codes
  CHECK(result.test_accuracy == 1.0);
}

TEST_CASE("VIB: a code without information gives about 0 bits, an informative one more", "[vib]") {
  // Three classes; the uninformative code is noise drawn independently of the label.
  RandomStream noise(5, 0, kTestStream);
  const auto make = [&](std::size_t samples, bool informative) {
    Codes codes;
    for (std::size_t k = 0; k < samples; ++k) {
      const auto label = static_cast<std::uint8_t>(k % 3);
      codes.labels.push_back(label);
      for (std::size_t j = 0; j < 6; ++j) {
        codes.values.push_back(informative ? (j == label ? 1.0F : 0.0F)
                                           : static_cast<float>(noise.normal()));
      }
    }
    return codes;
  };
  VibSettings settings;
  settings.beta = 0.3;
  settings.epochs = 100;
  const VibResult none = measure(make(3000, false), make(900, false), 6, 3, settings);
  const VibResult some = measure(make(3000, true), make(900, true), 6, 3, settings);
  INFO("noise: " << none.i_xz_bits << " bits, one-hot: " << some.i_xz_bits << " bits");
  // For the noise code the optimum at any beta > 0 is the encoder that ignores its input
  // (KL 0, cross-entropy log2 3): measured 0.001 bits after 100 epochs. The one-hot code
  // keeps its label information: measured 1.92 bits.
  CHECK(none.i_xz_bits < 0.01);
  CHECK(none.test_accuracy < 0.45);
  CHECK(some.i_xz_bits > 1.0);
  CHECK(some.test_accuracy == 1.0);
}

TEST_CASE("VIB: seeded and deterministic, and the seed changes the result", "[vib]") {
  const Codes train = two_point_code(600);
  const Codes test = two_point_code(200);
  VibSettings settings;
  settings.epochs = 3;
  settings.encoder_hidden = 4;
  const VibResult a = measure(train, test, 1, 2, settings);
  const VibResult b = measure(train, test, 1, 2, settings);
  CHECK(a.i_xz_bits == b.i_xz_bits);
  CHECK(a.i_xz_bits_train == b.i_xz_bits_train);
  settings.seed = 2;
  CHECK(measure(train, test, 1, 2, settings).i_xz_bits != a.i_xz_bits);
}

TEST_CASE("VIB: mismatched inputs are refused", "[vib]") {
  const Codes codes = two_point_code(10);
  const VibSettings settings;
  std::vector<std::uint8_t> few(codes.labels.begin(), codes.labels.begin() + 5);
  CHECK_THROWS_AS(variational_information(SampleMatrix(codes.values, 1), few,
                                          SampleMatrix(codes.values, 1), codes.labels, 2, settings),
                  std::invalid_argument);
  CHECK_THROWS_AS(variational_information(SampleMatrix(codes.values, 1), codes.labels,
                                          SampleMatrix(codes.values, 1), codes.labels, 1, settings),
                  std::invalid_argument);
  const std::vector<float> wide(20, 0.0F);
  CHECK_THROWS_AS(variational_information(SampleMatrix(codes.values, 1), codes.labels,
                                          SampleMatrix(wide, 2), codes.labels, 2, settings),
                  std::invalid_argument);
}
