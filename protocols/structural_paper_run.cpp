#include "protocols/structural_paper_run.hpp"

#include <span>

#include "analysis/structural_run_results.hpp"
#include "io/results_file.hpp"
#include "protocols/run_capacity.hpp"
#include "report/training_outputs.hpp"

namespace sprout::protocols {

analysis::PaperRunMeasures run_structural_rule(const PaperRunPlan& run, const encoders::Mnist& data,
                                               const std::filesystem::path& data_dir,
                                               const std::filesystem::path& folder,
                                               const analysis::VibSettings& vib,
                                               models::TrainingObserver& observer) {
  models::TrainingRun training(run.structural, data);
  training.run(observer, {});  // no checkpoint: a protocol's run is not resumed
  report::write_training_outputs(folder, training);
  analysis::FinalEvaluations final{training.final_test(observer), {}};
  final.train = training.final_train(observer, training.split().train);
  const analysis::RunSource source{run.config.string(), data_dir.string()};
  results::write_results_file(folder / "results.json",
                              analysis::structural_run_results(training, source, &final));

  const std::size_t train_images = final.train.images;
  const std::size_t test_images = final.test.images;
  const analysis::PaperCapacity capacity = analysis::paper_capacity_of_structural(
      training.learner(), final.train.hidden_counts,
      std::span(data.train.labels).first(train_images), final.test.hidden_counts,
      std::span(data.test.labels).first(test_images), seeded(vib, run.seed));
  write_capacity_file(folder,
                      {{"network", "network.bin"},
                       {"data_dir", data_dir.string()},
                       {"train_limit", train_images},
                       {"test_limit", test_images}},
                      capacity);
  return run_measures(run, final.test.accuracy(), capacity);
}

}  // namespace sprout::protocols
