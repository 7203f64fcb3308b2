#include "models/spiking/feedforward_network.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "engine/random_stream.hpp"

namespace sprout::models {

void validate(const FeedForwardSpec& s) {
  auto fail = [](std::string_view field, double value, std::string_view rule) {
    throw std::invalid_argument(fmt::format("{} = {} {}", field, value, rule));
  };
  if (s.inputs == 0) fail("inputs", s.inputs, "must be > 0");
  if (s.hidden == 0) fail("hidden", s.hidden, "must be > 0");
  if (!(s.connectivity >= 0.0 && s.connectivity <= 1.0)) {
    fail("connectivity", s.connectivity, "must be in [0, 1]");
  }
  if (!(s.weight_low <= s.weight_high) || !std::isfinite(s.weight_high)) {
    fail("weight_low", s.weight_low, "must be <= weight_high and finite");
  }
  if (!(s.input_delay_ms >= 0.0)) fail("input_delay_ms", s.input_delay_ms, "must be >= 0");
  if (!(s.inhibition_weight <= 0.0)) fail("inhibition_weight", s.inhibition_weight, "must be <= 0");
  if (!(s.inhibition_delay_ms >= 0.0)) {
    fail("inhibition_delay_ms", s.inhibition_delay_ms, "must be >= 0");
  }
  if (!(s.interneuron_input_weight > 0.0 && std::isfinite(s.interneuron_input_weight))) {
    fail("interneuron_input_weight", s.interneuron_input_weight, "must be > 0 and finite");
  }
  validate(s.lif);
}

engine::Projection lateral_inhibition_projection(engine::PopulationId hidden, std::uint32_t size,
                                                 double weight, double delay_ms, bool shared) {
  std::vector<engine::SynapseSpec> synapses;
  synapses.reserve(static_cast<std::size_t>(size) * (size - 1));
  for (std::uint32_t i = 0; i < size; ++i) {
    for (std::uint32_t j = 0; j < size; ++j) {
      if (i != j) synapses.push_back({i, j, static_cast<float>(weight), 0.0f});
    }
  }
  engine::Projection projection("lateral_inhibition", hidden, hidden, size, size,
                                std::move(synapses), delay_ms);
  if (shared && size > 1) projection.enable_shared_delivery();
  return projection;
}

namespace {

// Hidden j -> interneuron j mod pool (excitatory), every interneuron -> every hidden
// neuron (inhibitory).
void add_interneuron_pool(FeedForwardNetwork& net, const FeedForwardSpec& spec) {
  const std::uint32_t pool = spec.interneurons;
  LifParameters lif = spec.lif;
  lif.v_init_low = lif.v_init_high = lif.v_rest;
  net.interneurons =
      net.network.add_population("interneurons", std::make_shared<LifGroup>(pool, lif));
  std::vector<engine::SynapseSpec> excite;
  excite.reserve(spec.hidden);
  for (std::uint32_t j = 0; j < spec.hidden; ++j)
    excite.push_back({j, j % pool, static_cast<float>(spec.interneuron_input_weight), 0.0f});
  net.hidden_to_interneurons = net.network.add_projection(
      engine::Projection("hidden_to_interneurons", net.hidden, *net.interneurons, spec.hidden, pool,
                         std::move(excite), spec.inhibition_delay_ms));
  std::vector<engine::SynapseSpec> inhibit;
  inhibit.reserve(static_cast<std::size_t>(pool) * spec.hidden);
  for (std::uint32_t p = 0; p < pool; ++p)
    for (std::uint32_t j = 0; j < spec.hidden; ++j)
      inhibit.push_back({p, j, static_cast<float>(spec.inhibition_weight), 0.0f});
  net.interneurons_to_hidden = net.network.add_projection(
      engine::Projection("interneurons_to_hidden", *net.interneurons, net.hidden, pool, spec.hidden,
                         std::move(inhibit), spec.inhibition_delay_ms));
}

}  // namespace

FeedForwardNetwork build_feedforward(const FeedForwardSpec& spec) {
  validate(spec);
  FeedForwardNetwork net;
  net.input =
      net.network.add_population("input", std::make_shared<engine::SpikeSourceGroup>(spec.inputs));
  net.hidden_group = std::make_shared<LifGroup>(spec.hidden, spec.lif);
  net.hidden = net.network.add_population("hidden", net.hidden_group);

  RandomStream connect(spec.seed, 0, StreamPurpose::kConnectivity);
  RandomStream weigh(spec.seed, 0, StreamPurpose::kInitialWeights);
  std::vector<engine::SynapseSpec> synapses;
  synapses.reserve(static_cast<std::size_t>(static_cast<double>(spec.inputs) * spec.hidden *
                                            spec.connectivity * 1.05) +
                   16);
  for (std::uint32_t i = 0; i < spec.inputs; ++i) {
    for (std::uint32_t j = 0; j < spec.hidden; ++j) {
      if (connect.uniform() < spec.connectivity) {
        synapses.push_back(
            {i, j, static_cast<float>(weigh.uniform(spec.weight_low, spec.weight_high)), 0.0f});
      }
    }
  }
  net.input_to_hidden = net.network.add_projection(
      engine::Projection("input_to_hidden", net.input, net.hidden, spec.inputs, spec.hidden,
                         std::move(synapses), spec.input_delay_ms));
  if (spec.inhibition_weight < 0.0 && spec.interneurons > 0) {
    add_interneuron_pool(net, spec);
  } else if (spec.inhibition_weight < 0.0) {
    net.lateral_inhibition = net.network.add_projection(
        lateral_inhibition_projection(net.hidden, spec.hidden, spec.inhibition_weight,
                                      spec.inhibition_delay_ms, spec.shared_inhibition));
  }
  return net;
}

}  // namespace sprout::models
