#pragma once
// Reproducible random streams for the analysis estimators (bootstrap): one stream per
// (seed, index), so a result does not depend on which thread draws which replicate.
// std::mt19937_64's output is fixed by the standard; std distributions are not, hence
// uniform_index below.

#include <cstddef>
#include <cstdint>
#include <random>

namespace sprout::analysis {

// SplitMix64 finaliser (Steele et al. 2014): decorrelates neighbouring (seed, index) pairs.
[[nodiscard]] constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (index + 1);
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

// Uniform in [0, n) from the top 53 bits (bias < n / 2^53, negligible for sample counts).
[[nodiscard]] inline std::size_t uniform_index(std::mt19937_64& rng, std::size_t n) {
  const double unit = static_cast<double>(rng() >> 11U) * 0x1.0p-53;
  return static_cast<std::size_t>(unit * static_cast<double>(n));
}

}  // namespace sprout::analysis
