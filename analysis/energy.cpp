#include "analysis/energy.hpp"

#include <stdexcept>

namespace sprout::analysis {

EnergyReport energy_report(const NetworkOps& ops, const EnergyCosts& costs) {
  if (!(costs.accumulate_pj >= 0 && costs.multiply_accumulate_pj >= 0)) {
    throw std::invalid_argument("energy costs must be >= 0 pJ");
  }
  const double native_cost =
      ops.kind == OperationKind::kAccumulate ? costs.accumulate_pj : costs.multiply_accumulate_pj;
  EnergyReport report;
  report.network = ops.network;
  report.kind = ops.kind;
  report.costs = costs;
  for (const LayerOps& layer : ops.layers) {
    if (!(layer.operations_per_image >= 0)) {
      throw std::invalid_argument("operations per image must be >= 0 (layer " + layer.name + ")");
    }
    LayerEnergy energy{layer.name, layer.operations_per_image,
                       layer.operations_per_image * native_cost,
                       layer.operations_per_image * costs.multiply_accumulate_pj};
    report.operations_per_image += energy.operations_per_image;
    report.native_pj += energy.native_pj;
    report.at_mac_cost_pj += energy.at_mac_cost_pj;
    report.layers.push_back(std::move(energy));
  }
  return report;
}

MacCounts count_layer_macs(std::span<const float> weights, std::size_t inputs,
                           std::span<const float> input_batch) {
  if (inputs == 0 || weights.size() % inputs != 0 || input_batch.size() % inputs != 0) {
    throw std::invalid_argument("count_layer_macs: sizes are not multiples of the input count");
  }
  const std::size_t outputs = weights.size() / inputs;
  const std::size_t images = input_batch.size() / inputs;
  // Fan-out of each input over the non-zero weights.
  std::vector<double> fan_out(inputs, 0.0);
  for (std::size_t o = 0; o < outputs; ++o) {
    for (std::size_t i = 0; i < inputs; ++i)
      fan_out[i] += weights[o * inputs + i] != 0.0F ? 1 : 0;
  }
  MacCounts counts;
  counts.dense = static_cast<double>(inputs * outputs);
  for (const double f : fan_out)
    counts.nonzero_weights += f;
  double active_total = 0;
  for (std::size_t image = 0; image < images; ++image) {
    for (std::size_t i = 0; i < inputs; ++i) {
      if (input_batch[image * inputs + i] != 0.0F) active_total += fan_out[i];
    }
  }
  counts.active = images > 0 ? active_total / static_cast<double>(images) : 0.0;
  return counts;
}

}  // namespace sprout::analysis
