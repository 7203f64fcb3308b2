#pragma once
// Small networks for engine and neuron tests: a spike source driving LIF neurons
// through hand-specified synapses.

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "engine/network.hpp"
#include "engine/simulation.hpp"
#include "engine/spike_recorder.hpp"
#include "models/spiking/lif_neuron.hpp"

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

// One trial of a source-to-LIF network from t = 0 until end_ms, source neuron sources[k]
// spiking at times[k], every spike recorded. The simulation stays readable at end_ms.
class RecordedTrial {
 public:
  RecordedTrial(SourceToLif net, const std::vector<double>& times,
                const std::vector<std::uint32_t>& sources, double end_ms)
      : net_(std::move(net)), simulation_(net_.network) {
    simulation_.set_spike_recorder(&recorder_);
    simulation_.start_trial(1, 0);
    simulation_.add_source_spikes(net_.source, times, sources);
    simulation_.run_until(end_ms);
  }
  RecordedTrial(const RecordedTrial&) = delete;
  RecordedTrial& operator=(const RecordedTrial&) = delete;

  [[nodiscard]] const engine::Simulation& simulation() const { return simulation_; }
  [[nodiscard]] const engine::SpikeRecorder& recorder() const { return recorder_; }
  // Spike times, spike counts and potential of neuron `index` of the LIF population.
  [[nodiscard]] std::vector<double> spike_times(std::uint32_t index) const {
    return spike_times_of(recorder_, lif_offset() + index);
  }
  [[nodiscard]] std::uint32_t spike_count(std::uint32_t index) const {
    return simulation_.spike_counts(net_.lif)[index];
  }
  [[nodiscard]] double potential(std::uint32_t index, double t_ms) const {
    return simulation_.membrane_potential(lif_offset() + index, t_ms);
  }

 private:
  [[nodiscard]] engine::NeuronId lif_offset() const {
    return net_.network.population(net_.lif).offset;
  }

  SourceToLif net_;
  engine::SpikeRecorder recorder_{1'000'000};
  engine::Simulation simulation_;
};

}  // namespace sprout::testing
