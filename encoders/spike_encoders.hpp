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

template <Full64BitGenerator Generator>
void encode_poisson(std::span<const std::uint8_t> pixels, const EncoderParameters& parameters,
                    Generator& generator, SpikeTrain& out) {
  for (std::uint32_t i = 0; i < pixels.size(); ++i) {
    const double rate_hz = pixel_rate_hz(pixels[i], parameters.max_rate_hz);
    if (rate_hz <= 0.0) continue;
    const double mean_isi_ms = 1000.0 / rate_hz;
    auto next_isi_ms = [&] {
      // Uniform in (0, 1] from 53 bits, so the logarithm is finite.
      const double u = static_cast<double>((generator() >> 11) + 1) * 0x1.0p-53;
      return -mean_isi_ms * std::log(u);
    };
    for (double t_ms = next_isi_ms(); t_ms < parameters.duration_ms; t_ms += next_isi_ms()) {
      out.add(t_ms, i);
    }
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
