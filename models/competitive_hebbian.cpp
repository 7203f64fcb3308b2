#include "models/competitive_hebbian.hpp"

#include <algorithm>
#include <numeric>

namespace sprout::models {

std::vector<Winner> select_winners(std::span<const std::uint32_t> counts, std::size_t k) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t j = 0; j < counts.size(); ++j) {
    if (counts[j] > 0) order.push_back(j);
  }
  const std::size_t take = std::min(k, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take), order.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      return counts[a] != counts[b] ? counts[a] > counts[b] : a < b;
                    });
  std::vector<Winner> winners;
  if (take == 0) return winners;
  const auto top = static_cast<float>(counts[order[0]]);
  for (std::size_t r = 0; r < take; ++r) {
    winners.push_back({order[r], static_cast<float>(counts[order[r]]) / top});
  }
  return winners;
}

void instar_update(PotentialSynapses& synapses, const Winner& winner, std::span<const float> x,
                   double learning_rate) {
  const auto rate = static_cast<float>(learning_rate) * winner.activity;
  const std::size_t inputs = synapses.inputs();
  const std::size_t first = winner.neuron * inputs;
  auto weights = synapses.weights();
  for (std::size_t i = 0; i < inputs; ++i) {
    const std::size_t k = first + i;
    if (synapses.realised(k)) weights[k] += rate * (x[i] - weights[k]);
  }
}

}  // namespace sprout::models
