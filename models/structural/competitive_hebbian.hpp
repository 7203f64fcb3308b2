#pragma once
// Competitive Hebbian learning of the input weights: the k most active hidden neurons
// (the winners) move their realised input weights towards the input (instar rule),
//   dw_ij = eta * a_j * (x_i - w_ij),   a_j = count_j / max count in (0, 1],
// which keeps weights in [0, 1] when inputs are (Dale's law: excitatory only).
// With synaptic scaling (hebbian.weight_norm = N > 0) the target is N x / |x|_2 and each
// winner's weight vector is rescaled to L2 norm N after its update (Oja's rule reaches the
// same fixed norm): the drive w . x = N |x| cos(w, x) then ranks the neurons by the angle
// to the input, as in competitive learning on normalised patterns (Rumelhart & Zipser
// 1985), instead of favouring neurons whose prototypes have more ink.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/structural/potential_synapses.hpp"

namespace sprout::models {

struct Winner {
  std::uint32_t neuron;
  float activity;  // count / max count, in (0, 1]
};

// The k neurons with the most spikes (only those that spiked), most active first; equal
// counts go to the lower index, so the choice is deterministic.
[[nodiscard]] std::vector<Winner> select_winners(std::span<const std::uint32_t> counts,
                                                 std::size_t k);

// Instar update of neuron `winner.neuron`'s realised synapses towards `target` (x, or
// the scaled input of synaptic scaling); absent synapses keep weight 0.
void instar_update(PotentialSynapses& synapses, const Winner& winner, std::span<const float> target,
                   double learning_rate);

// The annealed instar rate of a neuron whose activity-weighted wins, this one included,
// sum to `win_mass`: 1 / win_mass clamped to [minimum, maximum]. With minimum 0 and
// maximum 1, instar steps at this rate make the weights the activity-weighted mean of
// the targets the neuron has won (online k-means, MacQueen 1967).
[[nodiscard]] double annealed_learning_rate(double win_mass, double minimum, double maximum);

// Anti-Hebbian step of a neuron that nearly won: its realised weights on active inputs
// shrink, dw_ij = -eta * a_j * target_i, clipped at 0 (excitatory synapses stay >= 0).
void anti_hebbian_update(PotentialSynapses& synapses, const Winner& loser,
                         std::span<const float> target, double learning_rate);

// The instar target: x itself when weight_norm is 0, else weight_norm * x / |x|_2 (an
// all-zero input stays zero).
[[nodiscard]] std::vector<float> instar_target(std::span<const float> x, double weight_norm);

// Synaptic scaling: multiplies the neuron's realised weights so that their L2 norm is
// `norm` (a neuron without weight is left alone; norm 0 means no scaling, as in
// instar_target).
void scale_to_norm(PotentialSynapses& synapses, std::size_t neuron, double norm);

}  // namespace sprout::models
