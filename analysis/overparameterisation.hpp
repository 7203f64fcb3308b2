#pragma once
// How many more synapses BP uses than it needs (docs/metrics.md, "Over-parameterisation"),
// from a pruning sweep: (non-zero synapses, test accuracy) points of one BP architecture.

#include <span>

#include "results/metric_values.hpp"

namespace sprout::analysis {

// The values are results data (results/metric_values.hpp); these functions compute them.
using results::EqualAccuracyRatio;
using results::OverparameterisationFactor;
using results::RatioStatus;
using results::SweepPoint;

// Throws std::invalid_argument for an empty curve, synapses <= 0 or a negative tolerance.
[[nodiscard]] OverparameterisationFactor overparameterisation_factor(
    std::span<const SweepPoint> curve, double tolerance_points = 0.5);

// The fewest synapses at which the BP curve (sorted by synapses, piecewise linear in log
// synapses) first reaches the structural rule's accuracy, divided by its synapse count.
[[nodiscard]] EqualAccuracyRatio synapse_ratio_at_equal_accuracy(
    std::span<const SweepPoint> bp_curve, SweepPoint structural);

}  // namespace sprout::analysis
