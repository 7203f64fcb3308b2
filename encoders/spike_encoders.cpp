#include "encoders/spike_encoders.hpp"

#include <fmt/format.h>

namespace sprout::encoders {

EncoderKind parse_encoder_kind(const std::string& name) {
  if (name == "poisson") return EncoderKind::kPoisson;
  if (name == "regular") return EncoderKind::kRegular;
  if (name == "latency") return EncoderKind::kLatency;
  throw std::invalid_argument(
      fmt::format("encoder '{}' is unknown (poisson, regular or latency)", name));
}

std::string to_string(EncoderKind kind) {
  switch (kind) {
    case EncoderKind::kPoisson:
      return "poisson";
    case EncoderKind::kRegular:
      return "regular";
    case EncoderKind::kLatency:
      return "latency";
  }
  return "unknown";
}

void validate(const EncoderParameters& p) {
  if (!(p.max_rate_hz > 0.0) || !std::isfinite(p.max_rate_hz)) {
    throw std::invalid_argument(fmt::format("max_rate_hz = {} must be > 0", p.max_rate_hz));
  }
  if (!(p.duration_ms > 0.0) || !std::isfinite(p.duration_ms)) {
    throw std::invalid_argument(fmt::format("duration_ms = {} must be > 0", p.duration_ms));
  }
}

void encode_regular(std::span<const std::uint8_t> pixels, const EncoderParameters& parameters,
                    SpikeTrain& out) {
  for (std::uint32_t i = 0; i < pixels.size(); ++i) {
    const double rate_hz = pixel_rate_hz(pixels[i], parameters.max_rate_hz);
    if (rate_hz <= 0.0) continue;
    const double isi_ms = 1000.0 / rate_hz;
    for (double k = 0.5; k * isi_ms < parameters.duration_ms; k += 1.0)
      out.add(k * isi_ms, i);
  }
}

void encode_latency(std::span<const std::uint8_t> pixels, const EncoderParameters& parameters,
                    SpikeTrain& out) {
  for (std::uint32_t i = 0; i < pixels.size(); ++i) {
    if (pixels[i] < parameters.latency_min_pixel || pixels[i] == 0) continue;
    out.add(parameters.duration_ms * (1.0 - static_cast<double>(pixels[i]) / 255.0), i);
  }
}

}  // namespace sprout::encoders
