#pragma once
// Knoblauch's potential synapses for one input -> hidden projection: every pair (i, j)
// in the potential set is a place where a synapse can exist. A potential synapse is
// absent, silent (realised, not consolidated: can be eliminated) or consolidated
// (stable). Each realised synapse carries a weight (>= 0) and a consolidation trace.
//
// Storage is dense and post-major (index j * inputs + i): learning works per hidden
// neuron, and the engine's pre-major rows are rebuilt from here between batches.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/network.hpp"
#include "engine/projection.hpp"
#include "engine/random_stream.hpp"
#include "models/structural/structural_config.hpp"

namespace sprout::models {

enum class SynapseState : std::uint8_t {
  kNotPotential = 0,
  kAbsent = 1,
  kSilent = 2,
  kConsolidated = 3  // the realised states are the last two (PotentialSynapses::realised)
};

struct SynapseCounts {
  std::size_t potential = 0;
  std::size_t realised = 0;  // silent + consolidated
  std::size_t silent = 0;
  std::size_t consolidated = 0;
};

class PotentialSynapses {
 public:
  PotentialSynapses() = default;
  // Draws the potential set (P_pot) and the initially realised synapses (silent, random
  // weights in [0, initial_weight_max)) from `seed`.
  PotentialSynapses(std::size_t inputs, std::size_t hidden, const StructuralSettings& settings,
                    std::uint64_t seed);

  [[nodiscard]] std::size_t inputs() const { return inputs_; }
  [[nodiscard]] std::size_t hidden() const { return hidden_; }
  [[nodiscard]] std::size_t index(std::size_t input, std::size_t neuron) const {
    return neuron * inputs_ + input;
  }
  // Silent or consolidated: one comparison (the enum's order), so loops that test it
  // vectorise.
  [[nodiscard]] bool realised(std::size_t k) const { return state_[k] >= SynapseState::kSilent; }

  [[nodiscard]] std::span<SynapseState> states() { return state_; }
  [[nodiscard]] std::span<const SynapseState> states() const { return state_; }
  [[nodiscard]] std::span<float> weights() { return weight_; }
  [[nodiscard]] std::span<const float> weights() const { return weight_; }
  [[nodiscard]] std::span<float> traces() { return trace_; }
  [[nodiscard]] std::span<const float> traces() const { return trace_; }
  [[nodiscard]] std::span<std::uint16_t> ages() { return age_; }
  [[nodiscard]] std::span<const std::uint16_t> ages() const { return age_; }

  // Weights of neuron j's potential synapses (inputs() values, 0 where not realised).
  [[nodiscard]] std::span<float> weights_of(std::size_t neuron) {
    return std::span(weight_).subspan(neuron * inputs_, inputs_);
  }
  [[nodiscard]] std::span<float> traces_of(std::size_t neuron) {
    return std::span(trace_).subspan(neuron * inputs_, inputs_);
  }

  [[nodiscard]] SynapseCounts counts() const;

  // The engine projection: realised synapses, weight x gain as the voltage jump.
  [[nodiscard]] engine::Projection to_projection(engine::PopulationId input,
                                                 engine::PopulationId hidden, double gain,
                                                 double delay_ms) const;

 private:
  std::size_t inputs_ = 0;
  std::size_t hidden_ = 0;
  std::vector<SynapseState> state_;
  std::vector<float> weight_;
  std::vector<float> trace_;
  std::vector<std::uint16_t> age_;  // batches since realised (saturates)
};

// One structural step after a batch (traces are brought up to date by the learner
// before), for every hidden neuron:
//  - realised synapses whose trace reaches the consolidation threshold consolidate;
//  - silent synapses older than min_age_batches whose trace is below the elimination
//    threshold are eliminated (weight and trace back to 0);
//  - absent potential synapses of neurons active in the batch grow with probability
//    growth_rate x placement weight: the neuron's mean input when it won (activity-
//    guided) or its mean input over all pixels (random), times its activity.
// `mean_input_when_active` is hidden x inputs (post-major), `activity` per neuron in
// [0, 1]. Consolidated synapses are never eliminated; with a deconsolidation threshold
// > 0, one whose trace has fallen below it turns silent again (and can then be eliminated
// like any silent synapse), as in Knoblauch's model, where consolidation is reversible.
struct StructuralStepStats {
  std::size_t consolidated = 0;
  std::size_t deconsolidated = 0;
  std::size_t eliminated = 0;
  std::size_t grown = 0;
};

// Presynaptic competition for a limited resource: every input whose mature realised
// synapses (consolidated, or silent and older than `mature_after_batches`) exceed `budget`
// keeps the `budget` with the strongest `signal` (ties to the lower neuron index) and
// loses the others (absent; weight, trace and age back to 0). Young silent synapses
// neither count nor compete: like elimination, competition waits until a new synapse has
// had time to learn. Returns the number eliminated. structural_step calls it last when
// settings.presynaptic_budget > 0.
std::size_t presynaptic_competition(PotentialSynapses& synapses, std::size_t budget,
                                    PresynapticSignal signal, std::size_t mature_after_batches);
StructuralStepStats structural_step(PotentialSynapses& synapses,
                                    std::span<const float> mean_input_when_active,
                                    std::span<const float> activity,
                                    const StructuralSettings& settings, RandomStream& random);

}  // namespace sprout::models
