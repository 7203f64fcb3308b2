#pragma once
// How many more synapses BP uses than it needs (docs/metrics.md, "Over-parameterisation"),
// from a pruning sweep: (non-zero synapses, test accuracy) points of one BP architecture.

#include <nlohmann/json_fwd.hpp>
#include <span>

namespace sprout::analysis {

struct SweepPoint {
  double synapses = 0;          // non-zero synapses, > 0
  double accuracy_percent = 0;  // test accuracy in percent
};

struct OverparameterisationFactor {
  SweepPoint dense{};     // the point with the most synapses
  SweepPoint smallest{};  // fewest synapses with accuracy >= dense accuracy - tolerance
  double tolerance_points = 0;
  double factor = 0;  // dense.synapses / smallest.synapses
};

// Throws std::invalid_argument for an empty curve, synapses <= 0 or a negative tolerance.
[[nodiscard]] OverparameterisationFactor overparameterisation_factor(
    std::span<const SweepPoint> curve, double tolerance_points = 0.5);

enum class RatioStatus {
  kInterpolated,  // BP's curve crosses the target accuracy: ratio as computed
  kUpperBound,    // BP's smallest net already reaches the target: the true ratio is <= this
  kNotReached,    // no BP net reaches the target: no ratio (NaN)
};

struct EqualAccuracyRatio {
  double target_accuracy_percent = 0;
  double bp_synapses = 0;  // interpolated linearly in log(synapses) between sweep points
  double structural_synapses = 0;
  double ratio = 0;  // bp_synapses / structural_synapses
  RatioStatus status = RatioStatus::kInterpolated;
};

// The fewest synapses at which the BP curve (sorted by synapses, piecewise linear in log
// synapses) first reaches the structural rule's accuracy, divided by its synapse count.
[[nodiscard]] EqualAccuracyRatio synapse_ratio_at_equal_accuracy(
    std::span<const SweepPoint> bp_curve, SweepPoint structural);

void to_json(nlohmann::json& out, const OverparameterisationFactor& factor);
void to_json(nlohmann::json& out, const EqualAccuracyRatio& ratio);

}  // namespace sprout::analysis
