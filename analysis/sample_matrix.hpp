#pragma once
// A read-only view of per-sample feature vectors (hidden spike counts, BP activations):
// `samples` rows of `features` values each, row-major. Float because that is what the
// networks produce; the estimators compute in double.

#include <cstddef>
#include <span>
#include <stdexcept>

namespace sprout::analysis {

struct SampleMatrix {
  std::span<const float> values{};  // samples * features, row-major
  std::size_t samples = 0;
  std::size_t features = 0;

  SampleMatrix() = default;
  SampleMatrix(std::span<const float> values_, std::size_t features_)
      : values(values_),
        samples(features_ == 0 ? 0 : values_.size() / features_),
        features(features_) {
    if (features_ == 0 || values_.size() % features_ != 0) {
      throw std::invalid_argument(
          "SampleMatrix: value count is not a multiple of the feature count");
    }
  }

  [[nodiscard]] float at(std::size_t sample, std::size_t feature) const {
    return values[sample * features + feature];
  }
  [[nodiscard]] std::span<const float> row(std::size_t sample) const {
    return values.subspan(sample * features, features);
  }
};

}  // namespace sprout::analysis
