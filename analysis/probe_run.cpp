#include "analysis/probe_run.hpp"

#include <algorithm>
#include <chrono>

#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "models/structural/structural_learner.hpp"

namespace sprout::analysis {

results::ProbeResults probe_saved_network(const ProbeRequest& request,
                                          const ProgressReport& progress) {
  const auto start = std::chrono::steady_clock::now();
  models::StructuralLearner learner = models::StructuralLearner::load(request.network);
  if (request.threads) learner.set_threads(*request.threads);
  const auto& classes = learner.config().data.classes;
  const auto train =
      encoders::load_mnist_split(request.data_dir, encoders::MnistSplit::kTrain, classes);
  const auto test =
      encoders::load_mnist_split(request.data_dir, encoders::MnistSplit::kTest, classes);
  CodeProbeOptions options = request.probe;
  options.test_images = std::min(request.test_limit.value_or(test.count), test.count);
  results::ProbeResults results;
  results.report = probe_network(learner, train, test, options, progress);
  results.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const nlohmann::json config = {{"network", request.network},
                                 {"data_dir", request.data_dir},
                                 {"probe_train_images", results.report.probe_train_images},
                                 {"test_images", results.report.test_images},
                                 {"top_k", options.top_k},
                                 {"probe", options.probe}};
  results.provenance = results::provenance_of_this_build("probe", config);
  return results;
}

}  // namespace sprout::analysis
