#pragma once
// The results of the simulation workload (`sprout simulate`, the --out JSON, schema
// "sprout.simulate/1"; every key in docs/formats.md): exact operation counts, rates and
// timing of presenting test images to a random 784 -> H LIF network.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "results/schema.hpp"

namespace sprout::results {

struct ProjectionResult {
  std::string name;
  std::size_t synapses = 0;
  std::uint64_t synaptic_events = 0;
  std::uint64_t queue_events = 0;
  double synaptic_events_per_image = 0;
  double hot_path_bytes_per_synapse = 0;
  double total_bytes_per_synapse = 0;
};

// The files written beside the JSON (names relative to its folder).
struct SimulateFiles {
  std::string hidden_counts_csv;
  std::string raster_first_image;
  std::string raster_first_image_csv;
};

struct SimulateResults {
  Provenance provenance;  // config: every option of the run
  std::uint64_t synaptic_events = 0;
  double synaptic_events_per_image = 0;
  std::uint64_t input_spikes = 0;
  std::uint64_t hidden_spikes = 0;
  double hidden_rate_hz = 0;
  std::uint64_t neuron_state_updates = 0;  // of the hidden neurons
  std::uint64_t queue_events = 0;
  double wall_s = 0;
  double cpu_s = 0;  // of all threads of the process
  double events_per_cpu_s = 0;
  double build_s = 0;
  double events_per_s = 0;
  // The input -> hidden projection.
  std::size_t synapses = 0;
  double bytes_per_synapse = 0;  // on the hot path
  double total_bytes_per_synapse = 0;
  std::vector<ProjectionResult> projections;
  SimulateFiles files;
  std::size_t raster_first_image_spikes = 0;
  bool raster_first_image_truncated = false;

  [[nodiscard]] nlohmann::json to_json() const;
  // Throws one line "<source>: <key>: <problem>" (results/schema.hpp).
  [[nodiscard]] static SimulateResults from_json(const nlohmann::json& document,
                                                 std::string source);
};

}  // namespace sprout::results
