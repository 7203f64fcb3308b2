#pragma once
// Small networks for engine and neuron tests: a spike source driving LIF neurons
// through hand-specified synapses.

#include <memory>
#include <vector>

#include "engine/network.hpp"
#include "engine/simulation.hpp"
#include "models/lif_neuron.hpp"

namespace sprout::testing {

struct SourceToLif {
  engine::Network network;
  engine::PopulationId source = 0;
  engine::PopulationId lif = 0;
};

inline SourceToLif make_source_to_lif(std::uint32_t sources, std::uint32_t neurons,
                                      const models::LifParameters& parameters,
                                      std::vector<engine::SynapseSpec> synapses,
                                      double delay_ms = 0.0) {
  SourceToLif net;
  net.source =
      net.network.add_population("source", std::make_shared<engine::SpikeSourceGroup>(sources));
  net.lif =
      net.network.add_population("lif", std::make_shared<models::LifGroup>(neurons, parameters));
  net.network.add_projection(engine::Projection("source_to_lif", net.source, net.lif, sources,
                                                neurons, std::move(synapses), delay_ms));
  return net;
}

// Spike times of one neuron (global id) from a recorder.
inline std::vector<double> spike_times_of(const engine::SpikeRecorder& recorder,
                                          engine::NeuronId neuron) {
  std::vector<double> times;
  for (const auto& s : recorder.sorted()) {
    if (s.neuron == neuron) times.push_back(s.t_ms);
  }
  return times;
}

}  // namespace sprout::testing
