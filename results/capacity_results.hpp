#pragma once
// The paper's capacity of a trained network (`sprout capacity --out FILE`, schema
// "sprout.capacity/1"; every key in docs/formats.md): I(X;Z) through a variational encoder
// on its hidden code, the non-silent input->hidden synapses and their ratio.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "results/schema.hpp"

namespace sprout::results {

struct CapacityResults {
  Provenance provenance;  // config: weights or network, data_dir, limits, classes
  double i_xz_bits = 0;
  std::size_t nonsilent_input_synapses = 0;
  double c_s_paper = 0;  // bits per non-silent input->hidden synapse
  // The encoder's own measures and settings (analysis/variational_information.hpp).
  nlohmann::json vib;

  [[nodiscard]] nlohmann::json to_json() const;
  // Throws one line "<source>: <key>: <problem>" (results/schema.hpp).
  [[nodiscard]] static CapacityResults from_json(const nlohmann::json& document,
                                                 std::string source);
};

}  // namespace sprout::results
