#include "models/bp/bp_data.hpp"

#include <algorithm>
#include <cmath>

namespace sprout::models {

FeatureSet pixel_features(const encoders::LabelledImages& images, std::size_t limit) {
  const std::size_t count = limit == 0 ? images.count : std::min(limit, images.count);
  const std::size_t width = images.pixels_per_image();
  FeatureSet set;
  set.features.resize(static_cast<Eigen::Index>(count), static_cast<Eigen::Index>(width));
  // The same scaling as the spiking network's input rates: rate = max_rate * pixel / 255.
  const Eigen::Map<const Eigen::Array<std::uint8_t, Eigen::Dynamic, 1>> pixels(
      images.pixels.data(), static_cast<Eigen::Index>(count * width));
  Eigen::Map<Eigen::ArrayXf>(set.features.data(), set.features.size()) =
      pixels.cast<float>() / 255.0F;
  set.labels.assign(images.labels.begin(),
                    images.labels.begin() + static_cast<std::ptrdiff_t>(count));
  return set;
}

InputScaling standardisation_of(const FeatureSet& train) {
  const auto values =
      Eigen::Map<const Eigen::ArrayXf>(train.features.data(), train.features.size()).cast<double>();
  if (values.size() == 0) return {};
  const double mean = values.mean();
  const double deviation = std::sqrt((values - mean).square().mean());
  return {static_cast<float>(mean), deviation > 0.0 ? static_cast<float>(deviation) : 1.0F};
}

void apply_input_scaling(FeatureSet& set, const InputScaling& scaling) {
  set.features.array() = (set.features.array() - scaling.offset) / scaling.scale;
}

BpData load_bp_data(const BpConfig& config, const std::filesystem::path& data_dir) {
  BpData data;
  switch (config.inputs) {
    case BpInputs::kPixels: {
      const encoders::Mnist mnist = encoders::load_mnist(data_dir, config.data.classes);
      data.train = pixel_features(mnist.train, config.train_limit);
      data.test = pixel_features(mnist.test, config.test_limit);
      break;
    }
  }
  data.classes = config.data.classes.size();
  data.class_labels = config.data.classes;
  if (config.standardise_inputs) {
    data.scaling = standardisation_of(data.train);
    apply_input_scaling(data.train, data.scaling);
    apply_input_scaling(data.test, data.scaling);
  }
  return data;
}

}  // namespace sprout::models
