// Discrete entropy / mutual information estimators against distributions with known
// answers. Tolerances (docs/metrics.md, "Validation"): 5 standard deviations of the
// estimator's sampling distribution at the test's sample size, derived analytically:
//  - near a uniform or independent case the plug-in estimate's error is
//    chi^2_d / (2 N ln 2) (Miller 1955; G-test), so the Miller-Madow corrected value has
//    mean ~0 and sd = sqrt(2 d) / (2 N ln 2);
//  - otherwise the delta method gives sd = sqrt(Var[i(X;Y)] / N), i = log2 p(x,y)/(p(x)p(y)).
#include <omp.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "analysis/information.hpp"
#include "known_distributions.hpp"
#include "random_samples.hpp"

using sprout::analysis::BootstrapOptions;
using sprout::analysis::mutual_information;
using sprout::testing::binary_entropy_bits;
using sprout::testing::binary_symmetric_channel;
using sprout::testing::RandomSamples;

namespace {

constexpr double kLn2 = std::numbers::ln2;

// sd of the corrected estimate when its error is (chi^2_d - d) / (2 N ln 2).
double chi_square_sd_bits(double dof, double n) {
  return std::sqrt(2.0 * dof) / (2.0 * n * kLn2);
}

// Var[i(X;Y)] for the binary symmetric channel with uniform input.
double bsc_information_variance(double epsilon) {
  const double spread = std::log2((1 - epsilon) / epsilon);
  return epsilon * (1 - epsilon) * spread * spread;
}

}  // namespace

TEST_CASE("Entropy of hand-computed histograms", "[information]") {
  const std::vector<std::size_t> fair{2, 2};
  CHECK(sprout::analysis::plugin_entropy_bits(fair) == Approx(1.0).epsilon(1e-12));
  // Miller-Madow adds (m - 1) / (2 N ln 2) with m = 2 occupied bins, N = 4.
  CHECK(sprout::analysis::miller_madow_entropy_bits(fair) ==
        Approx(1.0 + 1.0 / (8 * kLn2)).epsilon(1e-12));
  const std::vector<std::size_t> skewed{1, 0, 1, 2};  // p = 1/4, 1/4, 1/2: H = 1.5
  CHECK(sprout::analysis::plugin_entropy_bits(skewed) == Approx(1.5).epsilon(1e-12));
  CHECK(sprout::analysis::miller_madow_entropy_bits(skewed) ==
        Approx(1.5 + 2.0 / (8 * kLn2)).epsilon(1e-12));
  CHECK(sprout::analysis::plugin_entropy_bits(std::vector<std::size_t>{7}) == 0.0);
}

TEST_CASE("Independent variables: corrected MI is 0 within 5 sd, plug-in shows its bias",
          "[information]") {
  const std::size_t n = 20000;
  RandomSamples random(11);
  std::vector<int> x(n), y(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = random.below(4);
    y[i] = random.below(10);
  }
  const auto estimate = mutual_information(x, y, {.replicates = 0});
  const double dof = 3 * 9;
  const double sd = chi_square_sd_bits(dof, n);  // 2.65e-4 bits
  CHECK(std::abs(estimate.bits) < 5 * sd);
  // The plug-in estimate is biased upwards by dof / (2 N ln 2) = 9.7e-4 bits.
  CHECK(std::abs(estimate.plugin_bits - dof / (2 * n * kLn2)) < 5 * sd);
  CHECK_FALSE(estimate.undersampled);
  CHECK(estimate.x_symbols == 4);
  CHECK(estimate.y_symbols == 10);
}

TEST_CASE("Deterministic bijection: I(X, pi(X)) = H(X)", "[information]") {
  const std::size_t n = 4000;
  RandomSamples random(12);
  const std::vector<int> permutation{5, 2, 7, 0, 3, 6, 1, 4};

  SECTION("uniform over 8 symbols: log2 8 = 3 bits") {
    std::vector<int> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = random.below(8);
      y[i] = permutation[static_cast<std::size_t>(x[i])] * 10 - 3;  // any relabelling
    }
    const auto estimate = mutual_information(x, y, {.replicates = 0});
    CHECK(std::abs(estimate.bits - 3.0) < 5 * chi_square_sd_bits(7, n));  // 3.4e-3 bits
    // The plug-in estimate falls short of H by (K - 1) / (2 N ln 2) on average.
    CHECK(estimate.plugin_bits < estimate.bits);
    CHECK(sprout::analysis::entropy(x, {.replicates = 0}).bits ==
          Approx(estimate.bits).epsilon(1e-12));
  }
  SECTION("skewed p = (1/2, 1/4, 1/8, 1/8): H = 1.75 bits") {
    std::vector<int> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double u = random.uniform();
      x[i] = u < 0.5 ? 0 : u < 0.75 ? 1 : u < 0.875 ? 2 : 3;
      y[i] = permutation[static_cast<std::size_t>(x[i])];
    }
    // Delta method: Var[-log2 p(X)] = 3.75 - 1.75^2 = 0.6875.
    const double sd = std::sqrt(0.6875 / n);  // 0.013 bits
    const auto estimate = mutual_information(x, y, {.replicates = 0});
    CHECK(std::abs(estimate.bits - 1.75) < 5 * sd);
  }
}

TEST_CASE("Binary symmetric channel: I = 1 - h(epsilon), bootstrap sd matches theory",
          "[information]") {
  const std::size_t n = 10000;
  const double epsilon = 0.1;
  const auto sample = binary_symmetric_channel(n, epsilon, 13);
  const double truth = 1.0 - binary_entropy_bits(epsilon);             // 0.531 bits
  const double sd = std::sqrt(bsc_information_variance(epsilon) / n);  // 0.0095 bits
  const auto estimate = mutual_information(sample.x, sample.y, {.replicates = 200, .seed = 7});
  CHECK(std::abs(estimate.bits - truth) < 5 * sd);
  CHECK(estimate.ci_low_bits <= estimate.bits);
  CHECK(estimate.bits <= estimate.ci_high_bits);
  // 200 replicates estimate an sd to about 1/sqrt(2 * 200) = 5 % (plus the delta
  // method's own approximation): accept 0.8 .. 1.25.
  CHECK(estimate.bootstrap_standard_error_bits / sd > 0.8);
  CHECK(estimate.bootstrap_standard_error_bits / sd < 1.25);
}

TEST_CASE("Bootstrap interval covers the true MI at about its nominal rate", "[information]") {
  // 100 independent channels of 500 samples each; a 95 % interval that is valid misses
  // about 5 of them (binomial sd 2.2). Fewer than 85 hits would be 4.5 sd below nominal.
  const double epsilon = 0.1;
  const double truth = 1.0 - binary_entropy_bits(epsilon);
  int covered = 0;
  for (int experiment = 0; experiment < 100; ++experiment) {
    const auto sample = binary_symmetric_channel(500, epsilon, 1000 + experiment);
    const auto estimate = mutual_information(
        sample.x, sample.y, {.replicates = 200, .seed = static_cast<std::uint64_t>(experiment)});
    covered += estimate.ci_low_bits <= truth && truth <= estimate.ci_high_bits ? 1 : 0;
  }
  CHECK(covered >= 85);
}

TEST_CASE("Bootstrap result does not depend on the thread count", "[information]") {
  const auto sample = binary_symmetric_channel(3000, 0.2, 14);
  const int threads_before = omp_get_max_threads();
  omp_set_num_threads(1);
  const auto one = mutual_information(sample.x, sample.y, {.replicates = 64, .seed = 3});
  omp_set_num_threads(2);
  const auto two = mutual_information(sample.x, sample.y, {.replicates = 64, .seed = 3});
  omp_set_num_threads(threads_before);
  CHECK(one.ci_low_bits == two.ci_low_bits);
  CHECK(one.ci_high_bits == two.ci_high_bits);
  CHECK(one.bootstrap_standard_error_bits == two.bootstrap_standard_error_bits);
}

TEST_CASE("Mutual information rejects unpaired input", "[information]") {
  const std::vector<int> three{1, 2, 3}, two{1, 2}, none;
  CHECK_THROWS_AS(mutual_information(three, two), std::invalid_argument);
  CHECK_THROWS_AS(mutual_information(none, none), std::invalid_argument);
  CHECK_THROWS_AS(mutual_information(three, three, {.replicates = 10, .confidence = 1.5}),
                  std::invalid_argument);
}

TEST_CASE("Discretisation of one feature, hand-computed", "[information]") {
  using sprout::analysis::Binning;
  using sprout::analysis::discretise_feature;
  const std::vector<float> values{0, 1, 2, 3, 4};
  const sprout::analysis::SampleMatrix column(values, 1);
  CHECK(discretise_feature(column, 0, 2, Binning::kEqualWidth) == std::vector<int>{0, 0, 1, 1, 1});
  const std::vector<float> shuffled{5, 1, 4, 2, 3};  // median edge 3
  CHECK(discretise_feature({shuffled, 1}, 0, 2, Binning::kEqualFrequency) ==
        std::vector<int>{1, 0, 1, 0, 1});
  const std::vector<float> counts{0, 1.4f, 2.6f, 7};
  CHECK(discretise_feature({counts, 1}, 0, 3, Binning::kRoundedCapped) ==
        std::vector<int>{0, 1, 2, 2});
  const std::vector<float> constant{2, 2, 2};
  CHECK(discretise_feature({constant, 1}, 0, 4, Binning::kEqualWidth) == std::vector<int>{0, 0, 0});
}

TEST_CASE("Hidden code information of a one-unit-per-class code", "[information]") {
  // Four classes in turn; unit j fires 5 spikes for class j, none otherwise. Each unit is
  // the indicator of its class: I(unit; label) = h(1/4). The joint code and the winner
  // are bijections of the label: 2 bits. Plug-in values are exact here (the empirical
  // distribution is the true one); the corrected ones add exactly the Miller-Madow terms.
  const std::size_t n = 4000;
  std::vector<float> codes(n * 4, 0.0f);
  std::vector<int> labels(n);
  for (std::size_t i = 0; i < n; ++i) {
    labels[i] = static_cast<int>(i % 4);
    codes[i * 4 + i % 4] = 5;
  }
  const auto info = sprout::analysis::hidden_code_information(
      {codes, 4}, labels,
      {.bins = 8,
       .binning = sprout::analysis::Binning::kRoundedCapped,
       .bootstrap = {.replicates = 20}});
  const double term = 1.0 / (2 * n * kLn2);  // one (m - 1)/(2 N ln 2) unit
  REQUIRE(info.per_unit_bits.size() == 4);
  for (const double bits : info.per_unit_bits) {
    // m_x + m_y - m_xy - 1 = 2 + 4 - 4 - 1 = 1 correction unit.
    CHECK(bits == Approx(binary_entropy_bits(0.25) + term).epsilon(1e-9));
  }
  CHECK(info.mean_unit_bits == Approx(binary_entropy_bits(0.25) + term).epsilon(1e-9));
  CHECK(info.joint.plugin_bits == Approx(2.0).epsilon(1e-12));
  CHECK(info.joint.bits == Approx(2.0 + 3 * term).epsilon(1e-9));
  CHECK(info.winner.plugin_bits == Approx(2.0).epsilon(1e-12));
  CHECK_FALSE(info.joint.undersampled);
}

TEST_CASE("A joint code with a distinct value per sample is flagged undersampled",
          "[information]") {
  RandomSamples random(15);
  const std::size_t n = 1000;
  const std::vector<float> codes = random.normals(n * 20);
  std::vector<int> labels(n);
  for (auto& label : labels)
    label = random.below(10);
  const auto info = sprout::analysis::hidden_code_information({codes, 20}, labels,
                                                              {.bootstrap = {.replicates = 0}});
  // Every row is distinct, so the plug-in "sees" a perfect code of the labels.
  CHECK(info.joint.undersampled);
  CHECK(info.joint.x_symbols == n);
  // Per unit (4 equal-width bins) the estimate is sound: each unit is independent of the
  // label, dof = 3 * 9, so each corrected value is within 5 sd of 0.
  for (const double bits : info.per_unit_bits)
    CHECK(std::abs(bits) < 5 * chi_square_sd_bits(27, n));
}

TEST_CASE("Winner symbols: first maximum, -1 for a silent row", "[information]") {
  const std::vector<float> codes{0, 3, 3, 1, 0, 0, 0, 0, 2, 0, 0, 0};
  CHECK(sprout::analysis::winner_symbols({codes, 4}) == std::vector<int>{1, -1, 0});
}

TEST_CASE("An estimate is reportable only when sampled well and inside its interval",
          "[information]") {
  using sprout::analysis::unsupported_reason;
  sprout::results::InformationEstimate estimate{
      .bits = 2.57, .ci_low_bits = 2.5, .ci_high_bits = 2.7, .samples = 1000, .joint_symbols = 40};
  CHECK(unsupported_reason(estimate).empty());
  estimate.ci_low_bits = 2.660;  // the replicates sit above the estimate
  estimate.ci_high_bits = 2.707;
  CHECK(unsupported_reason(estimate) ==
        "biased: the estimate 2.570 lies outside its bootstrap interval [2.660, 2.707]");
  estimate.ci_low_bits = 2.4;  // ... or below it
  estimate.ci_high_bits = 2.5;
  CHECK(unsupported_reason(estimate) ==
        "biased: the estimate 2.570 lies outside its bootstrap interval [2.400, 2.500]");
  // Without a bootstrap there is no interval to check against: only the sample size.
  estimate.ci_low_bits = std::numeric_limits<double>::quiet_NaN();
  CHECK(unsupported_reason(estimate).empty());
  estimate.undersampled = true;
  CHECK(unsupported_reason(estimate) == "undersampled: 40 occupied cells for 1000 samples");
}
