#include "report/bp_outputs.hpp"

#include "engine/atomic_file.hpp"
#include "models/bp/mlp_weights_file.hpp"

namespace sprout::report {

results::BpResults write_bp_outputs(const std::filesystem::path& folder, const models::BpRun& run,
                                    const models::BpConfig& config, const models::BpData& data,
                                    const std::string& budget_source) {
  const std::string weights_name = "weights.bin";
  models::Mlp saved = run.network;
  models::fold_input_scaling(saved, data.scaling.offset, data.scaling.scale);
  models::write_mlp_weights(folder / weights_name, saved);
  const results::BpResults results =
      analysis::bp_run_results(run, config, data, {"bp", weights_name, budget_source});
  results::write_results_file(folder / "results.json", results);
  return results;
}

results::BpSweepResults write_bp_sweep_outputs(const std::filesystem::path& folder,
                                               std::span<const models::BpSweepPoint> points,
                                               const models::BpSweepConfig& config,
                                               double total_wall_s) {
  const results::BpSweepResults results =
      analysis::bp_sweep_results(points, config, "bp sweep", total_wall_s);
  write_text_atomically(folder / "sweep.csv", analysis::bp_sweep_csv(points));
  results::write_results_file(folder / "sweep.json", results);
  return results;
}

}  // namespace sprout::report
