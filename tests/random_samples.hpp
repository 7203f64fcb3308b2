#pragma once
// Reproducible random samples for the statistical tests: std::mt19937_64 (its output is
// fixed by the standard) with our own transforms, because std distributions differ
// between standard libraries.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

namespace sprout::testing {

class RandomSamples {
 public:
  explicit RandomSamples(std::uint64_t seed) : rng_(seed) {}

  // Uniform in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>(rng_() >> 11U) * 0x1.0p-53; }
  // Uniform integer in [0, n).
  int below(int n) { return static_cast<int>(uniform() * n); }
  bool bernoulli(double p) { return uniform() < p; }
  // Standard normal by Box-Muller (one of the pair; simple beats fast here).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  std::vector<float> normals(std::size_t n, double sd = 1.0) {
    std::vector<float> out(n);
    for (float& v : out)
      v = static_cast<float>(sd * normal());
    return out;
  }

 private:
  std::mt19937_64 rng_;
};

}  // namespace sprout::testing
