#pragma once
// Competitive Hebbian learning of the input weights: the k most active hidden neurons
// (the winners) move their realised input weights towards the input (instar rule),
//   dw_ij = eta * a_j * (x_i - w_ij),   a_j = count_j / max count in (0, 1],
// which keeps weights in [0, 1] when inputs are (Dale's law: excitatory only).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/potential_synapses.hpp"

namespace sprout::models {

struct Winner {
  std::uint32_t neuron;
  float activity;  // count / max count, in (0, 1]
};

// The k neurons with the most spikes (only those that spiked), most active first; equal
// counts go to the lower index, so the choice is deterministic.
[[nodiscard]] std::vector<Winner> select_winners(std::span<const std::uint32_t> counts,
                                                 std::size_t k);

// Instar update of neuron `winner.neuron`'s realised synapses towards input `x` (in
// [0, 1]); absent synapses keep weight 0.
void instar_update(PotentialSynapses& synapses, const Winner& winner, std::span<const float> x,
                   double learning_rate);

}  // namespace sprout::models
