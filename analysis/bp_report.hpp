#pragma once
// Result documents of the BP reference (docs/bp.md, "Output"): results.json of `sprout bp`
// and sweep.json / sweep.csv of `sprout bp sweep`, with the over-parameterisation factor.
// Accuracies are fractions in [0, 1]; the tolerance of the factor is in percentage points.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "models/bp/bp_config.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/bp_sweep.hpp"
#include "models/bp/bp_training.hpp"

namespace sprout::analysis {

// "input_hidden" and "hidden_output" for the one-hidden-layer network, else "layer_<i>".
[[nodiscard]] std::string bp_layer_name(std::size_t index, std::size_t layer_count);

// {"<layer name>": count, ..., "total": sum}.
[[nodiscard]] nlohmann::json bp_synapse_counts(std::span<const std::size_t> per_layer);

struct BpRunContext {
  std::string command;           // as typed, for the provenance
  std::string weights_file;      // name of the weights file beside results.json
  std::string budget_source;     // where the budget came from ("" if none)
  models::InputScaling scaling;  // applied to the features; folded into the weights file
};

// results.json of one run: provenance (with the effective config), test_accuracy,
// nonzero_synapses per layer and total, macs_per_image (dense and sparse), epoch_wall_s
// (one per epoch) and the per-epoch records.
[[nodiscard]] nlohmann::json bp_run_report(const models::BpRun& run, const models::BpConfig& config,
                                           const BpRunContext& context);

// sweep.json: provenance, every point, and the over-parameterisation factor per hidden
// size, both within the hidden size's own pruning curve and across all sizes.
[[nodiscard]] nlohmann::json bp_sweep_report(std::span<const models::BpSweepPoint> points,
                                             const models::BpSweepConfig& config,
                                             const std::string& command, double total_wall_s);

// sweep.csv: one line per point.
[[nodiscard]] std::string bp_sweep_csv(std::span<const models::BpSweepPoint> points);

}  // namespace sprout::analysis
