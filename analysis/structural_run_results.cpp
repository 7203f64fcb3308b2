#include "analysis/structural_run_results.hpp"

#include <span>
#include <vector>

#include "analysis/network_measures.hpp"
#include "analysis/synaptic_capacity.hpp"

namespace sprout::analysis {

results::Measures structural_measures(const models::TrainingRun& run,
                                      const FinalEvaluations& final) {
  const models::StructuralLearner& learner = run.learner();
  const encoders::Mnist& data = run.data();
  const std::vector<float> hidden_counts(final.test.hidden_counts.begin(),
                                         final.test.hidden_counts.end());
  MeasuresInput input;
  input.train = {std::span(data.train.labels).first(final.train.images), final.train.predictions};
  input.test = {std::span(data.test.labels).first(final.test.images), final.test.predictions};
  input.classes = learner.readout().classes();
  input.test_hidden_codes = SampleMatrix(hidden_counts, learner.config().network.hidden);
  input.hidden_options.binning = Binning::kRoundedCapped;
  LayerSynapses input_hidden{"input_hidden", {}, learner.synapses().counts().potential};
  const auto weights = learner.synapses().weights();
  for (std::size_t k = 0; k < weights.size(); ++k)
    if (learner.synapses().realised(k)) input_hidden.realised_weights.push_back(weights[k]);
  input.layers.push_back(std::move(input_hidden));
  input.layers.push_back(dense_layer_synapses("hidden_output", learner.readout().weights()));
  results::Measures measures = network_measures(input);
  measures.train_images = final.train.images;
  return measures;
}

results::LayerCounts structural_nonzero_synapses(const models::StructuralLearner& learner) {
  results::LayerCounts counts;
  counts.layers["input_hidden"] = learner.synapses().counts().realised;
  counts.layers["hidden_output"] = count_nonzero(learner.readout().weights());
  counts.total = counts.layers["input_hidden"] + counts.layers["hidden_output"];
  const models::FeedForwardNetwork& net = learner.network();
  if (net.lateral_inhibition) {
    counts.fixed_lateral_inhibition =
        net.network.projection(*net.lateral_inhibition).synapse_count();
  }
  if (net.interneurons) {
    counts.fixed_interneuron_synapses =
        net.network.projection(*net.hidden_to_interneurons).synapse_count() +
        net.network.projection(*net.interneurons_to_hidden).synapse_count();
  }
  return counts;
}

results::TrainResults structural_run_results(const models::TrainingRun& run,
                                             const RunSource& source,
                                             const FinalEvaluations* final) {
  nlohmann::json config = models::to_json(run.config());
  config["config_file"] = source.config_file;
  config["data_dir"] = source.data_dir;
  results::TrainResults results;
  results.provenance = results::provenance_of_this_build("train", std::move(config));
  results.train_images = run.split().train;
  results.validation_images = run.split().validation;
  results.test_images = run.split().test;
  results.epochs = run.epochs();
  if (final != nullptr) {
    results.final =
        results::TrainFinal{run.epochs().back(), structural_nonzero_synapses(run.learner()),
                            structural_measures(run, *final), results::TrainFiles{}};
  }
  return results;
}

}  // namespace sprout::analysis
