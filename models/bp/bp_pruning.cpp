#include "models/bp/bp_pruning.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace sprout::models {

std::vector<std::size_t> selected_layers(const Mlp& network, LayerSelection selection) {
  std::vector<std::size_t> indices{0};
  if (selection == LayerSelection::kAll) {
    for (std::size_t index = 1; index < network.layers().size(); ++index)
      indices.push_back(index);
  }
  return indices;
}

std::size_t selected_dense_synapses(const Mlp& network, LayerSelection selection) {
  std::size_t total = 0;
  for (std::size_t index : selected_layers(network, selection))
    total += static_cast<std::size_t>(network.layers()[index].weights.size());
  return total;
}

std::vector<std::size_t> split_synapse_count(std::span<const std::size_t> layer_sizes,
                                             std::size_t total) {
  const std::size_t dense = std::accumulate(layer_sizes.begin(), layer_sizes.end(), std::size_t{0});
  if (total > dense) throw std::invalid_argument("split_synapse_count: more synapses than exist");
  std::vector<std::size_t> counts;
  std::vector<std::pair<double, std::size_t>>
      remainders;  // (-remainder, layer): sorts largest first
  std::size_t assigned = 0;
  for (std::size_t layer = 0; layer < layer_sizes.size(); ++layer) {
    const double exact = static_cast<double>(layer_sizes[layer]) * static_cast<double>(total) /
                         static_cast<double>(dense);
    counts.push_back(static_cast<std::size_t>(std::floor(exact)));
    assigned += counts.back();
    remainders.emplace_back(-(exact - std::floor(exact)), layer);
  }
  std::sort(remainders.begin(), remainders.end());
  for (std::size_t i = 0; assigned < total; ++i, ++assigned)
    ++counts[remainders[i % remainders.size()].second];
  return counts;
}

std::vector<std::size_t> pruning_schedule(std::size_t dense, std::size_t target,
                                          std::size_t rounds) {
  if (rounds == 0 || target == 0 || target > dense)
    throw std::invalid_argument("pruning_schedule: needs rounds >= 1 and 1 <= target <= dense");
  std::vector<std::size_t> counts;
  const double ratio = static_cast<double>(target) / static_cast<double>(dense);
  for (std::size_t round = 1; round < rounds; ++round) {
    const double kept = static_cast<double>(dense) *
                        std::pow(ratio, static_cast<double>(round) / static_cast<double>(rounds));
    counts.push_back(std::max(target, static_cast<std::size_t>(std::llround(kept))));
  }
  counts.push_back(target);
  return counts;
}

std::vector<std::size_t> prune_by_magnitude(DenseLayer& layer, std::size_t keep) {
  layer.ensure_mask();
  std::vector<std::size_t> existing;
  for (Eigen::Index i = 0; i < layer.present.size(); ++i)
    if (layer.present.data()[i] != 0) existing.push_back(static_cast<std::size_t>(i));
  if (keep >= existing.size()) return {};
  const float* weights = layer.weights.data();
  // Largest magnitude first; equal magnitudes by index, so the choice is reproducible.
  const auto larger = [weights](std::size_t a, std::size_t b) {
    const float magnitude_a = std::abs(weights[a]);
    const float magnitude_b = std::abs(weights[b]);
    return magnitude_a != magnitude_b ? magnitude_a > magnitude_b : a < b;
  };
  std::nth_element(existing.begin(), existing.begin() + static_cast<std::ptrdiff_t>(keep),
                   existing.end(), larger);
  std::vector<std::size_t> pruned(existing.begin() + static_cast<std::ptrdiff_t>(keep),
                                  existing.end());
  std::sort(pruned.begin(), pruned.end());
  for (std::size_t index : pruned) {
    layer.present.data()[index] = 0;
    layer.weights.data()[index] = 0.0F;
  }
  return pruned;
}

std::vector<std::vector<std::size_t>> prune_network(Mlp& network, LayerSelection selection,
                                                    std::size_t keep_total) {
  const std::vector<std::size_t> layers = selected_layers(network, selection);
  std::vector<std::size_t> sizes;
  for (std::size_t index : layers)
    sizes.push_back(static_cast<std::size_t>(network.layers()[index].weights.size()));
  const std::vector<std::size_t> keep = split_synapse_count(sizes, keep_total);
  std::vector<std::vector<std::size_t>> pruned(network.layers().size());
  for (std::size_t i = 0; i < layers.size(); ++i)
    pruned[layers[i]] = prune_by_magnitude(network.layers()[layers[i]], keep[i]);
  return pruned;
}

void l1_proximal_step(DenseLayer& layer, float threshold, IndexRange rows) {
  if (!layer.is_masked()) throw std::logic_error("l1_proximal_step: the layer needs a mask");
  auto weights = layer.weights.middleRows(rows.begin, rows.size).array();
  auto present = layer.present.middleRows(rows.begin, rows.size).array();
  const auto shrunk = weights.abs() - threshold;
  // Written as +0 (not sign·0, which may be -0); a zero weight is from now on pruned.
  weights = (present != 0 && shrunk > 0.0F).select(weights.sign() * shrunk, 0.0F);
  present = (weights != 0.0F).select(present, std::uint8_t{0});
}

void nonnegative_l1_step(DenseLayer& layer, float threshold, IndexRange rows) {
  auto weights = layer.weights.middleRows(rows.begin, rows.size).array();
  weights = (weights > threshold).select(weights - threshold, 0.0F);
  layer.zero_pruned_rows(rows.begin, rows.size);
}

}  // namespace sprout::models
