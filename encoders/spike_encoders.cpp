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

namespace {
// Keeps columns x total (<= 255 columns^2) below 2^64.
constexpr std::uint64_t kMaxColumns = std::uint64_t{1} << 28;
}  // namespace

void IntegerAliasTable::build(std::span<const std::uint8_t> weights) {
  item_.clear();
  std::uint64_t total = 0;
  for (std::uint32_t i = 0; i < weights.size(); ++i) {
    if (weights[i] == 0) continue;
    item_.push_back(i);
    total += weights[i];
  }
  if (total == 0) throw std::invalid_argument("alias table: every weight is zero");
  const std::uint64_t columns = item_.size();
  if (columns >= kMaxColumns) {
    throw std::invalid_argument(
        fmt::format("alias table: {} weights, at most {}", columns, kMaxColumns - 1));
  }
  total_ = total;
  outcomes_ = columns * total;  // <= 255 columns^2 < 2^64
  // Each item brings columns x weight of mass; each column holds total. Vose's method
  // fills an under-full column with mass from an over-full one; in integers the masses
  // add up exactly, so the leftover columns are exactly full.
  std::vector<std::uint64_t> mass(columns);
  std::vector<std::uint32_t> small;
  std::vector<std::uint32_t> large;
  for (std::uint32_t c = 0; c < columns; ++c) {
    mass[c] = columns * weights[item_[c]];
    (mass[c] < total ? small : large).push_back(c);
  }
  alias_.assign(item_.begin(), item_.end());
  keep_.assign(columns, total);
  while (!small.empty() && !large.empty()) {
    const std::uint32_t under = small.back();
    small.pop_back();
    const std::uint32_t over = large.back();
    keep_[under] = mass[under];
    alias_[under] = item_[over];
    mass[over] -= total - mass[under];
    if (mass[over] < total) {
      large.pop_back();
      small.push_back(over);
    }
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
