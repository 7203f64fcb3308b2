#pragma once
// The results of a BP pruning sweep (`sprout bp sweep`, DIR/sweep.json, schema
// "sprout.bp_sweep/1"; every key in docs/formats.md): every (hidden size, density) point
// and the over-parameterisation factor per hidden size.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "results/bp_results.hpp"
#include "results/measures.hpp"
#include "results/schema.hpp"

namespace sprout::results {

struct BpSweepPointResult {
  std::size_t hidden = 0;
  double density = 1;  // the level's target fraction of the pruned layers' synapses
  LayerCounts nonzero_synapses;
  LayerCounts dense_synapses;
  MacsPerImage macs_per_image;
  double test_accuracy = 0;
  double test_loss = 0;
  std::size_t epochs_trained = 0;  // by this network so far, retraining included
  double train_wall_s = 0;
};

// The smallest sweep network within the tolerance, and the factor it gives.
struct SweepFactor {
  double factor = 0;  // dense synapses / the smallest network's synapses
  std::size_t hidden = 0;
  double density = 0;
  std::size_t nonzero_synapses = 0;
  double test_accuracy = 0;
};

struct HiddenSizeFactor {
  std::size_t hidden = 0;
  std::size_t dense_synapses = 0;
  double dense_test_accuracy = 0;
  SweepFactor same_hidden;  // on the hidden size's own pruning curve
  SweepFactor any_hidden;   // among all smaller networks of the sweep
};

struct SweepOverparameterisation {
  std::string definition;
  double tolerance_points = 0;
  std::vector<HiddenSizeFactor> per_hidden;
  double max_same_hidden = 0;
  double max_any_hidden = 0;
};

struct BpSweepResults {
  Provenance provenance;  // config: the complete effective sweep config
  std::vector<BpSweepPointResult> points;
  SweepOverparameterisation overparameterisation;
  double total_wall_s = 0;

  [[nodiscard]] nlohmann::json to_json() const;
  // Throws one line "<source>: <key>: <problem>" (results/schema.hpp).
  [[nodiscard]] static BpSweepResults from_json(const nlohmann::json& document, std::string source);
};

}  // namespace sprout::results
