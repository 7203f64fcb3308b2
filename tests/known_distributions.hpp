#pragma once
// Samples from distributions whose mutual information is known in closed form (or by
// one-dimensional quadrature), shared by the estimator tests and their calibration.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

#include "random_samples.hpp"

namespace sprout::testing {

// Mean and (n - 1)-normalised standard deviation of repeated estimates.
struct Moments {
  double mean = 0;
  double sd = 0;
};

inline Moments sample_moments(const std::vector<double>& values) {
  Moments m;
  for (const double v : values)
    m.mean += v;
  m.mean /= static_cast<double>(values.size());
  for (const double v : values)
    m.sd += (v - m.mean) * (v - m.mean);
  m.sd = std::sqrt(m.sd / static_cast<double>(values.size() - 1));
  return m;
}

inline double binary_entropy_bits(double p) {
  return -p * std::log2(p) - (1 - p) * std::log2(1 - p);
}

struct DiscretePairs {
  std::vector<int> x, y;
};

// X uniform on {0,1}, Y = X flipped with probability epsilon: I = 1 - h(epsilon).
inline DiscretePairs binary_symmetric_channel(std::size_t n, double epsilon, std::uint64_t seed) {
  RandomSamples random(seed);
  DiscretePairs sample;
  for (std::size_t i = 0; i < n; ++i) {
    const int x = random.below(2);
    sample.x.push_back(x);
    sample.y.push_back(random.bernoulli(epsilon) ? 1 - x : x);
  }
  return sample;
}

struct ContinuousPairs {
  std::vector<float> x, y;  // n * dimensions each, row-major
  std::size_t dimensions = 1;
};

// `dimensions` independent channels Y_d = X_d + noise_sd * Z_d with X_d, Z_d ~ N(0,1):
// I = dimensions * 0.5 * log2(1 + 1 / noise_sd^2) (Shannon). An infinite noise_sd gives
// independent X and Y (I = 0): pass a negative noise_sd for that.
inline ContinuousPairs gaussian_channel(std::size_t n, std::size_t dimensions, double noise_sd,
                                        std::uint64_t seed) {
  RandomSamples random(seed);
  ContinuousPairs sample;
  sample.dimensions = dimensions;
  for (std::size_t i = 0; i < n * dimensions; ++i) {
    const double x = random.normal();
    const double noise = random.normal();
    sample.x.push_back(static_cast<float>(x));
    sample.y.push_back(static_cast<float>(noise_sd < 0 ? noise : x + noise_sd * noise));
  }
  return sample;
}

inline double gaussian_channel_bits(std::size_t dimensions, double noise_sd) {
  return noise_sd < 0
             ? 0.0
             : 0.5 * static_cast<double>(dimensions) * std::log2(1.0 + 1.0 / (noise_sd * noise_sd));
}

struct LabelledPoints {
  std::vector<float> x;
  std::vector<int> labels;
};

// Label 0 or 1 with probability 1/2, X | label ~ N(+-separation/2, 1).
inline LabelledPoints gaussian_mixture(std::size_t n, double separation, std::uint64_t seed) {
  RandomSamples random(seed);
  LabelledPoints sample;
  for (std::size_t i = 0; i < n; ++i) {
    const int label = random.below(2);
    sample.labels.push_back(label);
    sample.x.push_back(
        static_cast<float>(random.normal() + (label == 0 ? -separation : separation) / 2));
  }
  return sample;
}

// I(X; label) of that mixture by Simpson's rule: sum_y 1/2 int phi_y log2(phi_y / p) dx.
inline double gaussian_mixture_bits(double separation) {
  const auto phi = [](double z) {
    return std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi);
  };
  const double half = separation / 2;
  const double lo = -half - 12, hi = half + 12;
  const int intervals = 20000;  // even
  const double h = (hi - lo) / intervals;
  double sum = 0;
  for (int k = 0; k <= intervals; ++k) {
    const double x = lo + k * h;
    const double p0 = phi(x + half), p1 = phi(x - half), p = 0.5 * (p0 + p1);
    double f = 0;
    if (p0 > 0) f += 0.5 * p0 * std::log2(p0 / p);
    if (p1 > 0) f += 0.5 * p1 * std::log2(p1 / p);
    const double weight = (k == 0 || k == intervals) ? 1 : (k % 2 == 1 ? 4 : 2);
    sum += weight * f;
  }
  return sum * h / 3;
}

}  // namespace sprout::testing
