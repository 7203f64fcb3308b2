#pragma once
// Records the spikes of one trial as (time, global neuron id), up to a fixed budget.
// A full recorder stops recording and says how many spikes it dropped, rather than
// growing without bound.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "engine/event.hpp"

namespace sprout::engine {

struct RecordedSpike {
  double t_ms;
  NeuronId neuron;
};

class SpikeRecorder {
 public:
  explicit SpikeRecorder(std::size_t max_spikes) : max_spikes_(max_spikes) {}

  void record(double t_ms, NeuronId neuron) {
    if (spikes_.size() < max_spikes_) {
      spikes_.push_back({t_ms, neuron});
    } else {
      ++dropped_;
    }
  }
  void clear() {
    spikes_.clear();
    dropped_ = 0;
  }

  // Spikes in the order they were recorded (sources first, then as simulated).
  [[nodiscard]] const std::vector<RecordedSpike>& spikes() const { return spikes_; }
  [[nodiscard]] std::uint64_t dropped() const { return dropped_; }
  [[nodiscard]] bool truncated() const { return dropped_ > 0; }
  // Sorted by (time, neuron): the order in which to write or plot them.
  [[nodiscard]] std::vector<RecordedSpike> sorted() const;

 private:
  std::size_t max_spikes_;
  std::vector<RecordedSpike> spikes_;
  std::uint64_t dropped_ = 0;
};

// Binary raster: 8-byte magic "SPRSTER1", uint64 count, then `count` records of
// (float64 t_ms, uint32 neuron), little-endian, packed (12 bytes each). Atomic write.
void write_raster_binary(const std::filesystem::path& path,
                         const std::vector<RecordedSpike>& spikes);
[[nodiscard]] std::vector<RecordedSpike> read_raster_binary(const std::filesystem::path& path);
// CSV with header "t_ms,neuron". Atomic write.
void write_raster_csv(const std::filesystem::path& path, const std::vector<RecordedSpike>& spikes);

}  // namespace sprout::engine
