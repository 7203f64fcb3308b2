#include "engine/membrane_recorder.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace sprout::engine {

MembraneRecorder::MembraneRecorder(std::vector<NeuronId> neurons, double interval_ms,
                                   double duration_ms, std::size_t budget_bytes)
    : neurons_(std::move(neurons)), interval_ms_(interval_ms) {
  if (!(interval_ms > 0.0) || !(duration_ms >= 0.0)) {
    throw std::invalid_argument(
        fmt::format("membrane recorder: interval {} ms and duration {} ms must be positive",
                    interval_ms, duration_ms));
  }
  samples_per_neuron_ = static_cast<std::size_t>(std::floor(duration_ms / interval_ms)) + 1;
  const double bytes = static_cast<double>(neurons_.size()) *
                       static_cast<double>(samples_per_neuron_) * sizeof(double);
  if (bytes > static_cast<double>(budget_bytes)) {
    throw std::invalid_argument(fmt::format(
        "membrane recorder: {} neurons x {} samples need {:.1f} MB, over the budget of {:.1f} MB; "
        "record fewer neurons or a longer interval",
        neurons_.size(), samples_per_neuron_, bytes / 1e6,
        static_cast<double>(budget_bytes) / 1e6));
  }
  values_.reserve(neurons_.size() * samples_per_neuron_);
}

}  // namespace sprout::engine
