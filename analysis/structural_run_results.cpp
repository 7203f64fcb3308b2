#include "analysis/structural_run_results.hpp"

#include <span>
#include <vector>

#include "analysis/network_measures.hpp"
#include "analysis/synaptic_capacity.hpp"
#include "io/results_file.hpp"

namespace sprout::analysis {

using nlohmann::json;

json structural_measures(const models::TrainingRun& run, const FinalEvaluations& final) {
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
  json measures = network_measures(input);
  measures["train_images"] = final.train.images;
  return measures;
}

json structural_nonzero_synapses(const models::StructuralLearner& learner) {
  const std::size_t input_hidden = learner.synapses().counts().realised;
  const std::size_t hidden_output = count_nonzero(learner.readout().weights());
  json out = {{"input_hidden", input_hidden},
              {"hidden_output", hidden_output},
              {"total", input_hidden + hidden_output}};
  const models::FeedForwardNetwork& net = learner.network();
  if (net.lateral_inhibition) {
    out["fixed_lateral_inhibition"] =
        net.network.projection(*net.lateral_inhibition).synapse_count();
  }
  if (net.interneurons) {
    out["fixed_interneuron_synapses"] =
        net.network.projection(*net.hidden_to_interneurons).synapse_count() +
        net.network.projection(*net.interneurons_to_hidden).synapse_count();
  }
  return out;
}

json structural_run_results(const models::TrainingRun& run, const RunSource& source,
                            const FinalEvaluations* final) {
  json config = models::to_json(run.config());
  config["config_file"] = source.config_file;
  config["data_dir"] = source.data_dir;
  json document = io::provenance("train", config);
  document["complete"] = final != nullptr;
  document["train_images"] = run.split().train;
  document["validation_images"] = run.split().validation;
  document["test_images"] = run.split().test;
  json epochs = json::array();
  for (const models::EpochRecord& record : run.epochs())
    epochs.push_back(models::to_json(record));
  document["epochs"] = epochs;
  if (final != nullptr) {
    document["final"] = epochs.back();
    document["nonzero_synapses"] = structural_nonzero_synapses(run.learner());
    document["measures"] = structural_measures(run, *final);
    document["files"] = {{"network", "network.bin"},
                         {"receptive_fields", "receptive_fields.svg"},
                         {"raster_test_image_0", "raster_test_image_0.bin"},
                         {"raster_test_image_0_csv", "raster_test_image_0.csv"}};
  }
  return document;
}

}  // namespace sprout::analysis
