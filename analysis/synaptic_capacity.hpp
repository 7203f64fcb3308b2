#pragma once
// Synaptic capacity "C_S (label)" (bits of label information stored per synapse, all
// layers) and the storage cost of a network's synapses (bits per synapse). Not the paper's
// capacity "C_S (VIB, paper)", c_s_paper (paper_capacity.hpp). Definitions and their
// reasons: docs/metrics.md, sections 3 and 3b.

#include <cstddef>
#include <span>

#include "results/metric_values.hpp"

namespace sprout::analysis {

// The values are results data (results/metric_values.hpp); these functions compute them.
using results::StorageCost;
using results::SynapticCapacity;

// C_S from I(prediction; label) on the training set (bits per sample, e.g. the corrected
// value of mutual_information(predictions, labels)) and H(label). Throws
// std::invalid_argument when there are no synapses or the entropy is negative.
[[nodiscard]] SynapticCapacity synaptic_capacity(double prediction_information_bits,
                                                 double label_entropy_bits,
                                                 std::size_t training_samples,
                                                 std::size_t nonzero_synapses);

// log2 of the binomial coefficient C(n, k), through lgamma: stable for counts of 10^9.
[[nodiscard]] double log2_binomial(double n, double k);

// Counts the weights that are not exactly zero (the realised synapses of a dense matrix).
[[nodiscard]] std::size_t count_nonzero(std::span<const float> weights);

// Storage cost of `realised_weights` (one per realised synapse) chosen among
// `potential_synapses` places, weights quantised to `weight_levels` uniform levels over
// their [min, max]. Throws std::invalid_argument when realised > potential or levels < 1.
[[nodiscard]] StorageCost storage_cost(std::span<const float> realised_weights,
                                       std::size_t potential_synapses,
                                       std::size_t weight_levels = 256);

}  // namespace sprout::analysis
