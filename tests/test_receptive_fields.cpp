// The receptive-field sample: neurons grouped by the class the readout weighs them most
// for, the most class-specific first, and each field signed by synapse state (hand-built
// network).
#include <catch2/catch.hpp>
#include <limits>

#include "analysis/receptive_fields.hpp"
#include "structural_test_synapses.hpp"

using sprout::models::SynapseState;

namespace {

// 3 inputs -> 5 hidden neurons, 2 classes. Consolidated / realised synapses per neuron:
// 0 -> 1/1, 1 -> 1/3, 2 -> 2/2, 3 -> 0/0, 4 -> 0/0. The readout prefers class 1 for
// neurons 0, 1, 2 (by margins 0.1, 2 and 0.5) and class 0 for 3, and weighs neuron 4 the
// same for both.
struct SmallNetwork {
  sprout::models::StructuralSettings settings{};
  sprout::models::PotentialSynapses synapses = sprout::testing::empty_synapses(3, 5, settings);
  sprout::models::LinearReadout readout{2, 5};

  SmallNetwork() {
    const auto set = [&](std::size_t input, std::size_t neuron, SynapseState state, float w) {
      const std::size_t k = synapses.index(input, neuron);
      synapses.states()[k] = state;
      synapses.weights()[k] = w;
    };
    set(0, 0, SynapseState::kConsolidated, 0.5F);
    set(0, 1, SynapseState::kConsolidated, 1.0F);
    set(1, 1, SynapseState::kSilent, 0.25F);
    set(2, 1, SynapseState::kSilent, 0.75F);
    set(1, 2, SynapseState::kConsolidated, 2.0F);
    set(2, 2, SynapseState::kConsolidated, 0.1F);
    const auto w = readout.weights();  // classes x inputs
    const float class0[5] = {0.1F, -1.0F, 0.0F, 3.0F, 0.5F};
    const float class1[5] = {0.2F, 1.0F, 0.5F, 2.0F, 0.5F};
    for (std::size_t j = 0; j < 5; ++j) {
      w[j] = class0[j];
      w[5 + j] = class1[j];
    }
  }
};

}  // namespace

TEST_CASE("Preferred class is the readout's largest weight, none when all are equal",
          "[receptive_fields]") {
  const SmallNetwork net;
  CHECK(sprout::analysis::preferred_class(net.readout, 0) == 1U);
  CHECK(sprout::analysis::preferred_class(net.readout, 1) == 1U);
  CHECK(sprout::analysis::preferred_class(net.readout, 2) == 1U);
  CHECK(sprout::analysis::preferred_class(net.readout, 3) == 0U);
  CHECK_FALSE(sprout::analysis::preferred_class(net.readout, 4).has_value());
  sprout::models::LinearReadout three{3, 1};
  three.weights()[1] = 2.0F;  // class 1 and 2 tie above class 0: the lower one
  three.weights()[2] = 2.0F;
  CHECK(sprout::analysis::preferred_class(three, 0) == 1U);
  three.weights()[0] = std::numeric_limits<float>::quiet_NaN();
  CHECK_FALSE(sprout::analysis::preferred_class(three, 0).has_value());
  CHECK_THROWS_AS(sprout::analysis::preferred_class(three, 1), std::invalid_argument);
}

TEST_CASE("Receptive-field sample: by class, most class-specific first, signed by state",
          "[receptive_fields]") {
  const SmallNetwork net;
  const auto sample = sprout::analysis::sample_receptive_fields(net.synapses, net.readout, 2);
  CHECK(sample.neurons_per_class == std::vector<std::size_t>{1, 3});
  CHECK(sample.without_preference == 1);
  // Class 0: neuron 3; class 1: the largest margins, 1 (2) and 2 (0.5), not 0 (0.1), although
  // neuron 2 has more consolidated synapses than neuron 1: two per class.
  CHECK(sample.neurons == std::vector<std::size_t>{3, 1, 2});
  CHECK(sample.classes == std::vector<std::uint32_t>{0, 1, 1});
  // Consolidated positive, silent negative, absent zero; input order within a field.
  CHECK(sample.signed_weights ==
        std::vector<float>{0.0F, 0.0F, 0.0F, 1.0F, -0.25F, -0.75F, 0.0F, 2.0F, 0.1F});
  const sprout::models::LinearReadout wrong{2, 4};
  CHECK_THROWS_AS(sprout::analysis::sample_receptive_fields(net.synapses, wrong, 2),
                  std::invalid_argument);
}
