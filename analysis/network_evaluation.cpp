#include "analysis/network_evaluation.hpp"

#include <algorithm>
#include <chrono>

#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "models/structural/structural_learner.hpp"

namespace sprout::analysis {

NetworkEvaluation evaluate_saved_network(const EvaluationRequest& request) {
  models::StructuralLearner learner = models::StructuralLearner::load(request.network);
  if (request.threads) learner.set_threads(*request.threads);
  if (request.t_present_ms) learner.set_presentation_ms(*request.t_present_ms);
  if (request.shared_inhibition) learner.set_shared_inhibition(*request.shared_inhibition);
  const encoders::ClassList& network_classes = learner.config().data.classes;
  const encoders::ClassList classes =
      request.classes ? encoders::parse_class_list(*request.classes, "--classes") : network_classes;
  const auto test = encoders::load_mnist_split_for(request.data_dir, encoders::MnistSplit::kTest,
                                                   classes, network_classes, "--classes");
  const std::size_t count = std::min(request.test_limit.value_or(test.count), test.count);
  const auto start = std::chrono::steady_clock::now();
  const models::EvaluationResult eval = learner.evaluate(test, count);
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const nlohmann::json config = {{"network", request.network},
                                 {"data_dir", request.data_dir},
                                 {"test_images", count},
                                 {"classes", classes},
                                 {"t_present_ms", learner.config().encoder.duration_ms},
                                 {"shared_inhibition", learner.config().network.shared_inhibition}};
  NetworkEvaluation evaluation{{}, count, learner.config().encoder.duration_ms};
  results::EvalResults& results = evaluation.results;
  results.provenance = results::provenance_of_this_build("eval", config);
  results.test_accuracy = eval.accuracy();
  const auto synapses = learner.synapses().counts();
  results.realised_synapses = synapses.realised;
  results.consolidated_synapses = synapses.consolidated;
  results.predictions.assign(eval.predictions.begin(), eval.predictions.end());
  results.synaptic_events_per_image =
      static_cast<double>(eval.counters.synaptic_events()) / static_cast<double>(count);
  results.wall_s = wall_s;
  return evaluation;
}

}  // namespace sprout::analysis
