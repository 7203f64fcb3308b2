#pragma once
// The input -> hidden network of Sprout: spike-source inputs (one per pixel) project
// onto LIF hidden neurons with random connectivity; optionally every hidden spike
// inhibits the other hidden neurons (lateral inhibition, the mechanism of competition),
// or, obeying Dale's law, excites a pool of inhibitory interneurons that inhibit the
// hidden layer (disynaptic inhibition).

#include <cstdint>
#include <memory>
#include <optional>

#include "engine/network.hpp"
#include "models/spiking/lif_neuron.hpp"

namespace sprout::models {

struct FeedForwardSpec {
  std::uint32_t inputs = 784;
  std::uint32_t hidden = 1000;
  double connectivity = 0.2;  // probability of an input->hidden synapse
  double weight_low = 0.0;    // initial weights uniform in [weight_low, weight_high)
  double weight_high = 0.1;
  double input_delay_ms = 0.0;
  LifParameters lif;
  double inhibition_weight = 0.0;  // voltage jump (<= 0) on every other hidden neuron
  double inhibition_delay_ms = 0.5;
  bool shared_inhibition = false;  // one shared event per inhibitory spike (same dynamics)
  // > 0: no hidden -> hidden inhibition; hidden neuron j excites interneuron j mod
  // `interneurons` by interneuron_input_weight, and every interneuron spike lowers every
  // hidden neuron by inhibition_weight. Interneurons are LIF neurons with the hidden
  // layer's parameters (fixed threshold); each synapse has inhibition_delay_ms.
  std::uint32_t interneurons = 0;
  double interneuron_input_weight = 0.25;
  std::uint64_t seed = 1;
};

// Throws std::invalid_argument naming the field that is out of range.
void validate(const FeedForwardSpec& spec);

struct FeedForwardNetwork {
  engine::Network network;
  engine::PopulationId input = 0;
  engine::PopulationId hidden = 0;
  engine::ProjectionId input_to_hidden = 0;
  std::optional<engine::ProjectionId> lateral_inhibition;
  // The interneuron pool, when the spec has one (then no lateral_inhibition).
  std::optional<engine::PopulationId> interneurons;
  std::optional<engine::ProjectionId> hidden_to_interneurons;
  std::optional<engine::ProjectionId> interneurons_to_hidden;
  std::shared_ptr<LifGroup> hidden_group;  // learning rules adapt its thresholds
};

[[nodiscard]] FeedForwardNetwork build_feedforward(const FeedForwardSpec& spec);

// All-to-all hidden->hidden projection without self-connections; `shared`: with shared
// delivery (engine::Projection::enable_shared_delivery) when there are two neurons or more.
[[nodiscard]] engine::Projection lateral_inhibition_projection(engine::PopulationId hidden,
                                                               std::uint32_t size, double weight,
                                                               double delay_ms, bool shared);

}  // namespace sprout::models
