#pragma once
// Populations: groups of neurons of one model and parameter set. A NeuronGroup is the
// shared, read-only description; each simulation (one per thread) makes its own
// PopulationState from it. Neuron models (models/) implement both.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/event.hpp"

namespace sprout::engine {

// What a population hands back to the simulation while it processes an event: the
// neurons that fired (at the event's time) and wake-ups it wants later.
class PopulationOutput {
 public:
  struct Wakeup {
    double t_ms;
    std::uint32_t neuron;
    std::uint32_t tag;
  };

  void spike(std::uint32_t neuron) { spikes_.push_back(neuron); }
  void wake_at(double t_ms, std::uint32_t neuron, std::uint32_t tag) {
    wakeups_.push_back({t_ms, neuron, tag});
  }
  void count_state_updates(std::uint64_t n) { state_updates_ += n; }

  [[nodiscard]] std::span<const std::uint32_t> spikes() const { return spikes_; }
  [[nodiscard]] std::span<const Wakeup> wakeups() const { return wakeups_; }
  [[nodiscard]] std::uint64_t state_updates() const { return state_updates_; }
  void clear() {
    spikes_.clear();
    wakeups_.clear();
    state_updates_ = 0;
  }

 private:
  std::vector<std::uint32_t> spikes_;
  std::vector<Wakeup> wakeups_;
  std::uint64_t state_updates_ = 0;
};

// The per-simulation dynamic state of one population.
class PopulationState {
 public:
  virtual ~PopulationState() = default;

  // Back to the initial state for a new trial; `seed` feeds any random initial state.
  virtual void reset(std::uint64_t seed, std::uint64_t sample_index) = 0;
  // Called once after reset at t = 0, e.g. to schedule spontaneous threshold crossings.
  virtual void start(PopulationOutput& /*out*/) {}
  // One presynaptic spike arriving at time t_ms at the given targets with the given
  // weights (a voltage jump each). Neurons that fire are reported through `out`.
  virtual void receive(double t_ms, std::span<const std::uint32_t> targets,
                       std::span<const float> weights, PopulationOutput& out) = 0;
  // A spike of neuron `source` of a shared-delivery projection (Projection::
  // enable_shared_delivery): a jump of `weight` (<= 0) on every neuron but `source`.
  // Returns false if this population cannot defer it; the simulation then calls receive
  // with the projection's synapses.
  virtual bool receive_shared(double /*t_ms*/, float /*weight*/, std::uint32_t /*source*/,
                              PopulationOutput& /*out*/) {
    return false;
  }
  // A wake-up this population scheduled through PopulationOutput::wake_at.
  virtual void wake(double /*t_ms*/, std::uint32_t /*neuron*/, std::uint32_t /*tag*/,
                    PopulationOutput& /*out*/) {}
  // Membrane potential of `neuron` at t_ms (>= the last event it received).
  [[nodiscard]] virtual double membrane_potential(std::uint32_t neuron, double t_ms) const = 0;
};

class NeuronGroup {
 public:
  virtual ~NeuronGroup() = default;
  [[nodiscard]] virtual std::uint32_t size() const = 0;
  [[nodiscard]] virtual std::string_view model_name() const = 0;
  // True for groups whose spikes are given from outside (encoders), not computed.
  [[nodiscard]] virtual bool is_spike_source() const { return false; }
  [[nodiscard]] virtual std::unique_ptr<PopulationState> make_state() const = 0;
};

// A population whose spikes are supplied per trial (Simulation::set_source_spikes).
class SpikeSourceGroup final : public NeuronGroup {
 public:
  explicit SpikeSourceGroup(std::uint32_t size) : size_(size) {}
  [[nodiscard]] std::uint32_t size() const override { return size_; }
  [[nodiscard]] std::string_view model_name() const override { return "spike_source"; }
  [[nodiscard]] bool is_spike_source() const override { return true; }
  [[nodiscard]] std::unique_ptr<PopulationState> make_state() const override;

 private:
  std::uint32_t size_;
};

}  // namespace sprout::engine
