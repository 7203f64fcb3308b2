#pragma once
// The results of evaluating a saved network (`sprout eval --out FILE`, schema
// "sprout.eval/1"; every key in docs/formats.md): accuracy and every prediction.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "results/schema.hpp"

namespace sprout::results {

struct EvalResults {
  Provenance provenance;  // config: network, data_dir, test_images, t_present_ms, ...
  double test_accuracy = 0;
  std::size_t realised_synapses = 0;
  std::size_t consolidated_synapses = 0;
  std::vector<std::size_t> predictions;  // per test image, in order
  double synaptic_events_per_image = 0;
  double wall_s = 0;

  [[nodiscard]] nlohmann::json to_json() const;
  // Throws one line "<source>: <key>: <problem>" (results/schema.hpp).
  [[nodiscard]] static EvalResults from_json(const nlohmann::json& document, std::string source);
};

}  // namespace sprout::results
