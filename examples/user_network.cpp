// A network of your own with Sprout's engine: 100 spike sources -> 20 LIF neurons through
// a projection whose weights and delays are given synapse by synapse, driven by Poisson
// spike trains and one hand-placed spike. Records the spikes and two membrane traces and
// prints the exact synaptic operation (SynOp) counts.
//
//   user_network

#include <cstdio>
#include <memory>
#include <optional>
#include <sprout/engine/membrane_recorder.hpp>
#include <sprout/engine/network.hpp>
#include <sprout/engine/random_stream.hpp>
#include <sprout/engine/simulation.hpp>
#include <sprout/engine/spike_recorder.hpp>
#include <sprout/models/spiking/lif_neuron.hpp>
#include <vector>

int main() {
  using namespace sprout;
  constexpr std::uint32_t kInputs = 100;
  constexpr std::uint32_t kNeurons = 20;
  constexpr double kDurationMs = 200.0;
  constexpr double kInputRateHz = 20.0;
  constexpr std::uint64_t kSeed = 7;

  engine::Network network;
  const engine::PopulationId input =
      network.add_population("input", std::make_shared<engine::SpikeSourceGroup>(kInputs));
  models::LifParameters lif;
  lif.tau_m_ms = 10.0;
  lif.v_threshold = 1.0;
  lif.refractory_ms = 2.0;
  const engine::PopulationId output =
      network.add_population("output", std::make_shared<models::LifGroup>(kNeurons, lif));

  // Your own synapses: every third (pre, post) pair, weights rising with the target and
  // delays of 1.0 to 1.4 ms by source (std::nullopt: each synapse keeps its own delay).
  std::vector<engine::SynapseSpec> synapses;
  for (std::uint32_t pre = 0; pre < kInputs; ++pre) {
    for (std::uint32_t post = 0; post < kNeurons; ++post) {
      if ((pre + post) % 3 != 0) continue;
      const float weight = 0.08f + 0.004f * static_cast<float>(post);
      const float delay_ms = 1.0f + 0.1f * static_cast<float>(pre % 5);
      synapses.push_back({pre, post, weight, delay_ms});
    }
  }
  const engine::ProjectionId projection = network.add_projection(engine::Projection(
      "input_to_output", input, output, kInputs, kNeurons, std::move(synapses), std::nullopt));

  // Poisson trains from a seeded stream (exponential intervals), plus one spike by hand.
  RandomStream random(kSeed, 0, StreamPurpose::kFirstUserPurpose);
  std::vector<double> t_ms;
  std::vector<std::uint32_t> neuron;
  for (std::uint32_t i = 0; i < kInputs; ++i) {
    for (double t = random.exponential(1000.0 / kInputRateHz); t < kDurationMs;
         t += random.exponential(1000.0 / kInputRateHz)) {
      t_ms.push_back(t);
      neuron.push_back(i);
    }
  }
  t_ms.push_back(50.0);
  neuron.push_back(0);

  engine::Simulation simulation(network);
  engine::SpikeRecorder spikes(100'000);
  const engine::NeuronId first_output = network.population(output).offset;
  engine::MembraneRecorder membrane({first_output, first_output + 1}, 1.0, kDurationMs, 1 << 20);
  simulation.set_spike_recorder(&spikes);
  simulation.set_membrane_recorder(&membrane);
  simulation.start_trial(kSeed, 0);
  simulation.add_source_spikes(input, t_ms, neuron);
  simulation.run_until(kDurationMs);

  const auto counts = simulation.spike_counts(output);
  std::printf("input spikes: %zu\noutput spikes per neuron:", t_ms.size());
  for (std::uint32_t c : counts)
    std::printf(" %u", c);
  std::printf("\nfirst output spikes (ms, neuron):");
  int shown = 0;
  for (const engine::RecordedSpike& spike : spikes.sorted()) {
    if (spike.neuron < first_output || shown == 5) continue;
    std::printf(" (%.3f, %u)", spike.t_ms, spike.neuron - first_output);
    ++shown;
  }
  std::printf("\nmembrane of neurons 0 and 1 every 25 ms:\n");
  for (std::size_t k = 0; k < membrane.samples_taken(); k += 25)
    std::printf("  t = %5.1f ms  v0 = %.4f  v1 = %.4f\n", static_cast<double>(k),
                membrane.value(0, k), membrane.value(1, k));
  const engine::SimulationCounters& counters = simulation.counters();
  std::printf("synapses: %zu\nSynOps (synaptic events): %llu\nevents processed: %llu\n",
              network.projection(projection).synapse_count(),
              static_cast<unsigned long long>(counters.projections[projection].synaptic_events),
              static_cast<unsigned long long>(counters.events_processed));
  return 0;
}
