#pragma once
// Random streams of the BP reference, from the engine's RandomStream: each is derived
// from (seed, index, purpose), so e.g. the shuffle of epoch 3 does not depend on how
// many numbers the initialisation drew.

#include <cstdint>
#include <span>
#include <utility>

#include "engine/random_stream.hpp"

namespace sprout::models {

inline constexpr std::uint64_t kBpInitialisationStream =
    purpose_value(StreamPurpose::kBpInitialWeights);  // index: layer
inline constexpr std::uint64_t kBpShuffleStream =
    purpose_value(StreamPurpose::kBpShuffle);  // index: epoch

// Uniform float in [0, 1) from the top 24 bits (a float's mantissa holds exactly 24).
[[nodiscard]] inline float uniform_unit_float(RandomStream& stream) {
  return static_cast<float>(stream() >> 40U) * 0x1.0p-24F;
}

// Fisher-Yates shuffle of `order`.
inline void shuffle_in_place(std::span<std::uint32_t> order, RandomStream& stream) {
  for (std::size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[stream.below(i)]);
}

}  // namespace sprout::models
