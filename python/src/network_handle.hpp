#pragma once
// The network a Python `sprout.Network` holds: an engine network kept as a
// FeedForwardNetwork, whose input and hidden populations present_images sets for each
// call, and the LIF group of each population (for its thresholds).

#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "models/spiking/feedforward_network.hpp"
#include "models/spiking/lif_neuron.hpp"

namespace sprout::python {

struct NetworkHandle {
  models::FeedForwardNetwork feedforward;
  std::vector<std::shared_ptr<models::LifGroup>> lif_groups;  // null for spike sources

  [[nodiscard]] engine::Network& network() { return feedforward.network; }
  [[nodiscard]] const engine::Network& network() const { return feedforward.network; }
};

// A population given by id (int) or name (str). Throws std::invalid_argument naming it
// when there is none.
[[nodiscard]] engine::PopulationId population_id(const NetworkHandle& handle,
                                                 pybind11::handle population);
// A projection given by id (int) or name (str).
[[nodiscard]] engine::ProjectionId projection_id(const NetworkHandle& handle,
                                                 pybind11::handle projection);

}  // namespace sprout::python
