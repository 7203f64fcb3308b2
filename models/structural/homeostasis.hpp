#pragma once
// Homeostatic thresholds: each hidden neuron's threshold moves so that its firing
// probability (the fraction of presentations in which it fires) approaches a target, so
// that all neurons take part, none dominates, and the overall activity stays sparse as
// the input weights grow. The change is relative, since useful thresholds span orders of
// magnitude:
//   theta_j *= 1 + eta * clamp((p_j - target) / target, -1, 1),   theta_j >= minimum.
// A neuron that never fires lowers its threshold by the factor 1 - eta; one that fires
// twice as often as the target or more raises it by 1 + eta.

#include <span>

namespace sprout::models {

void homeostasis_step(std::span<double> thresholds, std::span<const double> firing_probability,
                      double target, double learning_rate, double minimum_threshold);

}  // namespace sprout::models
