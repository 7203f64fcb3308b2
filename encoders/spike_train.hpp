#pragma once
// Spike trains produced by the encoders: parallel arrays of times (ms) and input
// neuron indices (one input neuron per pixel).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sprout::encoders {

struct SpikeTrain {
  std::vector<double> t_ms;
  std::vector<std::uint32_t> neuron;

  [[nodiscard]] std::size_t size() const { return t_ms.size(); }
  void clear() {
    t_ms.clear();
    neuron.clear();
  }
  void add(double time_ms, std::uint32_t input) {
    t_ms.push_back(time_ms);
    neuron.push_back(input);
  }
};

}  // namespace sprout::encoders
