#include "models/structural/potential_synapses.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace sprout::models {

PotentialSynapses::PotentialSynapses(std::size_t inputs, std::size_t hidden,
                                     const StructuralSettings& settings, std::uint64_t seed)
    : inputs_(inputs),
      hidden_(hidden),
      state_(inputs * hidden, SynapseState::kNotPotential),
      weight_(inputs * hidden, 0.0f),
      trace_(inputs * hidden, 0.0f),
      age_(inputs * hidden, 0) {
  RandomStream potential(seed, 0, StreamPurpose::kConnectivity);
  RandomStream realise(seed, 1, StreamPurpose::kConnectivity);
  RandomStream weigh(seed, 0, StreamPurpose::kInitialWeights);
  for (std::size_t k = 0; k < state_.size(); ++k) {
    if (potential.uniform() >= settings.potential_connectivity) continue;
    state_[k] = SynapseState::kAbsent;
    if (realise.uniform() < settings.initial_connectivity) {
      state_[k] = SynapseState::kSilent;
      weight_[k] = static_cast<float>(weigh.uniform(0.0, settings.initial_weight_max));
      trace_[k] = static_cast<float>(settings.new_trace);
    }
  }
}

SynapseCounts PotentialSynapses::counts() const {
  SynapseCounts c;
  for (SynapseState s : state_) {
    c.potential += s != SynapseState::kNotPotential;
    c.silent += s == SynapseState::kSilent;
    c.consolidated += s == SynapseState::kConsolidated;
  }
  c.realised = c.silent + c.consolidated;
  return c;
}

engine::Projection PotentialSynapses::to_projection(engine::PopulationId input,
                                                    engine::PopulationId hidden, double gain,
                                                    double delay_ms) const {
  // Built in the projection's order (by input, then neuron), reading the neuron-major
  // arrays contiguously: a count per input first, then each synapse into its row.
  std::vector<std::size_t> row_start(inputs_ + 1, 0);
  for (std::size_t j = 0; j < hidden_; ++j)
    for (std::size_t i = 0; i < inputs_; ++i)
      row_start[i + 1] += realised(index(i, j)) ? 1 : 0;
  for (std::size_t i = 0; i < inputs_; ++i)
    row_start[i + 1] += row_start[i];
  std::vector<engine::SynapseSpec> synapses(row_start[inputs_]);
  for (std::size_t j = 0; j < hidden_; ++j) {
    for (std::size_t i = 0; i < inputs_; ++i) {
      const std::size_t k = index(i, j);
      if (realised(k)) {
        synapses[row_start[i]++] = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j),
                                    static_cast<float>(gain * weight_[k]), 0.0f};
      }
    }
  }
  return engine::Projection("input_to_hidden", input, hidden, static_cast<std::uint32_t>(inputs_),
                            static_cast<std::uint32_t>(hidden_), std::move(synapses), delay_ms);
}

StructuralStepStats structural_step(PotentialSynapses& synapses,
                                    std::span<const float> mean_input_when_active,
                                    std::span<const float> activity,
                                    const StructuralSettings& settings, RandomStream& random) {
  const std::size_t inputs = synapses.inputs();
  if (mean_input_when_active.size() != synapses.states().size() ||
      activity.size() != synapses.hidden()) {
    throw std::invalid_argument("structural_step: sizes do not match the synapses");
  }
  StructuralStepStats stats;
  auto states = synapses.states();
  auto weights = synapses.weights();
  auto traces = synapses.traces();
  auto ages = synapses.ages();
  const auto consolidate_at = static_cast<float>(settings.consolidation_threshold);
  const auto eliminate_below = static_cast<float>(settings.elimination_threshold);
  const auto deconsolidate_below = static_cast<float>(settings.deconsolidation_threshold);
  for (std::size_t j = 0; j < synapses.hidden(); ++j) {
    const double grow_scale = settings.growth_rate * activity[j];
    double random_placement = 0.0;
    if (settings.placement == GrowthPlacement::kRandom && grow_scale > 0) {
      for (std::size_t i = 0; i < inputs; ++i)
        random_placement += mean_input_when_active[j * inputs + i];
      random_placement /= static_cast<double>(inputs);
    }
    for (std::size_t i = 0; i < inputs; ++i) {
      const std::size_t k = j * inputs + i;
      switch (states[k]) {
        case SynapseState::kNotPotential:
          break;
        case SynapseState::kConsolidated:
          // Stable: never eliminated; only a trace that has lost its co-activity turns it
          // silent again (hysteresis: the threshold is below the consolidation one).
          if (traces[k] < deconsolidate_below) {
            states[k] = SynapseState::kSilent;
            ++stats.deconsolidated;
          }
          break;
        case SynapseState::kSilent:
          if (ages[k] < std::numeric_limits<std::uint16_t>::max()) ++ages[k];
          if (traces[k] >= consolidate_at) {
            states[k] = SynapseState::kConsolidated;
            ++stats.consolidated;
          } else if (traces[k] < eliminate_below && ages[k] > settings.min_age_batches) {
            states[k] = SynapseState::kAbsent;
            weights[k] = 0.0f;
            traces[k] = 0.0f;
            ages[k] = 0;
            ++stats.eliminated;
          }
          break;
        case SynapseState::kAbsent: {
          if (grow_scale <= 0) break;
          const double placement = settings.placement == GrowthPlacement::kActivityGuided
                                       ? mean_input_when_active[k]
                                       : random_placement;
          if (random.uniform() < grow_scale * placement) {
            states[k] = SynapseState::kSilent;
            weights[k] = static_cast<float>(settings.new_weight);
            traces[k] = static_cast<float>(settings.new_trace);
            ages[k] = 0;
            ++stats.grown;
          }
          break;
        }
      }
    }
  }
  if (settings.presynaptic_budget > 0) {
    stats.eliminated +=
        presynaptic_competition(synapses, settings.presynaptic_budget, settings.presynaptic_signal,
                                settings.min_age_batches);
  }
  return stats;
}

std::size_t presynaptic_competition(PotentialSynapses& synapses, std::size_t budget,
                                    PresynapticSignal signal, std::size_t mature_after_batches) {
  const std::size_t inputs = synapses.inputs();
  auto states = synapses.states();
  auto weights = synapses.weights();
  auto traces = synapses.traces();
  auto ages = synapses.ages();
  std::size_t eliminated = 0;
  const auto mature = [&](std::size_t k) {
    return states[k] == SynapseState::kConsolidated ||
           (states[k] == SynapseState::kSilent && ages[k] > mature_after_batches);
  };
  // Each input's mature synapses, gathered by reading the neuron-major arrays in order
  // (an input's synapses lie `inputs` apart: reading them input by input misses the cache
  // on every one). Within an input they stay in neuron order.
  std::vector<std::size_t> first_of(inputs + 1, 0);
  for (std::size_t k = 0; k < states.size(); ++k)
    first_of[k % inputs + 1] += mature(k) ? 1 : 0;
  for (std::size_t i = 0; i < inputs; ++i)
    first_of[i + 1] += first_of[i];
  std::vector<std::size_t> mature_synapses(first_of[inputs]);
  std::vector<std::size_t> next = first_of;
  for (std::size_t k = 0; k < states.size(); ++k)
    if (mature(k)) mature_synapses[next[k % inputs]++] = k;

  const std::span<const float> strength =
      signal == PresynapticSignal::kWeight ? std::span<const float>(weights) : traces;
  // The strongest signal first; k grows with the neuron index.
  const auto stronger = [&](std::size_t a, std::size_t b) {
    return strength[a] != strength[b] ? strength[a] > strength[b] : a < b;
  };
  for (std::size_t i = 0; i < inputs; ++i) {
    const auto targets =
        std::span(mature_synapses).subspan(first_of[i], first_of[i + 1] - first_of[i]);
    if (targets.size() <= budget) continue;
    std::nth_element(targets.begin(), targets.begin() + static_cast<std::ptrdiff_t>(budget),
                     targets.end(), stronger);
    for (std::size_t n = budget; n < targets.size(); ++n) {
      const std::size_t k = targets[n];
      states[k] = SynapseState::kAbsent;
      weights[k] = 0.0f;
      traces[k] = 0.0f;
      ages[k] = 0;
      ++eliminated;
    }
  }
  return eliminated;
}

}  // namespace sprout::models
