#include "models/spiking/brette_benchmark.hpp"

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "engine/random_stream.hpp"

namespace sprout::models {
namespace {

engine::Projection random_projection(std::string name, engine::PopulationId pre,
                                     std::uint32_t pre_size, engine::PopulationId post,
                                     std::uint32_t post_size, double probability, double weight,
                                     double delay_ms, RandomStream& random) {
  std::vector<engine::SynapseSpec> synapses;
  for (std::uint32_t i = 0; i < pre_size; ++i) {
    for (std::uint32_t j = 0; j < post_size; ++j) {
      // No autapses: a neuron does not connect to itself.
      if (pre == post && i == j) continue;
      if (random.uniform() < probability) {
        synapses.push_back({i, j, static_cast<float>(weight), 0.0f});
      }
    }
  }
  return engine::Projection(std::move(name), pre, post, pre_size, post_size, std::move(synapses),
                            delay_ms);
}

}  // namespace

BretteBenchmark4 build_brette_benchmark4(const BretteBenchmark4Spec& spec) {
  const auto excitatory_size =
      static_cast<std::uint32_t>(std::lround(spec.excitatory_fraction * spec.neurons));
  const std::uint32_t inhibitory_size = spec.neurons - excitatory_size;
  BretteBenchmark4 net;
  net.excitatory = net.network.add_population(
      "excitatory", std::make_shared<LifGroup>(excitatory_size, spec.lif));
  net.inhibitory = net.network.add_population(
      "inhibitory", std::make_shared<LifGroup>(inhibitory_size, spec.lif));
  RandomStream random(spec.seed, 0, StreamPurpose::kConnectivity);
  const struct {
    const char* name;
    engine::PopulationId pre, post;
    std::uint32_t pre_size, post_size;
    double weight;
  } blocks[] = {
      {"e_to_e", net.excitatory, net.excitatory, excitatory_size, excitatory_size,
       spec.excitatory_jump_mv},
      {"e_to_i", net.excitatory, net.inhibitory, excitatory_size, inhibitory_size,
       spec.excitatory_jump_mv},
      {"i_to_e", net.inhibitory, net.excitatory, inhibitory_size, excitatory_size,
       spec.inhibitory_jump_mv},
      {"i_to_i", net.inhibitory, net.inhibitory, inhibitory_size, inhibitory_size,
       spec.inhibitory_jump_mv},
  };
  for (const auto& b : blocks) {
    net.network.add_projection(random_projection(b.name, b.pre, b.pre_size, b.post, b.post_size,
                                                 spec.connectivity, b.weight, spec.delay_ms,
                                                 random));
  }
  return net;
}

}  // namespace sprout::models
