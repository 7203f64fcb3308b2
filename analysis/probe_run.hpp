#pragma once
// `sprout probe`: what limits a network saved by `sprout train`, the readout, the spiking
// noise or the learned weights (analysis/code_probe.hpp), as a results file
// (results/probe_results.hpp).

#include <cstddef>
#include <optional>
#include <string>

#include "analysis/code_probe.hpp"
#include "results/probe_results.hpp"

namespace sprout::analysis {

struct ProbeRequest {
  std::string network;   // the network file
  std::string data_dir;  // MNIST
  CodeProbeOptions probe;
  std::optional<std::size_t> test_limit;  // else every test image
  std::optional<int> threads;
};

// Loads the network and both MNIST sets and runs probe_network; `progress` sees each long
// stage. wall_s counts from the start, loading included.
[[nodiscard]] results::ProbeResults probe_saved_network(const ProbeRequest& request,
                                                        const ProgressReport& progress = {});

}  // namespace sprout::analysis
