#pragma once
// Sparsification of the BP reference: magnitude pruning to an exact synapse count, its
// iterative schedule, and the proximal step of L1 regularisation. A pruned synapse has
// mask 0 and weight exactly +0, and stays so: the trainer gives it no gradient and
// re-zeroes it after every optimizer step.

#include <cstddef>
#include <span>
#include <vector>

#include "models/bp/bp_config.hpp"
#include "models/bp/bp_parallel.hpp"
#include "models/bp/mlp.hpp"

namespace sprout::models {

// Indices of the layers a selection covers: input_hidden is layer 0; all is every layer.
[[nodiscard]] std::vector<std::size_t> selected_layers(const Mlp& network,
                                                       LayerSelection selection);

// Synapses (existing or not) of the selected layers when dense.
[[nodiscard]] std::size_t selected_dense_synapses(const Mlp& network, LayerSelection selection);

// How many synapses each of several layers keeps so that together they keep exactly
// `total`, each about the same fraction of its own size (largest remainders first, ties
// to the earlier layer).
[[nodiscard]] std::vector<std::size_t> split_synapse_count(std::span<const std::size_t> layer_sizes,
                                                           std::size_t total);

// Synapse counts of iterative pruning from `dense` down to `target` in `rounds` rounds:
// round r keeps dense·(target/dense)^(r/rounds), rounded; the last keeps exactly `target`.
[[nodiscard]] std::vector<std::size_t> pruning_schedule(std::size_t dense, std::size_t target,
                                                        std::size_t rounds);

// Keeps the `keep` existing synapses of largest |w| (ties: lower flat index first) and
// prunes the others. Returns the flat (row-major) indices of the synapses it pruned.
std::vector<std::size_t> prune_by_magnitude(DenseLayer& layer, std::size_t keep);

// Prunes the selected layers of `network` to `keep_total` synapses together (split by
// split_synapse_count over their dense sizes). Returns, per layer of the network, the
// flat indices it pruned.
std::vector<std::vector<std::size_t>> prune_network(Mlp& network, LayerSelection selection,
                                                    std::size_t keep_total);

// L1 proximal step on rows `rows` of `layer` (which must have a mask):
// w ← sign(w)·max(|w| − threshold, 0); a weight that ends at zero is pruned for good.
void l1_proximal_step(DenseLayer& layer, float threshold, IndexRange rows);

// Non-negative L1 proximal step on rows `rows` of `layer`: w <- max(w - threshold, 0), the
// proximal map of threshold·Σw plus the constraint w >= 0 (threshold 0: the projection
// alone). Zeros are written as +0. Pruned synapses (a mask, if any) stay at zero.
void nonnegative_l1_step(DenseLayer& layer, float threshold, IndexRange rows);

}  // namespace sprout::models
