#pragma once
// A projection: the synapses from one population to another, in compressed sparse rows
// by presynaptic neuron, structure of arrays (target index uint32, weight float).
//
// Within a row, synapses are grouped into delay segments: synapses that share a delay.
// One queue event per spike and segment (not per synapse) carries the spike; with one
// delay per projection every row is a single segment.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/event.hpp"

namespace sprout::engine {

struct SynapseSpec {
  std::uint32_t pre;
  std::uint32_t post;
  float weight;
  float delay_ms;  // ignored when the projection has one delay for all synapses
};

class Projection {
 public:
  struct Segment {
    std::uint32_t begin;  // synapse index range [begin, end)
    std::uint32_t end;
    double delay_ms;
  };

  // Builds the rows from a list of synapses in any order. With `uniform_delay_ms` set,
  // every synapse has that delay; otherwise each synapse's own delay_ms is used.
  // Within a row, synapses are sorted by (delay, target), so the layout does not depend
  // on the order of `synapses`. Throws std::invalid_argument on an index out of range or
  // a negative delay.
  Projection(std::string name, std::uint32_t pre_population, std::uint32_t post_population,
             std::uint32_t pre_size, std::uint32_t post_size, std::vector<SynapseSpec> synapses,
             std::optional<double> uniform_delay_ms);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::uint32_t pre_population() const { return pre_population_; }
  [[nodiscard]] std::uint32_t post_population() const { return post_population_; }
  [[nodiscard]] std::uint32_t pre_size() const { return pre_size_; }
  [[nodiscard]] std::uint32_t post_size() const { return post_size_; }
  [[nodiscard]] std::size_t synapse_count() const { return targets_.size(); }

  // Row of presynaptic neuron `pre`: synapse index range.
  [[nodiscard]] std::uint32_t row_begin(std::uint32_t pre) const { return row_offsets_[pre]; }
  [[nodiscard]] std::uint32_t row_end(std::uint32_t pre) const { return row_offsets_[pre + 1]; }
  // Delay segments of row `pre`: segment index range.
  [[nodiscard]] std::uint32_t first_segment(std::uint32_t pre) const {
    return segment_offsets_[pre];
  }
  [[nodiscard]] std::uint32_t last_segment(std::uint32_t pre) const {
    return segment_offsets_[pre + 1];
  }
  [[nodiscard]] Segment segment(std::uint32_t index) const {
    return {segment_begin_[index], segment_begin_[index + 1], segment_delay_ms_[index]};
  }

  [[nodiscard]] std::span<const std::uint32_t> targets() const { return targets_; }
  [[nodiscard]] std::span<const float> weights() const { return weights_; }
  // Learning rules change weights in place between trials (structure stays).
  [[nodiscard]] std::span<float> mutable_weights() { return weights_; }
  // Presynaptic neuron of each synapse (derived; for learning rules and exports).
  [[nodiscard]] std::vector<std::uint32_t> sources() const;
  [[nodiscard]] double synapse_delay_ms(std::uint32_t synapse) const;

  // Bytes per synapse touched when a spike is delivered (target + weight) and in total
  // (including row offsets, delay segments and per-synapse delays).
  [[nodiscard]] static constexpr double hot_path_bytes_per_synapse() {
    return sizeof(std::uint32_t) + sizeof(float);
  }
  [[nodiscard]] double total_bytes_per_synapse() const;

  // Shared delivery: for a projection in which every presynaptic neuron i reaches every
  // postsynaptic neuron but i, all with one weight <= 0 and one delay (the all-to-all
  // lateral inhibition), a spike may reach the target population as one event that it
  // adds to each neuron when that neuron next matters, instead of one update per target
  // (PopulationState::receive_shared). The synapses stay listed, and counted, as before.
  // Throws std::invalid_argument naming the projection if it is not of that form.
  void enable_shared_delivery();
  [[nodiscard]] bool shared_delivery() const { return shared_delivery_; }
  // The one weight of a shared-delivery projection.
  [[nodiscard]] float shared_weight() const { return weights_.empty() ? 0.0f : weights_.front(); }

 private:
  std::string name_;
  std::uint32_t pre_population_;
  std::uint32_t post_population_;
  std::uint32_t pre_size_;
  std::uint32_t post_size_;
  std::vector<std::uint32_t> row_offsets_;  // pre_size + 1
  std::vector<std::uint32_t> targets_;
  std::vector<float> weights_;
  std::vector<std::uint32_t> segment_offsets_;  // pre_size + 1, into the segment arrays
  std::vector<std::uint32_t> segment_begin_;    // segments + 1, synapse indices
  std::vector<double> segment_delay_ms_;
  std::vector<float> synapse_delay_ms_;  // empty when the projection has one delay
  std::optional<double> uniform_delay_ms_;
  bool shared_delivery_ = false;
};

}  // namespace sprout::engine
