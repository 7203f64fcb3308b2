// kNN mutual information estimators against closed-form answers.
//
// Tolerances (docs/metrics.md, "Validation"): each check averages R = 10 independent
// samples of N = 1000 (k = 3) and allows |mean - truth| <= |b| + 5 sd / sqrt(R), where sd
// is the single-estimate standard deviation and b the bias, both measured over 400
// replicates by the calibration run (sprout_tests "[calibration]"). The observed sample
// sd must also stay below 2 sd (a variance blow-up fails).
#include <omp.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "analysis/knn_information.hpp"
#include "known_distributions.hpp"

using sprout::analysis::SampleMatrix;

namespace {

constexpr int kReplicates = 10;
constexpr std::size_t kSamples = 1000;

struct Calibration {
  double bias_bits;  // measured mean - truth
  double sd_bits;    // measured sd of one estimate
};

void check_against(const std::vector<double>& estimates, double truth, Calibration calibration) {
  const auto s = sprout::testing::sample_moments(estimates);
  const double tolerance =
      std::abs(calibration.bias_bits) + 5 * calibration.sd_bits / std::sqrt(double(kReplicates));
  INFO("mean " << s.mean << " truth " << truth << " tolerance " << tolerance << " sd " << s.sd);
  CHECK(std::abs(s.mean - truth) <= tolerance);
  CHECK(s.sd < 2 * calibration.sd_bits);
}

std::vector<double> ksg_replicates(std::size_t dimensions, double noise_sd, std::uint64_t seed) {
  std::vector<double> estimates;
  for (int r = 0; r < kReplicates; ++r) {
    const auto s = sprout::testing::gaussian_channel(kSamples, dimensions, noise_sd, seed + r);
    estimates.push_back(
        sprout::analysis::ksg_mutual_information({s.x, dimensions}, {s.y, dimensions}, 3).bits);
  }
  return estimates;
}

}  // namespace

TEST_CASE("KSG on a hand-computed 4-point set", "[knn_information]") {
  // k = 1, points (0,0) (1,2) (3,3) (6,7): eps = 2, 2, 2, 4; (n_x, n_y) = (1,0) (1,1)
  // (0,1) (1,0); I = psi(1) + psi(4) - (5 psi(2) + 3 psi(1)) / 4 = 11/6 - 5/4 = 7/12 nats.
  const std::vector<float> x{0, 1, 3, 6}, y{0, 2, 3, 7};
  const auto estimate = sprout::analysis::ksg_mutual_information({x, 1}, {y, 1}, 1);
  CHECK(estimate.bits == Approx(7.0 / 12.0 / std::numbers::ln2).epsilon(1e-12));
  CHECK(estimate.zero_distance_samples == 0);
}

TEST_CASE("KSG: independent Gaussians give 0", "[knn_information]") {
  check_against(ksg_replicates(1, -1.0, 100), 0.0, {.bias_bits = 0.0006, .sd_bits = 0.033});
}

TEST_CASE("KSG: Gaussian channel, 1-D, I = 0.5 log2(1 + 1/sigma^2)", "[knn_information]") {
  check_against(ksg_replicates(1, 1.0, 200), sprout::testing::gaussian_channel_bits(1, 1.0),
                {.bias_bits = 0.0028, .sd_bits = 0.044});
}

TEST_CASE("KSG: two parallel Gaussian channels, 2+2-D", "[knn_information]") {
  // I = 2.32 bits; KSG under-estimates strong dependence (Kraskov et al. 2004); the
  // calibrated bias is -0.047 bits at N = 1000.
  check_against(ksg_replicates(2, 0.5, 300), sprout::testing::gaussian_channel_bits(2, 0.5),
                {.bias_bits = 0.047, .sd_bits = 0.061});
}

TEST_CASE("KSG does not depend on the thread count and rejects bad input", "[knn_information]") {
  const auto s = sprout::testing::gaussian_channel(600, 1, 1.0, 400);
  const int threads_before = omp_get_max_threads();
  omp_set_num_threads(1);
  const double one = sprout::analysis::ksg_mutual_information({s.x, 1}, {s.y, 1}).bits;
  omp_set_num_threads(2);
  const double two = sprout::analysis::ksg_mutual_information({s.x, 1}, {s.y, 1}).bits;
  omp_set_num_threads(threads_before);
  CHECK(one == two);

  const std::vector<float> three{1, 2, 3}, two_values{1, 2};
  CHECK_THROWS_AS(sprout::analysis::ksg_mutual_information({three, 1}, {two_values, 1}),
                  std::invalid_argument);
  CHECK_THROWS_AS(sprout::analysis::ksg_mutual_information({three, 1}, {three, 1}, 3),
                  std::invalid_argument);
}

TEST_CASE("Ross kNN label MI on a hand-computed 4-point set", "[knn_information]") {
  // k = 1, x = 0 1 3 6, labels 0 0 1 1: radii 1 1 3 3, m = 1 1 3 1 (ties at the radius
  // count); I = psi(4) + psi(1) - psi(2) - (3 psi(1) + psi(3)) / 4 = 11/24 nats.
  const std::vector<float> x{0, 1, 3, 6};
  const std::vector<int> labels{0, 0, 1, 1};
  const auto estimate = sprout::analysis::knn_label_information({x, 1}, labels, 1);
  CHECK(estimate.bits == Approx(11.0 / 24.0 / std::numbers::ln2).epsilon(1e-12));
  CHECK(estimate.samples == 4);
}

TEST_CASE("Ross kNN label MI on Gaussian mixtures", "[knn_information]") {
  for (const double separation : {0.0, 2.0}) {
    std::vector<double> estimates;
    for (int r = 0; r < kReplicates; ++r) {
      const auto s = sprout::testing::gaussian_mixture(kSamples, separation, 500 + r);
      estimates.push_back(sprout::analysis::knn_label_information({s.x, 1}, s.labels, 3).bits);
    }
    // Truth by quadrature: 0 and 0.4859 bits.
    const double truth = sprout::testing::gaussian_mixture_bits(separation);
    check_against(estimates, truth,
                  separation == 0 ? Calibration{.bias_bits = 0.0003, .sd_bits = 0.0224}
                                  : Calibration{.bias_bits = 0.0052, .sd_bits = 0.0315});
  }
}

TEST_CASE("Mixture quadrature agrees with the limits it must reach", "[knn_information]") {
  // Far-apart classes are perfectly separable (1 bit); coinciding ones carry nothing.
  CHECK(sprout::testing::gaussian_mixture_bits(0.0) == Approx(0.0).margin(1e-12));
  CHECK(sprout::testing::gaussian_mixture_bits(20.0) == Approx(1.0).margin(1e-9));
}

TEST_CASE("Ross kNN label MI leaves out labels seen once", "[knn_information]") {
  const std::vector<float> x{0, 1, 3, 6, 10};
  const std::vector<int> labels{0, 0, 1, 1, 7};
  // The lone sample takes no part at all: the result is the 4-point case above.
  const auto estimate = sprout::analysis::knn_label_information({x, 1}, labels, 1);
  CHECK(estimate.samples == 4);
  CHECK(estimate.bits == Approx(11.0 / 24.0 / std::numbers::ln2).epsilon(1e-12));
  const std::vector<int> unique{1, 2, 3, 4, 5};
  CHECK_THROWS_AS(sprout::analysis::knn_label_information({x, 1}, unique, 1),
                  std::invalid_argument);
}
