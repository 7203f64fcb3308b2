#include "protocols/bp_paper_run.hpp"

#include "models/bp/bp_data.hpp"
#include "models/bp/bp_training.hpp"
#include "protocols/run_capacity.hpp"
#include "report/bp_outputs.hpp"

namespace sprout::protocols {

analysis::PaperRunMeasures run_bp_reference(const PaperRunPlan& run,
                                            const std::filesystem::path& data_dir,
                                            const std::filesystem::path& folder,
                                            const analysis::VibSettings& vib) {
  const models::BpData data = models::load_bp_data(run.bp, data_dir);
  const models::BpRun trained = models::run_bp(run.bp, data);
  report::write_bp_outputs(folder, trained, run.bp, data, "");
  const analysis::PaperCapacity capacity = analysis::paper_capacity_of_bp(
      trained.network, data, seeded(vib, run.seed), static_cast<int>(run.bp.threads));
  write_capacity_file(folder,
                      {{"weights", "weights.bin"},
                       {"classes", run.bp.data.classes},
                       {"data_dir", data_dir.string()},
                       {"train_limit", data.train.size()},
                       {"test_limit", data.test.size()}},
                      capacity);
  return run_measures(run, trained.test.accuracy(), capacity);
}

}  // namespace sprout::protocols
