#pragma once
// Samples the membrane potential of chosen neurons at a fixed interval. Event-driven
// state is exact at any time, so samples are taken from the analytic solution between
// events: recording costs nothing on the spike-delivery path. Memory is bounded: a
// recorder whose trial would exceed its budget refuses to start.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/event.hpp"

namespace sprout::engine {

class MembraneRecorder {
 public:
  // Throws std::invalid_argument when neurons.size() x (duration/interval + 1) samples
  // of 8 bytes exceed `budget_bytes`, saying by how much.
  MembraneRecorder(std::vector<NeuronId> neurons, double interval_ms, double duration_ms,
                   std::size_t budget_bytes);

  [[nodiscard]] const std::vector<NeuronId>& neurons() const { return neurons_; }
  [[nodiscard]] double interval_ms() const { return interval_ms_; }
  [[nodiscard]] std::size_t samples_per_neuron() const { return samples_per_neuron_; }
  [[nodiscard]] double next_sample_ms() const { return static_cast<double>(taken_) * interval_ms_; }
  [[nodiscard]] bool full() const { return taken_ >= samples_per_neuron_; }

  // Appends one sample per neuron (in neurons() order) for time next_sample_ms().
  template <class PotentialAt>
  void take_sample(PotentialAt&& potential_at) {
    const double t_ms = next_sample_ms();
    for (NeuronId n : neurons_)
      values_.push_back(potential_at(n, t_ms));
    ++taken_;
  }
  void clear() {
    values_.clear();
    taken_ = 0;
  }
  // Sample k of neuron index i (position in neurons()).
  [[nodiscard]] double value(std::size_t neuron_index, std::size_t sample) const {
    return values_[sample * neurons_.size() + neuron_index];
  }
  [[nodiscard]] std::size_t samples_taken() const { return taken_; }

 private:
  std::vector<NeuronId> neurons_;
  double interval_ms_;
  std::size_t samples_per_neuron_;
  std::size_t taken_ = 0;
  std::vector<double> values_;
};

}  // namespace sprout::engine
