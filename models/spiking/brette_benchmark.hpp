#pragma once
// Benchmark 4 of Brette et al. (2007, J Comput Neurosci 23:349): a random network of
// integrate-and-fire neurons with voltage-jump synapses, made for event-driven
// simulators. 80% excitatory and 20% inhibitory neurons, connection probability 2%.
// The membrane relaxes towards a resting potential above threshold, so neurons fire
// without external input and the recurrent inhibition holds the rate down.
// Parameters (as in the CUBA benchmark the review derives it from): tau_m 20 ms,
// v_rest -49 mV, threshold -50 mV, reset -60 mV, refractory 5 ms, jumps +0.25 mV and
// -2.25 mV, initial potentials uniform in [reset, threshold). The review leaves the
// delay to the simulator; we use 0.2 ms (docs/engine.md).

#include <cstdint>

#include "engine/network.hpp"
#include "models/spiking/lif_neuron.hpp"

namespace sprout::models {

struct BretteBenchmark4Spec {
  std::uint32_t neurons = 4000;
  double excitatory_fraction = 0.8;
  double connectivity = 0.02;
  double excitatory_jump_mv = 0.25;
  double inhibitory_jump_mv = -2.25;
  double delay_ms = 0.2;
  LifParameters lif{.tau_m_ms = 20.0,
                    .v_rest = -49.0,
                    .v_reset = -60.0,
                    .v_threshold = -50.0,
                    .refractory_ms = 5.0,
                    .v_init_low = -60.0,
                    .v_init_high = -50.0};
  std::uint64_t seed = 1;
};

struct BretteBenchmark4 {
  engine::Network network;
  engine::PopulationId excitatory = 0;
  engine::PopulationId inhibitory = 0;
};

[[nodiscard]] BretteBenchmark4 build_brette_benchmark4(const BretteBenchmark4Spec& spec);

}  // namespace sprout::models
