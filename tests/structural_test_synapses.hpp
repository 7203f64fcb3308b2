#pragma once
// Hand-made potential synapses for the structural-rule tests.

#include <cstddef>

#include "models/structural/potential_synapses.hpp"
#include "models/structural/structural_config.hpp"

namespace sprout::testing {

// `inputs` x `hidden`, every pair potential, nothing realised (`settings` is set so).
inline models::PotentialSynapses empty_synapses(std::size_t inputs, std::size_t hidden,
                                                models::StructuralSettings& settings) {
  settings.potential_connectivity = 1.0;
  settings.initial_connectivity = 0.0;
  return models::PotentialSynapses(inputs, hidden, settings, 1);
}

}  // namespace sprout::testing
