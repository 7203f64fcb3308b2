#pragma once
// The simulation workload (`sprout simulate`): MNIST test images presented as spike
// trains to 784 inputs -> H LIF neurons with random connectivity and weights, measured
// as exact operation counts, rates and timing (results/simulate_results.hpp).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "encoders/mnist.hpp"
#include "encoders/spike_encoders.hpp"
#include "models/spiking/feedforward_network.hpp"
#include "models/spiking/image_simulation.hpp"
#include "results/simulate_results.hpp"

namespace sprout::analysis {

struct SimulationWorkload {
  std::string data_dir;
  std::size_t images = 100;
  std::size_t first_image = 0;
  std::string encoder = "poisson";  // "poisson", "regular" or "latency"
  models::FeedForwardSpec network;  // inputs are set to the images' pixels
  encoders::EncoderParameters encoding;
  int threads = 1;
  std::size_t raster_max_spikes = 2'000'000;  // of the first image
};

// Every setting, as the results' config records it.
[[nodiscard]] nlohmann::json to_json(const SimulationWorkload& workload);

struct SimulationRun {
  models::PresentationResult presentation;  // hidden counts and the first image's raster
  results::SimulateResults results;
};

// Builds the network and presents images [first_image, first_image + images) of `test`;
// `progress` (may be empty) sees the images done. `files` are the names the results list.
[[nodiscard]] SimulationRun run_simulation_workload(
    SimulationWorkload workload, const encoders::LabelledImages& test,
    const results::SimulateFiles& files,
    const std::function<void(std::size_t done, std::size_t total)>& progress = {});

}  // namespace sprout::analysis
