#pragma once
// Homeostatic thresholds: each hidden neuron's threshold moves so that its probability of
// being among the winners approaches a target, so that all neurons take part and none
// dominates. The change is relative, since useful thresholds span orders of magnitude as
// the input weights grow:
//   theta_j *= 1 + eta * clamp((win_fraction_j - target) / target, -1, 1),
//   theta_j >= minimum.
// A neuron that never wins lowers its threshold by the factor 1 - eta; one that wins twice
// as often as the target or more raises it by 1 + eta.

#include <span>

namespace sprout::models {

void homeostasis_step(std::span<double> thresholds, std::span<const double> win_fraction,
                      double target, double learning_rate, double minimum_threshold);

}  // namespace sprout::models
