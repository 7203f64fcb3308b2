#include "models/structural/competitive_hebbian.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

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

void instar_update(PotentialSynapses& synapses, const Winner& winner, std::span<const float> target,
                   double learning_rate) {
  const auto rate = static_cast<float>(learning_rate) * winner.activity;
  const std::size_t inputs = synapses.inputs();
  const std::size_t first = winner.neuron * inputs;
  auto weights = synapses.weights();
  for (std::size_t i = 0; i < inputs; ++i) {
    const std::size_t k = first + i;
    if (synapses.realised(k)) weights[k] += rate * (target[i] - weights[k]);
  }
}

double annealed_learning_rate(double win_mass, double minimum, double maximum) {
  if (win_mass <= 0) return maximum;
  return std::clamp(1.0 / win_mass, minimum, maximum);
}

void anti_hebbian_update(PotentialSynapses& synapses, const Winner& loser,
                         std::span<const float> target, double learning_rate) {
  const auto rate = static_cast<float>(learning_rate) * loser.activity;
  const std::size_t inputs = synapses.inputs();
  auto weights = synapses.weights().subspan(loser.neuron * inputs, inputs);
  for (std::size_t i = 0; i < inputs; ++i)
    weights[i] = std::max(0.0f, weights[i] - rate * target[i]);  // absent: 0 stays 0
}

std::vector<float> instar_target(std::span<const float> x, double weight_norm) {
  std::vector<float> target(x.begin(), x.end());
  if (weight_norm <= 0) return target;
  double squares = 0;
  for (float v : x)
    squares += static_cast<double>(v) * v;
  if (squares == 0) return target;
  const auto scale = static_cast<float>(weight_norm / std::sqrt(squares));
  for (float& v : target)
    v *= scale;
  return target;
}

void scale_to_norm(PotentialSynapses& synapses, std::size_t neuron, double norm) {
  if (norm <= 0) return;
  const std::size_t inputs = synapses.inputs();
  auto weights = synapses.weights().subspan(neuron * inputs, inputs);
  // The sum of squares in input order, over the non-zero weights only: a zero adds +0.0,
  // which leaves the sum's bits as they are, and most weights are zero (absent synapses).
  // The chain of dependent additions is then as long as the realised synapses, not 784.
  thread_local std::vector<double> nonzero;
  nonzero.resize(inputs);
  std::size_t count = 0;
  for (float w : weights) {
    nonzero[count] = static_cast<double>(w) * w;
    count += w != 0.0f ? 1 : 0;
  }
  double squares = 0;
  for (std::size_t n = 0; n < count; ++n)
    squares += nonzero[n];
  if (squares == 0) return;
  const auto scale = static_cast<float>(norm / std::sqrt(squares));
  for (float& w : weights)
    w *= scale;
}

}  // namespace sprout::models
