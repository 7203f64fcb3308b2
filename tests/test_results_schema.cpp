// The results schemas (results/): every kind reads back what it writes, and a reader
// refuses a missing key, a wrong type, another kind and another version with one line
// naming the file and the dotted key.

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "results/training_budget.hpp"
#include "results_samples.hpp"
#include "test_helpers.hpp"

namespace {

using nlohmann::json;
namespace results = sprout::results;
using sprout::testing::sample_provenance;

// to_json, from_json and to_json again give the same document; its "schema" names the kind.
template <class Results>
void check_round_trip(const Results& original, const std::string& schema) {
  const json written = original.to_json();
  CHECK(written["schema"] == schema);
  const json again = Results::from_json(written, "results.json").to_json();
  // dump(): NaN reads back as NaN, which is not equal to itself as a number.
  CHECK(again.dump() == written.dump());
}

template <class Results>
std::string error_of(const json& document) {
  try {
    (void)Results::from_json(document, "r.json");
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "no error";
}

results::SimulateResults sample_simulate_results() {
  results::SimulateResults r;
  r.provenance = sample_provenance("simulate", {{"hidden", 50}, {"seed", 3}});
  r.synaptic_events = 123456;
  r.synaptic_events_per_image = 20576;
  r.input_spikes = 5000;
  r.hidden_spikes = 300;
  r.hidden_rate_hz = 17.1;
  r.neuron_state_updates = 130000;
  r.queue_events = 6000;
  r.wall_s = 0.5;
  r.cpu_s = 0.9;
  r.events_per_cpu_s = 137173.3;
  r.build_s = 0.01;
  r.events_per_s = 246912;
  r.synapses = 7840;
  r.bytes_per_synapse = 8;
  r.total_bytes_per_synapse = 8.4;
  r.projections = {{"input_to_hidden", 7840, 123456, 5000, 20576, 8, 8.4}};
  r.files = {"s.counts.csv", "s.raster.bin", "s.raster.csv"};
  r.raster_first_image_spikes = 900;
  r.raster_first_image_truncated = true;
  return r;
}

results::EvalResults sample_eval_results() {
  results::EvalResults r;
  r.provenance = sample_provenance("eval", {{"network", "network.bin"}, {"test_images", 3}});
  r.test_accuracy = 2.0 / 3.0;
  r.realised_synapses = 900;
  r.consolidated_synapses = 500;
  r.predictions = {7, 2, 1};
  r.synaptic_events_per_image = 4321.5;
  r.wall_s = 1.25;
  return r;
}

results::ProbeResults sample_probe_results() {
  results::ProbeResults r;
  r.provenance = sample_provenance("probe", {{"top_k", {5, 20}}});
  r.report = {50, 500, 200, {0.8, 0.75}, {0.85, 0.8}, {{5, {0.7, 0.65}}, {20, {0.9, 0.85}}}};
  r.wall_s = 12.5;
  return r;
}

results::BpSweepResults sample_sweep_results() {
  results::BpSweepResults r;
  r.provenance = sample_provenance("bp sweep", {{"hidden_sizes", {8}}});
  const results::LayerCounts dense{{{"input_hidden", 6272}, {"hidden_output", 80}}, 6352, {}, {}};
  const results::LayerCounts half{{{"input_hidden", 3136}, {"hidden_output", 40}}, 3176, {}, {}};
  r.points = {{8, 1.0, dense, dense, {6352, 6352}, 0.9, 0.3, 1, 0.5},
              {8, 0.5, half, dense, {6352, 3176}, 0.898, 0.31, 2, 0.9}};
  r.overparameterisation = {
      "definition",
      0.5,
      {{8, 6352, 0.9, {2.0, 8, 0.5, 3176, 0.898}, {2.0, 8, 0.5, 3176, 0.898}}},
      2.0,
      2.0};
  r.total_wall_s = 3.5;
  return r;
}

results::ComparisonReport sample_comparison_report() {
  results::ComparisonReport r;
  r.provenance = sample_provenance("compare", {{"tolerance_points", 0.5}});
  r.command_line = "sprout compare --structural s.json --bp b.json --out c";
  r.headline = {{"structural", 0.9, 1000, 3.2, 1250, "accumulate", 1125, 5750}};
  results::RunComparison run;
  run.name = "structural";
  run.kind = "structural";
  run.file = "s.json";
  run.git_revision = "abc1234";
  run.config = {{"seed", 7}};
  run.test_accuracy = 0.9;
  run.nonzero_synapses = {{{"input_hidden", 900}, {"hidden_output", 100}}, 1000, 450, {}};
  run.information.train_prediction_label = sprout::testing::sample_estimate(3.0);
  run.information.train_prediction_label.ci_low_bits = std::numeric_limits<double>::quiet_NaN();
  run.information.train_label_entropy_bits = 3.32;
  run.information.test_prediction_label = sprout::testing::sample_estimate(2.9);
  run.information.test_label_entropy_bits = 3.31;
  run.information.hidden_code_label =
      sprout::testing::sample_measures(10, 8).hidden_code_information;
  run.information.hidden_code_label.per_unit_bits.clear();
  run.synaptic_capacity = {3.0, 3.32, 1000, 3000, 1000, 3.0};
  run.test_information_per_synapse = {2.9, 3.31, 100, 290, 1000, 0.29};
  run.storage_cost = sprout::testing::sample_measures(10, 8).storage_cost;
  run.task_bits_per_storage_bit = 0.375;
  results::EnergyReport synops;
  synops.network = "structural";
  synops.layers = {{"input_to_hidden", 1000, 900, 4600}, {"readout", 250, 225, 1150}};
  synops.operations_per_image = 1250;
  synops.native_pj = 1125;
  synops.at_mac_cost_pj = 5750;
  run.operations["synops"] = synops;
  run.energy = {"SynOps", "accumulate", 1250, 1125, 5750};
  results::RunComparison bp = run;
  bp.name = "bp dense";
  bp.kind = "bp";
  bp.variant = "dense";
  bp.operations = {{"dense_macs", synops}, {"sparse_macs", synops}};
  bp.operations["dense_macs"].kind = results::OperationKind::kMultiplyAccumulate;
  r.runs = {run, bp};
  r.structural_training = {{1, 0.85, 950, 500, 450}, {2, 0.9, 900, 400, 500}};
  r.structural_files = {"s/receptive_fields.svg", std::nullopt, 200};
  results::SweepComparison sweep;
  sweep.file = "sweep.json";
  sweep.git_revision = "abc1234";
  sweep.config = {{"hidden_sizes", {8}}};
  sweep.points = {{8, 1.0, 6352, 0.9}, {8, 0.5, 3176, 0.898}};
  sweep.tolerance_points = 0.5;
  const results::EqualAccuracyRatio not_reached{90, std::numeric_limits<double>::quiet_NaN(), 1000,
                                                std::numeric_limits<double>::quiet_NaN(),
                                                results::RatioStatus::kNotReached};
  sweep.per_hidden = {{8, {{6352, 90}, {3176, 89.8}, 0.5, 2.0}, not_reached}};
  sweep.max_overparameterisation_factor = 2.0;
  sweep.equal_accuracy_any_hidden = not_reached;
  r.sweep = sweep;
  return r;
}

}  // namespace

TEST_CASE("results: every kind reads back what it writes", "[results]") {
  check_round_trip(sprout::testing::sample_train_results(), "sprout.train/1");
  results::TrainResults unfinished = sprout::testing::sample_train_results();
  unfinished.final.reset();
  check_round_trip(unfinished, "sprout.train/1");
  check_round_trip(sprout::testing::sample_bp_results(), "sprout.bp/1");
  check_round_trip(sprout::testing::sample_budget_bp_results(), "sprout.bp/1");
  check_round_trip(sample_sweep_results(), "sprout.bp_sweep/1");
  check_round_trip(sample_simulate_results(), "sprout.simulate/1");
  check_round_trip(sample_eval_results(), "sprout.eval/1");
  check_round_trip(sample_probe_results(), "sprout.probe/1");
  check_round_trip(sample_comparison_report(), "sprout.compare/1");
}

TEST_CASE("results: the layout shared by every kind", "[results]") {
  const json train = sprout::testing::sample_train_results().to_json();
  CHECK(train["provenance"]["command"] == "train");
  CHECK(train["provenance"]["config"]["seed"] == 7);
  CHECK(train["complete"] == true);
  CHECK(train["nonzero_synapses"]["fixed_lateral_inhibition"] == 450);
  CHECK(train["measures"]["train_images"] == 1000);
  CHECK(train["files"]["network"] == "network.bin");
  const results::TrainResults read = results::TrainResults::from_json(train, "r.json");
  CHECK(read.final->nonzero_synapses.layers.at("input_hidden") == 900);
  CHECK(read.final->measures.hidden_code_information.per_unit_bits.size() == 2);
  CHECK(*read.epochs[0].validation_accuracy == 0.9);
  // A value that does not exist is null in the file and NaN when read.
  const json report = sample_comparison_report().to_json();
  CHECK(report["runs"][0]["information"]["train_prediction_label"]["ci_low_bits"].is_null());
  CHECK(report["sweep"]["equal_accuracy_any_hidden"]["ratio"].is_null());
  const auto comparison = results::ComparisonReport::from_json(report, "report.json");
  CHECK(std::isnan(comparison.sweep->equal_accuracy_any_hidden.ratio));
  CHECK_FALSE(comparison.structural_files.raster_test_image_0.has_value());
  CHECK_FALSE(report["runs"][0]["information"]["hidden_code_label"].contains("per_unit_bits"));
}

TEST_CASE("results: one error line naming the file and the key", "[results]") {
  const json train = sprout::testing::sample_train_results().to_json();
  SECTION("a missing key") {
    json document = train;
    document["measures"]["storage_cost"]["layers"]["input_hidden"].erase("total_bits");
    CHECK(error_of<results::TrainResults>(document) ==
          "r.json: measures.storage_cost.layers.input_hidden.total_bits: missing");
  }
  SECTION("a key of the wrong type") {
    json document = train;
    document["epochs"][0]["synapses"]["realised"] = -3;
    CHECK(error_of<results::TrainResults>(document) ==
          "r.json: epochs.0.synapses.realised: expected a non-negative integer");
    document = train;
    document["provenance"]["git_revision"] = 5;
    CHECK(error_of<results::TrainResults>(document) ==
          "r.json: provenance.git_revision: expected a string");
  }
  SECTION("an accuracy outside [0, 1]") {
    json document = train;
    document["final"]["test_accuracy"] = 1.7;
    CHECK(error_of<results::TrainResults>(document) ==
          "r.json: final.test_accuracy: expected a fraction in [0, 1], got 1.7");
    json bp = sprout::testing::sample_bp_results().to_json();
    bp["test_accuracy"] = -0.1;
    CHECK(error_of<results::BpResults>(bp) ==
          "r.json: test_accuracy: expected a fraction in [0, 1], got -0.1");
  }
  SECTION("a confusion matrix that is not square") {
    json document = train;
    document["measures"]["test_confusion"][3].erase(0);
    CHECK(error_of<results::TrainResults>(document) ==
          "r.json: measures.test_confusion: expected a square matrix of counts");
  }
  SECTION("another kind") {
    CHECK(error_of<results::BpResults>(train) ==
          "r.json: schema: \"sprout.train/1\" is a results file of 'sprout train', expected "
          "\"sprout.bp/1\" (a results file of 'sprout bp')");
    CHECK(error_of<results::BpSweepResults>(sprout::testing::sample_bp_results().to_json()) ==
          "r.json: schema: \"sprout.bp/1\" is a results file of 'sprout bp', expected "
          "\"sprout.bp_sweep/1\" (a results file of 'sprout bp sweep')");
  }
  SECTION("another version") {
    json document = train;
    document["schema"] = "sprout.train/2";
    CHECK(error_of<results::TrainResults>(document) ==
          "r.json: schema: version 2 is not read by this build (it reads \"sprout.train/1\")");
  }
  SECTION("no schema, or an unknown one") {
    json document = train;
    document.erase("schema");
    CHECK(error_of<results::TrainResults>(document) ==
          "r.json: schema: missing: not a Sprout results file; expected \"sprout.train/1\" (a "
          "results file of 'sprout train')");
    document["schema"] = "other/1";
    CHECK(error_of<results::TrainResults>(document) ==
          "r.json: schema: unknown kind \"other/1\", expected \"sprout.train/1\" (a results "
          "file of 'sprout train')");
    CHECK(error_of<results::EvalResults>(json::array()) == "r.json: expected a JSON object");
  }
}

TEST_CASE("results: the BP budget is the realised synapses after the last epoch", "[results]") {
  sprout::testing::TemporaryFolder folder;
  const auto path = folder.path() / "results.json";
  results::TrainResults train = sprout::testing::sample_train_results();
  train.final.reset();  // a run still training gives its budget too
  train.epochs.push_back(sprout::testing::sample_epoch());
  train.epochs.back().synapses.realised = 1234;
  std::ofstream(path) << train.to_json().dump();
  CHECK(results::realised_synapses_after_training(path) == 1234);
  train.epochs.back().synapses.realised = 0;
  std::ofstream(path) << train.to_json().dump();
  CHECK_THROWS_WITH(
      results::realised_synapses_after_training(path),
      path.string() + ": epochs.1.synapses.realised: expected a positive count, got 0");
  train.epochs.clear();
  std::ofstream(path) << train.to_json().dump();
  CHECK_THROWS_WITH(results::realised_synapses_after_training(path),
                    path.string() + ": epochs: no epoch to take the count from");
}
