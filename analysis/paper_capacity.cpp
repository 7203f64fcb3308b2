#include "analysis/paper_capacity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "analysis/network_measures.hpp"
#include "models/bp/mlp_weights_file.hpp"

namespace sprout::analysis {
namespace {

std::vector<float> as_floats(std::span<const std::uint32_t> counts) {
  return {counts.begin(), counts.end()};
}

}  // namespace

PaperCapacity paper_capacity(const VibResult& vib, std::size_t nonsilent_input_synapses) {
  if (nonsilent_input_synapses == 0)
    throw std::invalid_argument("paper_capacity: no non-silent input->hidden synapse");
  return {vib.i_xz_bits, nonsilent_input_synapses,
          vib.i_xz_bits / static_cast<double>(nonsilent_input_synapses), vib};
}

std::size_t nonsilent_input_synapses(const models::Mlp& network) {
  return network.layers().front().nonzero_synapses();
}

std::size_t nonsilent_input_synapses(const models::StructuralLearner& learner) {
  const auto& synapses = learner.synapses();
  const auto weights = synapses.weights();
  std::size_t count = 0;
  for (std::size_t k = 0; k < weights.size(); ++k)
    count += synapses.realised(k) && weights[k] != 0.0F ? 1 : 0;
  return count;
}

PaperCapacity paper_capacity_of_bp(const models::Mlp& network, const models::BpData& data,
                                   const VibSettings& settings, int threads) {
  const MlpOutputs train = mlp_outputs(network, data.train.features, threads);
  const MlpOutputs test = mlp_outputs(network, data.test.features, threads);
  const VibResult vib = variational_information(
      SampleMatrix(train.hidden_activations, train.hidden), data.train.labels,
      SampleMatrix(test.hidden_activations, test.hidden), data.test.labels, data.classes, settings);
  return paper_capacity(vib, nonsilent_input_synapses(network));
}

PaperCapacity paper_capacity_of_structural(const models::StructuralLearner& learner,
                                           const encoders::LabelledImages& train,
                                           std::size_t train_count,
                                           const encoders::LabelledImages& test,
                                           std::size_t test_count, const VibSettings& settings) {
  const models::RecordedResponses train_responses = learner.respond(train, train_count);
  const models::RecordedResponses test_responses = learner.respond(test, test_count);
  return paper_capacity_of_structural(learner, train_responses.presentation.hidden_counts,
                                      std::span(train.labels).first(train_count),
                                      test_responses.presentation.hidden_counts,
                                      std::span(test.labels).first(test_count), settings);
}

PaperCapacity paper_capacity_of_structural(const models::StructuralLearner& learner,
                                           std::span<const std::uint32_t> train_counts,
                                           std::span<const std::uint8_t> train_labels,
                                           std::span<const std::uint32_t> test_counts,
                                           std::span<const std::uint8_t> test_labels,
                                           const VibSettings& settings) {
  const std::size_t hidden = learner.config().network.hidden;
  const std::vector<float> train_codes = as_floats(train_counts);
  const std::vector<float> test_codes = as_floats(test_counts);
  const VibResult vib = variational_information(SampleMatrix(train_codes, hidden), train_labels,
                                                SampleMatrix(test_codes, hidden), test_labels,
                                                learner.readout().classes(), settings);
  return paper_capacity(vib, nonsilent_input_synapses(learner));
}

PaperCapacity paper_capacity_of_bp_file(const std::filesystem::path& weights,
                                        const std::filesystem::path& data_dir,
                                        const encoders::ClassList& classes, std::size_t train_limit,
                                        std::size_t test_limit, const VibSettings& settings,
                                        int threads) {
  const models::Mlp network = models::read_mlp_weights(weights);
  if (network.classes() != classes.size()) {
    throw std::runtime_error(fmt::format("{}: the network has {} outputs but {} classes are given",
                                         weights.string(), network.classes(), classes.size()));
  }
  models::BpConfig config;
  config.data.classes = classes;
  config.standardise_inputs = false;  // the file's weights take pixel/255
  config.train_limit = train_limit;
  config.test_limit = test_limit;
  const models::BpData data = models::load_bp_data(config, data_dir);
  if (network.inputs() != data.train.width()) {
    throw std::runtime_error(fmt::format("{}: the network has {} inputs but the images {} pixels",
                                         weights.string(), network.inputs(), data.train.width()));
  }
  return paper_capacity_of_bp(network, data, settings, threads);
}

PaperCapacity paper_capacity_of_network_file(const std::filesystem::path& network,
                                             const std::filesystem::path& data_dir,
                                             std::size_t train_limit, std::size_t test_limit,
                                             const VibSettings& settings, int threads) {
  models::StructuralLearner learner = models::StructuralLearner::load(network);
  learner.set_threads(threads);
  const encoders::Mnist mnist = encoders::load_mnist(data_dir, learner.config().data.classes);
  const auto limited = [](std::size_t limit, std::size_t count) {
    return limit == 0 ? count : std::min(limit, count);
  };
  return paper_capacity_of_structural(learner, mnist.train, limited(train_limit, mnist.train.count),
                                      mnist.test, limited(test_limit, mnist.test.count), settings);
}

void to_json(nlohmann::json& out, const PaperCapacity& capacity) {
  out = {{"i_xz_bits", capacity.i_xz_bits},
         {"nonsilent_input_synapses", capacity.nonsilent_input_synapses},
         {"c_s_paper", capacity.c_s_paper},
         {"vib", capacity.vib}};
}

}  // namespace sprout::analysis
