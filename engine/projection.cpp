#include "engine/projection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace sprout::engine {

Projection::Projection(std::string name, std::uint32_t pre_population,
                       std::uint32_t post_population, std::uint32_t pre_size,
                       std::uint32_t post_size, std::vector<SynapseSpec> synapses,
                       std::optional<double> uniform_delay_ms)
    : name_(std::move(name)),
      pre_population_(pre_population),
      post_population_(post_population),
      pre_size_(pre_size),
      post_size_(post_size),
      uniform_delay_ms_(uniform_delay_ms) {
  if (synapses.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument(fmt::format("projection '{}': {} synapses exceed the 32-bit index",
                                            name_, synapses.size()));
  }
  if (uniform_delay_ms && !(*uniform_delay_ms >= 0.0)) {
    throw std::invalid_argument(
        fmt::format("projection '{}': delay {} ms is negative", name_, *uniform_delay_ms));
  }
  for (const SynapseSpec& s : synapses) {
    if (s.pre >= pre_size || s.post >= post_size) {
      throw std::invalid_argument(fmt::format("projection '{}': synapse {}->{} outside {}x{}",
                                              name_, s.pre, s.post, pre_size, post_size));
    }
    if (!uniform_delay_ms && !(s.delay_ms >= 0.0f)) {
      throw std::invalid_argument(fmt::format("projection '{}': synapse {}->{} has delay {} ms",
                                              name_, s.pre, s.post, s.delay_ms));
    }
  }
  const bool per_synapse_delays = !uniform_delay_ms.has_value();
  const auto in_order = [&](const SynapseSpec& a, const SynapseSpec& b) {
    if (a.pre != b.pre) return a.pre < b.pre;
    if (per_synapse_delays && a.delay_ms != b.delay_ms) return a.delay_ms < b.delay_ms;
    return a.post < b.post;
  };
  // Learners that rebuild a projection every batch hand it over in order already.
  if (!std::is_sorted(synapses.begin(), synapses.end(), in_order))
    std::sort(synapses.begin(), synapses.end(), in_order);

  row_offsets_.assign(pre_size + 1, 0);
  targets_.reserve(synapses.size());
  weights_.reserve(synapses.size());
  if (per_synapse_delays) synapse_delay_ms_.reserve(synapses.size());
  for (const SynapseSpec& s : synapses) {
    ++row_offsets_[s.pre + 1];
    targets_.push_back(s.post);
    weights_.push_back(s.weight);
    if (per_synapse_delays) synapse_delay_ms_.push_back(s.delay_ms);
  }
  for (std::uint32_t i = 0; i < pre_size; ++i)
    row_offsets_[i + 1] += row_offsets_[i];

  segment_offsets_.assign(pre_size + 1, 0);
  for (std::uint32_t pre = 0; pre < pre_size; ++pre) {
    segment_offsets_[pre] = static_cast<std::uint32_t>(segment_begin_.size());
    for (std::uint32_t k = row_offsets_[pre]; k < row_offsets_[pre + 1]; ++k) {
      const double delay = per_synapse_delays ? synapse_delay_ms_[k] : *uniform_delay_ms;
      if (k == row_offsets_[pre] || delay != segment_delay_ms_.back()) {
        segment_begin_.push_back(k);
        segment_delay_ms_.push_back(delay);
      }
    }
  }
  segment_offsets_[pre_size] = static_cast<std::uint32_t>(segment_begin_.size());
  segment_begin_.push_back(static_cast<std::uint32_t>(targets_.size()));
}

void Projection::enable_shared_delivery() {
  auto refuse = [this](std::string_view why) {
    throw std::invalid_argument(
        fmt::format("projection '{}': shared delivery needs {}", name_, why));
  };
  if (pre_size_ != post_size_) refuse("as many presynaptic as postsynaptic neurons");
  if (!uniform_delay_ms_) refuse("one delay for all synapses");
  if (pre_size_ < 2) refuse("at least two neurons");
  if (targets_.size() != std::size_t{pre_size_} * (post_size_ - 1)) {
    refuse("every neuron to reach every other neuron once");
  }
  const float weight = weights_.front();
  if (!(weight <= 0.0f)) refuse("a weight <= 0 (inhibition cannot make a neuron fire)");
  for (std::uint32_t pre = 0; pre < pre_size_; ++pre) {
    if (row_end(pre) - row_begin(pre) != post_size_ - 1) {
      refuse("every neuron to reach every other neuron once");
    }
    for (std::uint32_t k = row_begin(pre); k < row_end(pre); ++k) {
      // Rows are sorted by target: the k-th synapse of row pre skips only pre itself.
      const std::uint32_t expected = k - row_begin(pre) + (k - row_begin(pre) >= pre ? 1 : 0);
      if (targets_[k] != expected) refuse("every neuron to reach every other neuron once");
      if (weights_[k] != weight) refuse("one weight for all synapses");
    }
  }
  shared_delivery_ = true;
}

std::vector<std::uint32_t> Projection::sources() const {
  std::vector<std::uint32_t> pre_of(targets_.size());
  for (std::uint32_t pre = 0; pre < pre_size_; ++pre) {
    std::fill(pre_of.begin() + row_offsets_[pre], pre_of.begin() + row_offsets_[pre + 1], pre);
  }
  return pre_of;
}

double Projection::synapse_delay_ms(std::uint32_t synapse) const {
  return uniform_delay_ms_ ? *uniform_delay_ms_ : synapse_delay_ms_[synapse];
}

double Projection::total_bytes_per_synapse() const {
  if (targets_.empty()) return 0.0;
  const std::size_t bytes =
      row_offsets_.size() * sizeof(std::uint32_t) + targets_.size() * sizeof(std::uint32_t) +
      weights_.size() * sizeof(float) + segment_offsets_.size() * sizeof(std::uint32_t) +
      segment_begin_.size() * sizeof(std::uint32_t) + segment_delay_ms_.size() * sizeof(double) +
      synapse_delay_ms_.size() * sizeof(float);
  return static_cast<double>(bytes) / static_cast<double>(targets_.size());
}

}  // namespace sprout::engine
