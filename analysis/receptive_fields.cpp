#include "analysis/receptive_fields.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace sprout::analysis {
namespace {

// How much more the readout weighs `neuron` for its preferred class than for the next:
// the most class-specific neurons first.
float class_margin(const models::LinearReadout& readout, std::size_t neuron) {
  float best = -std::numeric_limits<float>::infinity();
  float second = -std::numeric_limits<float>::infinity();
  for (std::size_t c = 0; c < readout.classes(); ++c) {
    const float w = readout.weights()[c * readout.inputs() + neuron];
    if (w > best) {
      second = best;
      best = w;
    } else if (w > second) {
      second = w;
    }
  }
  return best - second;  // preferred neurons have two classes with different weights
}

}  // namespace

std::optional<std::uint32_t> preferred_class(const models::LinearReadout& readout,
                                             std::size_t neuron) {
  const auto weight = [&](std::size_t c) {
    return readout.weights()[c * readout.inputs() + neuron];
  };
  if (neuron >= readout.inputs() || readout.classes() == 0) {
    throw std::invalid_argument("preferred class: neuron " + std::to_string(neuron) +
                                " of a readout of " + std::to_string(readout.inputs()));
  }
  std::uint32_t best = 0;
  bool all_equal = true;
  for (std::size_t c = 0; c < readout.classes(); ++c) {
    if (!std::isfinite(weight(c))) return std::nullopt;  // no preference can be read
    all_equal = all_equal && weight(c) == weight(0);
    if (weight(c) > weight(best)) best = static_cast<std::uint32_t>(c);
  }
  if (all_equal) return std::nullopt;
  return best;
}

ReceptiveFieldSample sample_receptive_fields(const models::PotentialSynapses& synapses,
                                             const models::LinearReadout& readout,
                                             std::size_t per_class) {
  const std::size_t hidden = synapses.hidden();
  const std::size_t inputs = synapses.inputs();
  if (readout.classes() == 0)
    throw std::invalid_argument("receptive fields: the readout has no class");
  if (readout.inputs() != hidden) {
    throw std::invalid_argument("receptive fields: the readout reads " +
                                std::to_string(readout.inputs()) +
                                " neurons, the synapses end on " + std::to_string(hidden));
  }
  const auto states = synapses.states();
  std::vector<std::size_t> consolidated(hidden, 0);
  std::vector<float> margin(hidden);
  for (std::size_t j = 0; j < hidden; ++j) {
    for (std::size_t i = 0; i < inputs; ++i)
      consolidated[j] +=
          states[synapses.index(i, j)] == models::SynapseState::kConsolidated ? 1 : 0;
    margin[j] = class_margin(readout, j);
  }
  ReceptiveFieldSample sample;
  std::vector<std::vector<std::size_t>> by_class(readout.classes());
  for (std::size_t j = 0; j < hidden; ++j) {
    if (const auto c = preferred_class(readout, j))
      by_class[*c].push_back(j);
    else
      ++sample.without_preference;
  }

  const auto weights = synapses.weights();
  for (std::size_t c = 0; c < by_class.size(); ++c) {
    std::vector<std::size_t>& members = by_class[c];
    sample.neurons_per_class.push_back(members.size());
    std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      if (margin[a] != margin[b]) return margin[a] > margin[b];
      return consolidated[a] > consolidated[b];
    });
    members.resize(std::min(members.size(), per_class));
    for (const std::size_t j : members) {
      sample.neurons.push_back(j);
      sample.classes.push_back(static_cast<std::uint32_t>(c));
      for (std::size_t i = 0; i < inputs; ++i) {
        const std::size_t k = synapses.index(i, j);
        const float w = weights[k];
        sample.signed_weights.push_back(states[k] == models::SynapseState::kConsolidated ? w
                                        : states[k] == models::SynapseState::kSilent     ? -w
                                                                                         : 0.0F);
      }
    }
  }
  return sample;
}

}  // namespace sprout::analysis
