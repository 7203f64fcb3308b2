#include "analysis/overparameterisation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace sprout::analysis {
namespace {

std::vector<SweepPoint> sorted_curve(std::span<const SweepPoint> curve) {
  if (curve.empty()) throw std::invalid_argument("accuracy-synapse curve is empty");
  for (const SweepPoint& point : curve) {
    if (!(point.synapses > 0)) throw std::invalid_argument("sweep point with synapses <= 0");
  }
  std::vector<SweepPoint> sorted(curve.begin(), curve.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const SweepPoint& a, const SweepPoint& b) {
    return a.synapses < b.synapses;
  });
  return sorted;
}

}  // namespace

OverparameterisationFactor overparameterisation_factor(std::span<const SweepPoint> curve,
                                                       double tolerance_points) {
  if (!(tolerance_points >= 0)) throw std::invalid_argument("accuracy tolerance must be >= 0");
  const std::vector<SweepPoint> sorted = sorted_curve(curve);
  OverparameterisationFactor result;
  result.tolerance_points = tolerance_points;
  result.dense = sorted.back();
  // Sorted ascending, so the first point within tolerance is the smallest such net.
  result.smallest = *std::find_if(sorted.begin(), sorted.end(), [&](const SweepPoint& p) {
    return p.accuracy_percent >= result.dense.accuracy_percent - tolerance_points;
  });
  result.factor = result.dense.synapses / result.smallest.synapses;
  return result;
}

EqualAccuracyRatio synapse_ratio_at_equal_accuracy(std::span<const SweepPoint> bp_curve,
                                                   SweepPoint structural) {
  if (!(structural.synapses > 0)) throw std::invalid_argument("structural net has no synapses");
  const std::vector<SweepPoint> sorted = sorted_curve(bp_curve);
  EqualAccuracyRatio result;
  result.target_accuracy_percent = structural.accuracy_percent;
  result.structural_synapses = structural.synapses;
  const double target = structural.accuracy_percent;
  if (sorted.front().accuracy_percent >= target) {
    result.status = RatioStatus::kUpperBound;
    result.bp_synapses = sorted.front().synapses;
  } else {
    result.status = RatioStatus::kNotReached;
    result.bp_synapses = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      const SweepPoint& a = sorted[i - 1];
      const SweepPoint& b = sorted[i];
      if (a.accuracy_percent < target && b.accuracy_percent >= target) {
        const double fraction =
            (target - a.accuracy_percent) / (b.accuracy_percent - a.accuracy_percent);
        result.bp_synapses = std::exp(std::log(a.synapses) +
                                      fraction * (std::log(b.synapses) - std::log(a.synapses)));
        result.status = RatioStatus::kInterpolated;
        break;
      }
    }
  }
  result.ratio = result.bp_synapses / result.structural_synapses;
  return result;
}

}  // namespace sprout::analysis
