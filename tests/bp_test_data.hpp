#pragma once
// Small data sets for the BP tests: Gaussian clusters (one per class) that a network
// separates in a few epochs, so tests exercise training without loading MNIST.

#include <cstddef>
#include <cstdint>

#include "engine/random_stream.hpp"
#include "models/bp/bp_data.hpp"

namespace sprout::testing {

// `samples` points of `width` features around `classes` random centres (spread 0.3);
// the centres depend on `seed` only, the points also on `draw`.
inline models::FeatureSet gaussian_clusters(std::size_t samples, std::size_t width,
                                            std::size_t classes, std::uint64_t seed,
                                            std::uint64_t draw) {
  RandomStream centres_stream(seed, 0, 7);
  RandomStream points_stream(seed, draw + 1, 7);
  models::RowMatrix centres(static_cast<Eigen::Index>(classes), static_cast<Eigen::Index>(width));
  for (Eigen::Index i = 0; i < centres.size(); ++i)
    centres.data()[i] = static_cast<float>(centres_stream.uniform(-1.0, 1.0));
  models::FeatureSet set;
  set.features.resize(static_cast<Eigen::Index>(samples), static_cast<Eigen::Index>(width));
  for (std::size_t sample = 0; sample < samples; ++sample) {
    const auto label = static_cast<std::uint8_t>(sample % classes);
    set.labels.push_back(label);
    for (std::size_t feature = 0; feature < width; ++feature) {
      set.features(static_cast<Eigen::Index>(sample), static_cast<Eigen::Index>(feature)) =
          centres(label, static_cast<Eigen::Index>(feature)) +
          static_cast<float>(0.3 * points_stream.normal());
    }
  }
  return set;
}

inline models::BpData gaussian_data(std::size_t width, std::size_t classes, std::uint64_t seed) {
  models::BpData data;
  data.train = gaussian_clusters(600, width, classes, seed, 0);
  data.test = gaussian_clusters(300, width, classes, seed, 1);
  data.classes = classes;
  return data;
}

}  // namespace sprout::testing
