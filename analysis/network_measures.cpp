#include "analysis/network_measures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "analysis/synaptic_capacity.hpp"

namespace sprout::analysis {

results::ConfusionMatrix confusion_matrix(std::span<const std::uint8_t> labels,
                                          std::span<const std::uint32_t> predictions,
                                          std::size_t classes) {
  if (labels.size() != predictions.size()) {
    throw std::invalid_argument(fmt::format("confusion_matrix: {} labels but {} predictions",
                                            labels.size(), predictions.size()));
  }
  std::vector<std::vector<std::size_t>> counts(classes, std::vector<std::size_t>(classes, 0));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= classes || predictions[i] >= classes) {
      throw std::invalid_argument(
          fmt::format("confusion_matrix: class out of range at sample {}", i));
    }
    ++counts[labels[i]][predictions[i]];
  }
  return counts;
}

LabelledPredictions expand_confusion(const std::vector<std::vector<std::size_t>>& confusion) {
  LabelledPredictions pairs;
  for (std::size_t label = 0; label < confusion.size(); ++label) {
    for (std::size_t prediction = 0; prediction < confusion[label].size(); ++prediction) {
      pairs.labels.insert(pairs.labels.end(), confusion[label][prediction],
                          static_cast<int>(label));
      pairs.predictions.insert(pairs.predictions.end(), confusion[label][prediction],
                               static_cast<int>(prediction));
    }
  }
  return pairs;
}

results::NetworkStorageCost layers_storage_cost(std::span<const LayerSynapses> layers,
                                                std::size_t weight_levels) {
  results::NetworkStorageCost total;
  total.weight_levels = weight_levels;
  for (const LayerSynapses& layer : layers) {
    const StorageCost cost = storage_cost(layer.realised_weights, layer.potential, weight_levels);
    total.layers[layer.name] = cost;
    total.realised_synapses += cost.realised_synapses;
    total.total_bits += cost.total_bits;
  }
  total.bits_per_synapse = total.realised_synapses == 0
                               ? 0.0
                               : total.total_bits / static_cast<double>(total.realised_synapses);
  return total;
}

LayerSynapses dense_layer_synapses(std::string name, std::span<const float> weights) {
  LayerSynapses layer{std::move(name), {}, weights.size()};
  std::copy_if(weights.begin(), weights.end(), std::back_inserter(layer.realised_weights),
               [](float weight) { return weight != 0.0F; });
  return layer;
}

results::Measures network_measures(const MeasuresInput& input) {
  results::Measures measures;
  measures.train_confusion =
      confusion_matrix(input.train.labels, input.train.predictions, input.classes);
  measures.test_confusion =
      confusion_matrix(input.test.labels, input.test.predictions, input.classes);
  measures.storage_cost = layers_storage_cost(input.layers);
  const std::vector<int> labels(input.test.labels.begin(), input.test.labels.end());
  measures.hidden_code_information =
      hidden_code_information(input.test_hidden_codes, labels, input.hidden_options);
  return measures;
}

MlpOutputs mlp_outputs(const models::Mlp& network, const models::RowMatrix& inputs, int threads) {
  constexpr std::ptrdiff_t kBlockRows = 1000;
  models::ChunkPool pool(threads);
  models::MlpWorkspace workspace;
  MlpOutputs outputs;
  outputs.hidden = network.layer_sizes().at(1);
  outputs.predictions.reserve(static_cast<std::size_t>(inputs.rows()));
  outputs.hidden_activations.reserve(static_cast<std::size_t>(inputs.rows()) * outputs.hidden);
  for (std::ptrdiff_t first = 0; first < inputs.rows(); first += kBlockRows) {
    const std::ptrdiff_t rows = std::min(kBlockRows, inputs.rows() - first);
    models::forward(network, inputs.middleRows(first, rows), workspace, pool);
    const models::RowMatrix& logits = workspace.activations.back();
    const models::RowMatrix& hidden = workspace.activations.front();
    for (std::ptrdiff_t row = 0; row < rows; ++row) {
      std::ptrdiff_t best = 0;
      logits.row(row).maxCoeff(&best);
      outputs.predictions.push_back(static_cast<std::uint32_t>(best));
      outputs.hidden_activations.insert(outputs.hidden_activations.end(), hidden.row(row).data(),
                                        hidden.row(row).data() + hidden.cols());
    }
  }
  return outputs;
}

}  // namespace sprout::analysis
