#include "analysis/synaptic_capacity.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "analysis/information.hpp"

namespace sprout::analysis {

SynapticCapacity synaptic_capacity(double prediction_information_bits, double label_entropy_bits,
                                   std::size_t training_samples, std::size_t nonzero_synapses) {
  if (nonzero_synapses == 0) throw std::invalid_argument("synaptic capacity: no synapses");
  if (!(label_entropy_bits >= 0)) {
    throw std::invalid_argument("synaptic capacity: label entropy must be >= 0");
  }
  SynapticCapacity capacity;
  // The bias-corrected estimate can stray slightly below 0 or above H(label); a network
  // cannot reproduce more about the labels than they contain.
  capacity.information_bits_per_sample =
      std::clamp(prediction_information_bits, 0.0, label_entropy_bits);
  capacity.label_entropy_bits = label_entropy_bits;
  capacity.training_samples = training_samples;
  capacity.stored_bits =
      capacity.information_bits_per_sample * static_cast<double>(training_samples);
  capacity.nonzero_synapses = nonzero_synapses;
  capacity.bits_per_synapse = capacity.stored_bits / static_cast<double>(nonzero_synapses);
  return capacity;
}

double log2_binomial(double n, double k) {
  if (k < 0 || k > n) throw std::invalid_argument("log2_binomial: need 0 <= k <= n");
  return (std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1)) / std::numbers::ln2;
}

std::size_t count_nonzero(std::span<const float> weights) {
  return static_cast<std::size_t>(
      std::count_if(weights.begin(), weights.end(), [](float w) { return w != 0.0F; }));
}

StorageCost storage_cost(std::span<const float> realised_weights, std::size_t potential_synapses,
                         std::size_t weight_levels) {
  if (realised_weights.size() > potential_synapses) {
    throw std::invalid_argument("storage cost: more realised synapses than potential ones");
  }
  if (weight_levels < 1) throw std::invalid_argument("storage cost: weight levels must be >= 1");
  StorageCost cost;
  cost.potential_synapses = potential_synapses;
  cost.realised_synapses = realised_weights.size();
  cost.weight_levels = weight_levels;
  cost.structure_bits = log2_binomial(static_cast<double>(potential_synapses),
                                      static_cast<double>(realised_weights.size()));
  if (realised_weights.empty()) return cost;

  const auto [low, high] = std::minmax_element(realised_weights.begin(), realised_weights.end());
  const double range = static_cast<double>(*high) - static_cast<double>(*low);
  std::vector<std::size_t> histogram(weight_levels, 0);
  for (const float w : realised_weights) {
    const double level =
        range > 0 ? std::round((w - *low) / range * static_cast<double>(weight_levels - 1)) : 0.0;
    ++histogram[static_cast<std::size_t>(level)];
  }
  // Plug-in entropy, not a bias-corrected one: it is the zero-order code length of these
  // very weights, not an estimate of some underlying distribution.
  cost.weight_entropy_bits_per_synapse = plugin_entropy_bits(histogram);
  const auto realised = static_cast<double>(realised_weights.size());
  cost.structure_bits_per_synapse = cost.structure_bits / realised;
  cost.bits_per_synapse = cost.weight_entropy_bits_per_synapse + cost.structure_bits_per_synapse;
  cost.total_bits = cost.bits_per_synapse * realised;
  return cost;
}

}  // namespace sprout::analysis
