// The calibration behind the estimator tests' tolerances (docs/metrics.md, "Validation"):
// each estimator's mean, bias and standard deviation over many independent replicates at
// the sample size the tests use, and the bootstrap interval's coverage. A tool, not a
// test: it asserts nothing; its numbers are the constants the tests assert against.
// Run: build/<preset>/benchmarks/estimator_calibration (about a minute).
#include <cmath>
#include <cstdio>
#include <vector>

#include "analysis/information.hpp"
#include "analysis/knn_information.hpp"
#include "known_distributions.hpp"

namespace {

void print(const char* what, double truth, const std::vector<double>& values) {
  const auto m = sprout::testing::sample_moments(values);
  std::printf("%-44s truth %.4f  mean %.4f  bias %+.4f (se %.4f)  sd %.4f  [%zu replicates]\n",
              what, truth, m.mean, m.mean - truth, m.sd / std::sqrt(double(values.size())), m.sd,
              values.size());
}

constexpr int kReplicates = 400;

void calibrate_ksg() {  // KSG estimator 1 on Gaussian channels, N = 1000, k = 3
  using sprout::testing::gaussian_channel;
  struct Case {
    const char* name;
    std::size_t dimensions;
    double noise_sd;
  };
  for (const Case& c :
       {Case{"KSG independent 1+1 D", 1, -1.0}, Case{"KSG channel 1 D, noise sd 1", 1, 1.0},
        Case{"KSG channel 2 D, noise sd 0.5", 2, 0.5}}) {
    std::vector<double> values;
    for (int r = 0; r < kReplicates; ++r) {
      const auto s = gaussian_channel(1000, c.dimensions, c.noise_sd, 5000 + r);
      values.push_back(
          sprout::analysis::ksg_mutual_information({s.x, s.dimensions}, {s.y, s.dimensions}, 3)
              .bits);
    }
    print(c.name, sprout::testing::gaussian_channel_bits(c.dimensions, c.noise_sd), values);
  }
}

void calibrate_ross() {  // Ross kNN label MI on a Gaussian mixture, N = 1000, k = 3
  for (const double separation : {0.0, 2.0}) {
    std::vector<double> values;
    for (int r = 0; r < kReplicates; ++r) {
      const auto s = sprout::testing::gaussian_mixture(1000, separation, 7000 + r);
      values.push_back(sprout::analysis::knn_label_information({s.x, 1}, s.labels, 3).bits);
    }
    print(separation == 0 ? "Ross mixture, separation 0" : "Ross mixture, separation 2",
          sprout::testing::gaussian_mixture_bits(separation), values);
  }
}

void calibrate_bootstrap_coverage() {  // binary symmetric channel
  const double epsilon = 0.1;
  const double truth = 1.0 - sprout::testing::binary_entropy_bits(epsilon);
  for (const std::size_t n : {100, 500, 2000}) {
    int covered = 0;
    std::vector<double> values;
    const int experiments = 1000;
    for (int e = 0; e < experiments; ++e) {
      const auto s = sprout::testing::binary_symmetric_channel(n, epsilon, 90000 + e);
      const auto estimate = sprout::analysis::mutual_information(
          s.x, s.y, {.replicates = 200, .seed = static_cast<std::uint64_t>(e)});
      covered += estimate.ci_low_bits <= truth && truth <= estimate.ci_high_bits ? 1 : 0;
      values.push_back(estimate.bits);
    }
    std::printf("BSC eps 0.1, N %4zu: 95%% percentile interval covers %d / %d\n", n, covered,
                experiments);
    print("  corrected MI", truth, values);
  }
}

}  // namespace

int main() {
  calibrate_ksg();
  calibrate_ross();
  calibrate_bootstrap_coverage();
  return 0;
}
