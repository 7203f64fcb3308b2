#pragma once
// What `sprout train` and `sprout bp` measure on their final network for `sprout compare`
// (results/measures.hpp, docs/formats.md "Measures"): confusion matrices (for
// I(prediction; label) and C_S), the storage cost of each layer's synapses and
// I(hidden code; label).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/information.hpp"
#include "models/bp/mlp.hpp"
#include "results/measures.hpp"

namespace sprout::analysis {

// classes x classes counts, rows = label, columns = prediction. Throws
// std::invalid_argument for mismatched lengths or a value >= classes.
[[nodiscard]] results::ConfusionMatrix confusion_matrix(std::span<const std::uint8_t> labels,
                                                        std::span<const std::uint32_t> predictions,
                                                        std::size_t classes);

// The (label, prediction) pairs a confusion matrix counts, in row-major cell order:
// enough for any estimator of I(prediction; label), which depends only on the counts.
struct LabelledPredictions {
  std::vector<int> labels;
  std::vector<int> predictions;
};
[[nodiscard]] LabelledPredictions expand_confusion(
    const std::vector<std::vector<std::size_t>>& confusion);

// One layer's synapses for the storage cost: its realised weights among `potential` places.
struct LayerSynapses {
  std::string name;
  std::vector<float> realised_weights;
  std::size_t potential = 0;
};

// Each layer quantised on its own (docs/metrics.md, section 3), the totals summed over
// the layers.
[[nodiscard]] results::NetworkStorageCost layers_storage_cost(std::span<const LayerSynapses> layers,
                                                              std::size_t weight_levels = 256);

// The non-zero weights of a dense layer, as realised synapses among all of its places.
[[nodiscard]] LayerSynapses dense_layer_synapses(std::string name, std::span<const float> weights);

// The final network's predictions on one data set.
struct NetworkOutputs {
  std::span<const std::uint8_t> labels{};
  std::span<const std::uint32_t> predictions{};
};

struct MeasuresInput {
  NetworkOutputs train{};  // the training samples it learnt from
  NetworkOutputs test{};
  std::size_t classes = 10;
  SampleMatrix test_hidden_codes{};  // test samples x hidden units
  HiddenCodeOptions hidden_options{};
  std::vector<LayerSynapses> layers{};  // every layer with synapses, input side first
};

// The measures of a results file (train_images left unset).
[[nodiscard]] results::Measures network_measures(const MeasuresInput& input);

// Outputs of a one-hidden-layer (or deeper) MLP on `inputs`: the predicted class of every
// row and the first hidden layer's activations (rows x hidden, row-major).
struct MlpOutputs {
  std::vector<std::uint32_t> predictions;
  std::vector<float> hidden_activations;
  std::size_t hidden = 0;
};
[[nodiscard]] MlpOutputs mlp_outputs(const models::Mlp& network, const models::RowMatrix& inputs,
                                     int threads);

}  // namespace sprout::analysis
