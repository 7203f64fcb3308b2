#pragma once
// The results of the BP reference (results/bp_results.hpp, results/bp_sweep_results.hpp):
// results.json of `sprout bp` with the final network's measures, and sweep.json /
// sweep.csv of `sprout bp sweep` with the over-parameterisation factor. Accuracies are
// fractions in [0, 1]; the tolerance of the factor is in percentage points.

#include <cstddef>
#include <span>
#include <string>

#include "models/bp/bp_config.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/bp_sweep.hpp"
#include "models/bp/bp_training.hpp"
#include "results/bp_results.hpp"
#include "results/bp_sweep_results.hpp"

namespace sprout::analysis {

// "input_hidden" and "hidden_output" for the one-hidden-layer network, else "layer_<i>".
[[nodiscard]] std::string bp_layer_name(std::size_t index, std::size_t layer_count);

// The count of every layer, named, and their total.
[[nodiscard]] results::LayerCounts bp_synapse_counts(std::span<const std::size_t> per_layer);

// Confusion matrices, storage cost and I(hidden; label) of a trained network on `data`
// (analysis/network_measures.hpp).
[[nodiscard]] results::Measures bp_measures(const models::Mlp& network, const models::BpData& data,
                                            int threads);

struct BpRunContext {
  std::string command;        // as typed, for the provenance
  std::string weights_file;   // name of the weights file beside results.json
  std::string budget_source;  // where the budget came from ("" if none)
};

// results.json of one run on `data` (the scaling is the data's; its measures are taken
// on the data here).
[[nodiscard]] results::BpResults bp_run_results(const models::BpRun& run,
                                                const models::BpConfig& config,
                                                const models::BpData& data,
                                                const BpRunContext& context);

// sweep.json: every point, and the over-parameterisation factor per hidden size, both
// within the hidden size's own pruning curve and across all sizes.
[[nodiscard]] results::BpSweepResults bp_sweep_results(std::span<const models::BpSweepPoint> points,
                                                       const models::BpSweepConfig& config,
                                                       const std::string& command,
                                                       double total_wall_s);

// sweep.csv: one line per point.
[[nodiscard]] std::string bp_sweep_csv(std::span<const models::BpSweepPoint> points);

}  // namespace sprout::analysis
