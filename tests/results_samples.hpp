#pragma once
// Small, complete results of every kind (results/), with distinct values in every field,
// for the schema round trips and the comparison tests. Metrics derived from them are
// computed by hand in those tests.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "results/bp_results.hpp"
#include "results/bp_sweep_results.hpp"
#include "results/comparison_report.hpp"
#include "results/eval_results.hpp"
#include "results/probe_results.hpp"
#include "results/simulate_results.hpp"
#include "results/train_results.hpp"

namespace sprout::testing {

inline results::Provenance sample_provenance(std::string command, nlohmann::json config) {
  return {"0.1.0", "abc1234", "x86-64-v3", std::move(command), std::move(config)};
}

inline results::InformationEstimate sample_estimate(double bits, bool undersampled = false) {
  return {.plugin_bits = bits - 0.01,
          .bits = bits,
          .ci_low_bits = bits - 0.1,
          .ci_high_bits = bits + 0.1,
          .bootstrap_standard_error_bits = 0.05,
          .confidence = 0.95,
          .samples = 100,
          .x_symbols = 10,
          .y_symbols = 10,
          .joint_symbols = 12,
          .undersampled = undersampled};
}

// 10 classes, `per_class` samples each, all classified correctly.
inline results::ConfusionMatrix diagonal_confusion(std::size_t per_class) {
  results::ConfusionMatrix rows(10, std::vector<std::size_t>(10, 0));
  for (std::size_t label = 0; label < 10; ++label)
    rows[label][label] = per_class;
  return rows;
}

inline results::StorageCost sample_storage_cost(std::size_t realised, double bits_per_synapse) {
  return {.potential_synapses = 2 * realised,
          .realised_synapses = realised,
          .weight_levels = 256,
          .weight_entropy_bits_per_synapse = bits_per_synapse - 1,
          .structure_bits = static_cast<double>(realised),
          .structure_bits_per_synapse = 1,
          .bits_per_synapse = bits_per_synapse,
          .total_bits = bits_per_synapse * static_cast<double>(realised)};
}

// The final network measured on `train_per_class` training images of each class and 10
// test images of each, with `storage_bits_per_synapse` bits per synapse.
inline results::Measures sample_measures(std::size_t train_per_class,
                                         double storage_bits_per_synapse) {
  results::Measures measures;
  measures.train_confusion = diagonal_confusion(train_per_class);
  measures.test_confusion = diagonal_confusion(10);
  measures.storage_cost.weight_levels = 256;
  measures.storage_cost.layers = {
      {"input_hidden", sample_storage_cost(900, storage_bits_per_synapse)},
      {"hidden_output", sample_storage_cost(100, storage_bits_per_synapse)}};
  measures.storage_cost.realised_synapses = 1000;
  measures.storage_cost.total_bits = 1000 * storage_bits_per_synapse;
  measures.storage_cost.bits_per_synapse = storage_bits_per_synapse;
  measures.hidden_code_information = {.per_unit_bits = {0.1, 0.2},
                                      .mean_unit_bits = 0.15,
                                      .max_unit_bits = 0.2,
                                      .joint = sample_estimate(1.5, true),
                                      .winner = sample_estimate(1.25),
                                      .bins = 4,
                                      .binning = "rounded_capped",
                                      .samples = 100,
                                      .units = 2};
  return measures;
}

// Epoch 1: 900 realised synapses (400 silent, 500 consolidated), all test images right,
// 1000 + 200 + 50 SynOps per test image.
inline models::EpochRecord sample_epoch() {
  models::EpochRecord epoch;
  epoch.epoch = 1;
  epoch.test_accuracy = 1.0;
  epoch.test_images = 100;
  epoch.hidden_in_use_test = 40;
  epoch.input_spikes_per_test_image = 150.5;
  epoch.hidden_spikes_per_test_image = 12.25;
  epoch.synops_per_test_image.input_to_hidden = 1000.0;
  epoch.synops_per_test_image.lateral_inhibition = 200.0;
  epoch.synops_per_test_image.readout = 50.0;
  epoch.validation_accuracy = 0.9;
  epoch.validation_images = 50;
  epoch.synapses = {.potential = 2000, .realised = 900, .silent = 400, .consolidated = 500};
  epoch.connectivity = models::connectivity_of(epoch.synapses, 784, 50);
  epoch.structural_changes = {.consolidated = 3, .deconsolidated = 1, .eliminated = 7, .grown = 5};
  epoch.train_running_accuracy = 0.8;
  epoch.hidden_in_use_train = 45;
  epoch.replayed_training_responses = true;
  epoch.train_wall_s = 2.5;
  epoch.eval_wall_s = 0.5;
  epoch.train_samples_per_s = 400;
  epoch.train_synaptic_events_per_s = 3e6;
  return epoch;
}

// A finished structural run on 1000 training images.
inline results::TrainResults sample_train_results() {
  results::TrainResults results;
  results.provenance =
      sample_provenance("train", {{"encoder", {{"t_present_ms", 200}}}, {"seed", 7}});
  results.train_images = 1000;
  results.validation_images = 50;
  results.test_images = 100;
  results.epochs = {sample_epoch()};
  results::TrainFinal& final = results.final.emplace();
  final.epoch = sample_epoch();
  final.nonzero_synapses = {{{"input_hidden", 900}, {"hidden_output", 100}}, 1000, 450, {}};
  final.measures = sample_measures(100, 8.0);
  final.measures.train_images = 1000;
  return results;
}

// A dense 784-10-10 BP run on 500 training images.
inline results::BpResults sample_bp_results() {
  results::BpResults results;
  results.provenance = sample_provenance("bp", {{"hidden", 10}});
  results.variant = "dense";
  results.inputs = "pixels";
  results.input_scaling = {0.1307, 0.3081};
  results.layer_sizes = {784, 10, 10};
  results.train_samples = 500;
  results.test_samples = 100;
  results.test_accuracy = 1.0;
  results.test_loss = 0.05;
  results.train_accuracy = 0.99;
  results.train_loss = 0.04;
  results.nonzero_synapses = {{{"input_hidden", 7840}, {"hidden_output", 100}}, 7940, {}, {}};
  results.dense_synapses = results.nonzero_synapses;
  results.macs_per_image = {7940, 7940};
  results.epoch_wall_s = {1.5};
  results.mean_epoch_wall_s = 1.5;
  results.total_wall_s = 2;
  results.threads = 2;
  results.epochs = {{1, "train", 0.3, 0.9, 0.2, 0.95, 1.5, results.nonzero_synapses}};
  results.weights_file = "weights.bin";
  results.measures = sample_measures(50, 6.0);
  results.measures.hidden_code_information.binning = "equal_width";
  return results;
}

// `sample_bp_results` pruned to a budget of 900 input->hidden synapses.
inline results::BpResults sample_budget_bp_results() {
  results::BpResults results = sample_bp_results();
  results.variant = "budget";
  results.nonzero_synapses = {{{"input_hidden", 900}, {"hidden_output", 100}}, 1000, {}, {}};
  results.pruning = results::Pruning{"input_hidden", 900, {{1, 900, 0.8}}};
  results.budget = results::Budget{900, "structural/results.json"};
  return results;
}

}  // namespace sprout::testing
