// Over-parameterisation factor and equal-accuracy synapse ratio on hand-made curves.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "analysis/overparameterisation.hpp"

using sprout::analysis::RatioStatus;
using sprout::analysis::SweepPoint;

namespace {
// A BP pruning sweep, deliberately unsorted: accuracy in percent per non-zero synapse count.
const std::vector<SweepPoint> kCurve{{79510, 98.0}, {8000, 97.6},  {4000, 97.0},
                                     {2000, 95.0},  {16000, 97.9}, {1000, 90.0}};
}  // namespace

TEST_CASE("Over-parameterisation: dense synapses / smallest net within tolerance",
          "[overparameterisation]") {
  const auto factor = sprout::analysis::overparameterisation_factor(kCurve);
  CHECK(factor.dense.synapses == 79510);
  CHECK(factor.smallest.synapses == 8000);  // 97.6 >= 98.0 - 0.5; 97.0 is not
  CHECK(factor.factor == Approx(79510.0 / 8000));
  // A looser tolerance admits the 4000-synapse net.
  CHECK(sprout::analysis::overparameterisation_factor(kCurve, 1.0).smallest.synapses == 4000);
  // With no tolerance only the dense net itself qualifies.
  CHECK(sprout::analysis::overparameterisation_factor(kCurve, 0.0).factor == 1.0);
  CHECK_THROWS_AS(sprout::analysis::overparameterisation_factor({}), std::invalid_argument);
}

TEST_CASE("Equal-accuracy ratio interpolates in log synapses", "[overparameterisation]") {
  // Target 96 % lies halfway between (2000, 95) and (4000, 97): log-midpoint sqrt(2000 * 4000).
  const auto ratio = sprout::analysis::synapse_ratio_at_equal_accuracy(kCurve, {1000, 96.0});
  CHECK(ratio.status == RatioStatus::kInterpolated);
  CHECK(ratio.bp_synapses == Approx(std::sqrt(2000.0 * 4000.0)));
  CHECK(ratio.ratio == Approx(std::sqrt(2000.0 * 4000.0) / 1000));
  // A sweep point hit exactly.
  CHECK(sprout::analysis::synapse_ratio_at_equal_accuracy(kCurve, {500, 97.0}).bp_synapses ==
        Approx(4000));
}

TEST_CASE("Equal-accuracy ratio outside BP's range says so", "[overparameterisation]") {
  const auto below = sprout::analysis::synapse_ratio_at_equal_accuracy(kCurve, {100, 85.0});
  CHECK(below.status == RatioStatus::kUpperBound);
  CHECK(below.ratio == Approx(10.0));  // BP's smallest net (1000) already does it
  const auto above = sprout::analysis::synapse_ratio_at_equal_accuracy(kCurve, {100, 99.0});
  CHECK(above.status == RatioStatus::kNotReached);
  CHECK(std::isnan(above.ratio));
}
