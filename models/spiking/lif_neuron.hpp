#pragma once
// Leaky integrate-and-fire neurons with voltage-jump synapses, simulated exactly.
//
//   tau_m dv/dt = -(v - v_rest)        between events
//   v += w                             when a spike arrives through a synapse of weight w
//   v >= threshold  ->  spike, v = v_reset, inputs ignored for refractory_ms
//
// The refractory period of a spike at t_s is [t_s, t_s + refractory_ms): an input at
// exactly its end counts, however t_s + refractory_ms rounds (tie_tolerance_ms).
//
// A tau_m of +infinity gives the non-leaky IF neuron. With v_rest above the threshold,
// neurons also fire spontaneously; the crossing time is computed analytically.
//
// State is kept as u = (v - v_rest) * exp((t - t_ref) / tau_m), which stays constant
// between events: a spike costs one multiply-add and one compare per target, and the
// exponential is evaluated once per spike, not per target. t_ref is re-based per trial
// and whenever exp((t - t_ref)/tau_m) grows large.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "engine/population.hpp"

namespace sprout::models {

// Times closer than this are one instant where a refractory period ends: an input at t
// finds a period that ends at t_end over when t_end <= t + tie_tolerance_ms(t). Sums of
// times given to 0.01 ms, such as t_spike + t_ref, miss the decimal result by a few units
// in the last place; 1e-12 of the time is about 4,500 of them, and far below any
// physical resolution (docs/engine.md, "Exact ties").
[[nodiscard]] inline double tie_tolerance_ms(double t_ms) {
  return 1e-12 * std::max(t_ms, 1.0);
}

struct LifParameters {
  double tau_m_ms = 20.0;  // +infinity: non-leaky integrate-and-fire
  double v_rest = 0.0;
  double v_reset = 0.0;
  double v_threshold = 1.0;  // default for every neuron; LifGroup can set per neuron
  double refractory_ms = 2.0;
  // Initial potential of each trial, uniform in [v_init_low, v_init_high].
  double v_init_low = 0.0;
  double v_init_high = 0.0;
};

// Throws std::invalid_argument naming the parameter that is out of range.
void validate(const LifParameters& parameters);

class LifGroup final : public engine::NeuronGroup {
 public:
  LifGroup(std::uint32_t size, const LifParameters& parameters);

  [[nodiscard]] std::uint32_t size() const override { return size_; }
  [[nodiscard]] std::string_view model_name() const override {
    return parameters_.tau_m_ms == std::numeric_limits<double>::infinity() ? "if" : "lif";
  }
  [[nodiscard]] std::unique_ptr<engine::PopulationState> make_state() const override;

  [[nodiscard]] const LifParameters& parameters() const { return parameters_; }
  // Per-neuron thresholds (homeostasis adapts them between trials).
  [[nodiscard]] std::span<const double> thresholds() const { return thresholds_; }
  // True when v_rest is above the thresholds, so neurons fire without input.
  [[nodiscard]] bool drifts() const;
  // Throws std::invalid_argument if a threshold is not above v_reset, or lies on the
  // other side of v_rest than parameters().v_threshold.
  void set_thresholds(std::span<const double> thresholds);

 private:
  std::uint32_t size_;
  LifParameters parameters_;
  std::vector<double> thresholds_;
};

}  // namespace sprout::models
