#include "report/bp_outputs.hpp"

#include <span>

#include "analysis/bp_report.hpp"
#include "analysis/network_measures.hpp"
#include "io/results_file.hpp"
#include "models/bp/mlp_weights_file.hpp"

namespace sprout::report {
namespace {

// Confusion matrices, storage cost and I(hidden; label) of the final network.
nlohmann::json final_measures(const models::Mlp& network, const models::BpData& data, int threads) {
  const analysis::MlpOutputs train = analysis::mlp_outputs(network, data.train.features, threads);
  const analysis::MlpOutputs test = analysis::mlp_outputs(network, data.test.features, threads);
  analysis::MeasuresInput input;
  input.train = {data.train.labels, train.predictions};
  input.test = {data.test.labels, test.predictions};
  input.classes = data.classes;
  input.test_hidden_codes = analysis::SampleMatrix(test.hidden_activations, test.hidden);
  input.hidden_options.binning = analysis::Binning::kEqualWidth;
  const auto layers = network.layers();
  for (std::size_t index = 0; index < layers.size(); ++index) {
    const auto& weights = layers[index].weights;
    input.layers.push_back(analysis::dense_layer_synapses(
        analysis::bp_layer_name(index, layers.size()),
        std::span<const float>(weights.data(), static_cast<std::size_t>(weights.size()))));
  }
  return analysis::network_measures(input);
}

}  // namespace

nlohmann::json write_bp_outputs(const std::filesystem::path& folder, const models::BpRun& run,
                                const models::BpConfig& config, const models::BpData& data,
                                const std::string& budget_source) {
  const std::string weights_name = "weights.bin";
  models::Mlp saved = run.network;
  models::fold_input_scaling(saved, data.scaling.offset, data.scaling.scale);
  models::write_mlp_weights(folder / weights_name, saved);
  nlohmann::json results =
      analysis::bp_run_report(run, config, {"bp", weights_name, budget_source, data.scaling});
  results["measures"] = final_measures(run.network, data, config.threads);
  io::write_json_atomically(folder / "results.json", results);
  return results;
}

}  // namespace sprout::report
