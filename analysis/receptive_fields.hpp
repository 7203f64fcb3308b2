#pragma once
// A readable sample of the hidden neurons' receptive fields: the neurons grouped by the
// class the readout weighs them most for, and within a class the most class-specific
// first (the largest margin of that weight over the next class's; then the most
// consolidated). Each field is signed so that one picture tells the synapse states apart:
// consolidated weights positive, silent weights negative, absent synapses zero.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/structural/potential_synapses.hpp"
#include "models/structural/readout.hpp"

namespace sprout::analysis {

struct ReceptiveFieldSample {
  std::vector<std::size_t> neurons{};            // shown, class by class
  std::vector<std::uint32_t> classes{};          // preferred class of each shown neuron
  std::vector<std::size_t> neurons_per_class{};  // all hidden neurons preferring each class
  std::size_t without_preference = 0;   // neurons the readout weighs the same for every class
  std::vector<float> signed_weights{};  // neurons.size() x inputs: +consolidated, -silent
};

// The class whose readout weight from `neuron` is largest (the lowest class on ties), or
// none when every class weighs it the same (e.g. a neuron that never fired) or a weight
// is not finite. Throws std::invalid_argument for a neuron the readout does not read.
[[nodiscard]] std::optional<std::uint32_t> preferred_class(const models::LinearReadout& readout,
                                                           std::size_t neuron);

// Up to `per_class` neurons of each class. Throws std::invalid_argument when the readout's
// inputs are not the synapses' hidden neurons.
[[nodiscard]] ReceptiveFieldSample sample_receptive_fields(
    const models::PotentialSynapses& synapses, const models::LinearReadout& readout,
    std::size_t per_class);

}  // namespace sprout::analysis
