#pragma once
// What the BP reference learns from: a feature matrix (samples x features, float) with
// one label per sample. The trainer sees only this, so any source of features can be
// fed to it: today the pixels scaled as the spiking network's rates (pixel/255);
// input or hidden spike counts of the spiking engine are the planned other sources.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "models/bp/bp_config.hpp"
#include "models/bp/mlp.hpp"

namespace sprout::models {

struct FeatureSet {
  RowMatrix features;                // samples x features
  std::vector<std::uint8_t> labels;  // samples, each < classes

  [[nodiscard]] std::size_t size() const { return labels.size(); }
  [[nodiscard]] std::size_t width() const { return static_cast<std::size_t>(features.cols()); }
};

// The affine map applied to every feature before the network: (x - offset) / scale.
struct InputScaling {
  float offset = 0.0F;
  float scale = 1.0F;
};

struct BpData {
  FeatureSet train;
  FeatureSet test;
  std::size_t classes = encoders::kMnistClasses;
  // Original label of each class (class k is label class_labels[k]).
  encoders::ClassList class_labels = encoders::all_classes();
  InputScaling scaling;  // already applied to train and test
};

// pixel/255 of the first `limit` images of `images` (0: all).
[[nodiscard]] FeatureSet pixel_features(const encoders::LabelledImages& images,
                                        std::size_t limit = 0);

// Mean and standard deviation of all values of `train` (for MNIST pixel/255: 0.1307 and
// 0.3081, torchvision's constants); scale 1 if the values are all equal.
[[nodiscard]] InputScaling standardisation_of(const FeatureSet& train);

void apply_input_scaling(FeatureSet& set, const InputScaling& scaling);

// The train and test features that `config.inputs` names, from the MNIST files in
// `data_dir`, restricted to `config.data.classes` (labels renumbered), then limited and (if
// configured) standardised with the training set's statistics. Extension point: a new BpInputs
// value adds its case here (e.g. run the spiking engine on every image and take its spike counts).
[[nodiscard]] BpData load_bp_data(const BpConfig& config, const std::filesystem::path& data_dir);

}  // namespace sprout::models
