#pragma once
// The results of a structural training run (`sprout train`, results/train_results.hpp):
// the provenance, the split, the epochs, and for a finished run the final network's
// non-zero synapses and measures for `sprout compare`.

#include "models/structural/training_run.hpp"
#include "results/train_results.hpp"

namespace sprout::analysis {

// Where a run's config came from, recorded beside it.
struct RunSource {
  std::string config_file;
  std::string data_dir;
};

// The final network measured on the test set and on the training images it learnt from.
struct FinalEvaluations {
  models::EvaluationResult test;
  models::EvaluationResult train;
};

// Confusion matrices, storage cost and I(hidden; label) of the final network
// (analysis/network_measures.hpp), with train_images the images measured.
[[nodiscard]] results::Measures structural_measures(const models::TrainingRun& run,
                                                    const FinalEvaluations& final);

// Non-zero synapses of the learnt layers as `sprout bp` reports them, and the fixed
// lateral inhibition apart (it is not learnt and BP has nothing like it).
[[nodiscard]] results::LayerCounts structural_nonzero_synapses(
    const models::StructuralLearner& learner);

// The results; `final` set for a finished run, absent while it trains.
[[nodiscard]] results::TrainResults structural_run_results(const models::TrainingRun& run,
                                                           const RunSource& source,
                                                           const FinalEvaluations* final);

}  // namespace sprout::analysis
