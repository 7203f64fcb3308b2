#pragma once
// Spike encoders: turn one grey image (pixels 0-255) into input spike trains over
// [0, duration_ms). Input neuron i belongs to pixel i.
//
// - Poisson: rate = max_rate_hz * pixel/255; exact exponential inter-spike intervals
//   (a continuous-time Poisson process, not a Bernoulli draw per time step).
// - Regular: the same rates, spikes at (k + 1/2) / rate: deterministic, and the count
//   is rate * duration rounded to the nearest integer (half-way cases down).
// - Latency (time to first spike): one spike per pixel above min_pixel, at
//   duration_ms * (1 - pixel/255): bright pixels fire first.

#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "encoders/spike_train.hpp"

namespace sprout::encoders {

enum class EncoderKind { kPoisson, kRegular, kLatency };

struct EncoderParameters {
  EncoderKind kind = EncoderKind::kPoisson;
  double max_rate_hz = 63.75;
  double duration_ms = 350.0;
  std::uint8_t latency_min_pixel = 1;  // latency encoder: dimmer pixels stay silent
};

[[nodiscard]] EncoderKind parse_encoder_kind(const std::string& name);  // "poisson", ...
[[nodiscard]] std::string to_string(EncoderKind kind);
// Throws std::invalid_argument naming the bad value.
void validate(const EncoderParameters& parameters);

[[nodiscard]] inline double pixel_rate_hz(std::uint8_t pixel, double max_rate_hz) {
  return max_rate_hz * static_cast<double>(pixel) / 255.0;
}

// Needs a generator of full-range 64-bit words (e.g. sprout::RandomStream).
template <class Generator>
concept Full64BitGenerator = std::uniform_random_bit_generator<Generator> && Generator::min()
== 0 && Generator::max() == std::numeric_limits<std::uint64_t>::max();

// Walker's alias table over integer weights (grey levels), built exactly in integers
// (Vose's method): pick() returns index i with probability weight_i / sum of weights,
// with no rounding, in constant time from one uniform integer.
class IntegerAliasTable {
 public:
  // Weights of zero are never picked. Throws std::invalid_argument if all are zero.
  void build(std::span<const std::uint8_t> weights);
  // Number of equally likely outcomes that pick() maps onto the weights.
  [[nodiscard]] std::uint64_t outcomes() const { return outcomes_; }
  // `outcome` uniform in [0, outcomes()): the column is outcome / total, and the
  // remainder chooses between the column's own item and its alias.
  [[nodiscard]] std::uint32_t pick(std::uint64_t outcome) const {
    const std::uint64_t column = outcome / total_;
    const std::uint64_t rest = outcome - column * total_;
    return rest < keep_[column] ? item_[column] : alias_[column];
  }

 private:
  std::uint64_t total_ = 1;           // sum of the weights: the mass of every column
  std::uint64_t outcomes_ = 0;        // columns x total_
  std::vector<std::uint32_t> item_;   // per column: its own item (a non-zero weight)
  std::vector<std::uint32_t> alias_;  // per column: the item that fills the rest
  std::vector<std::uint64_t> keep_;   // per column: mass of its own item, <= total_
};

// A Poisson train per lit pixel, generated as one Poisson process of the summed rate
// whose spikes each go to pixel i with probability rate_i / summed rate (superposition
// and thinning of Poisson processes, both exact). The spikes come out in time order, so
// nothing needs sorting, and each pixel's train is a Poisson process of its own rate.
template <Full64BitGenerator Generator>
void encode_poisson(std::span<const std::uint8_t> pixels, const EncoderParameters& parameters,
                    Generator& generator, SpikeTrain& out) {
  std::uint64_t grey_sum = 0;
  for (std::uint8_t grey : pixels)
    grey_sum += grey;
  if (grey_sum == 0) return;
  // Rates are proportional to the grey values, so these are exact integer weights.
  IntegerAliasTable table;
  table.build(pixels);
  const double total_rate_hz = parameters.max_rate_hz * static_cast<double>(grey_sum) / 255.0;
  const double mean_isi_ms = 1000.0 / total_rate_hz;
  auto next_isi_ms = [&] {
    // Uniform in (0, 1] from 53 bits, so the logarithm is finite.
    const double u = static_cast<double>((generator() >> 11) + 1) * 0x1.0p-53;
    return -mean_isi_ms * std::log(u);
  };
  // Uniform integer in [0, n) without bias (Lemire's multiply-and-reject).
  const std::uint64_t n = table.outcomes();
  auto uniform_below_n = [&] {
    __extension__ using Wide = unsigned __int128;
    Wide product = static_cast<Wide>(generator()) * n;
    if (static_cast<std::uint64_t>(product) < n) {
      const std::uint64_t threshold = -n % n;
      while (static_cast<std::uint64_t>(product) < threshold)
        product = static_cast<Wide>(generator()) * n;
    }
    return static_cast<std::uint64_t>(product >> 64);
  };
  for (double t_ms = next_isi_ms(); t_ms < parameters.duration_ms; t_ms += next_isi_ms()) {
    out.add(t_ms, table.pick(uniform_below_n()));
  }
}

void encode_regular(std::span<const std::uint8_t> pixels, const EncoderParameters& parameters,
                    SpikeTrain& out);
void encode_latency(std::span<const std::uint8_t> pixels, const EncoderParameters& parameters,
                    SpikeTrain& out);

// Dispatches on parameters.kind; the generator is used by the Poisson encoder only.
template <Full64BitGenerator Generator>
void encode(std::span<const std::uint8_t> pixels, const EncoderParameters& parameters,
            Generator& generator, SpikeTrain& out) {
  switch (parameters.kind) {
    case EncoderKind::kPoisson:
      encode_poisson(pixels, parameters, generator, out);
      return;
    case EncoderKind::kRegular:
      encode_regular(pixels, parameters, out);
      return;
    case EncoderKind::kLatency:
      encode_latency(pixels, parameters, out);
      return;
  }
}

}  // namespace sprout::encoders
