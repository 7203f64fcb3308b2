#include "models/structural/homeostasis.hpp"

#include <algorithm>
#include <stdexcept>

namespace sprout::models {

void homeostasis_step(std::span<double> thresholds, std::span<const double> firing_probability,
                      double target, double learning_rate, double minimum_threshold) {
  if (thresholds.size() != firing_probability.size()) {
    throw std::invalid_argument("homeostasis_step: thresholds and win fractions differ in size");
  }
  if (!(target > 0)) throw std::invalid_argument("homeostasis_step: target must be > 0");
  for (std::size_t j = 0; j < thresholds.size(); ++j) {
    const double error = std::clamp((firing_probability[j] - target) / target, -1.0, 1.0);
    thresholds[j] = std::max(minimum_threshold, thresholds[j] * (1.0 + learning_rate * error));
  }
}

}  // namespace sprout::models
