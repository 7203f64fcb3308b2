// Strict reading of BP configs: defaults, every key, and one-line errors naming the file
// and the key for unknown keys, wrong types and out-of-range values.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "models/bp/bp_config.hpp"

using nlohmann::json;
using namespace sprout::models;

namespace {

std::string error_of(const json& document) {
  try {
    (void)parse_bp_config(document, "cfg.json");
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "(no error)";
}

std::string sweep_error_of(const json& document) {
  try {
    (void)parse_bp_sweep_config(document, "sweep.json");
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("BP config: an empty object gives the default run", "[bp][config]") {
  const BpConfig config = parse_bp_config(json::object(), "cfg.json");
  CHECK(config.inputs == BpInputs::kPixels);
  CHECK(config.standardise_inputs);
  CHECK(config.hidden == 100);
  CHECK(config.optimizer.kind == OptimizerKind::kAdam);
  CHECK(config.optimizer.learning_rate == 1e-3F);
  CHECK(config.batch_size == 64);
  CHECK(config.epochs == 5);
  CHECK(config.threads == 2);
  CHECK(config.variant == BpVariant::kDense);
}

TEST_CASE("BP config: every key is read", "[bp][config]") {
  const json document = json::parse(R"({
    "inputs": "pixels", "standardise_inputs": false, "hidden": 400,
    "optimizer": {"name": "sgd_momentum", "learning_rate": 0.05, "momentum": 0.8},
    "batch_size": 32, "epochs": 3, "seed": 18446744073709551615, "threads": 1,
    "train_limit": 1000, "test_limit": 500, "variant": "pruned",
    "l1": {"strength": 0.001, "layers": "input_hidden"},
    "pruning": {"layers": "input_hidden", "target_synapses": 5000, "rounds": 2,
                "retrain_epochs": 0},
    "budget": {"synapses": 1234, "layers": "all"}})");
  const BpConfig config = parse_bp_config(document, "cfg.json");
  CHECK_FALSE(config.standardise_inputs);
  CHECK(config.hidden == 400);
  CHECK(config.optimizer.kind == OptimizerKind::kSgdMomentum);
  CHECK(config.optimizer.learning_rate == 0.05F);
  CHECK(config.optimizer.momentum == 0.8F);
  CHECK(config.batch_size == 32);
  CHECK(config.seed == 18446744073709551615ULL);
  CHECK(config.threads == 1);
  CHECK(config.train_limit == 1000);
  CHECK(config.variant == BpVariant::kPruned);
  CHECK(config.l1.layers == LayerSelection::kInputHidden);
  CHECK(config.pruning.target_synapses == 5000);
  CHECK(config.pruning.rounds == 2);
  CHECK(config.pruning.retrain_epochs == 0);
  CHECK(config.budget.synapses == 1234);
  CHECK(config.budget.layers == LayerSelection::kAll);
  // The effective config written into results reads back to the same config.
  CHECK(to_json(parse_bp_config(to_json(config), "again")) == to_json(config));
}

TEST_CASE("BP config: errors name the file and the key", "[bp][config]") {
  CHECK(error_of({{"hiden", 100}}) ==
        "cfg.json: hiden: unknown key (known: data, inputs, standardise_inputs, hidden, "
        "optimizer, batch_size, epochs, seed, threads, train_limit, test_limit, variant, l1, "
        "nonnegative, pruning, budget)");
  CHECK(error_of({{"optimizer", {{"lr", 0.1}}}}) ==
        "cfg.json: optimizer.lr: unknown key (known: name, learning_rate, beta1, beta2, epsilon)");
  CHECK(error_of({{"hidden", "100"}}) == "cfg.json: hidden: expected an integer, got \"100\"");
  CHECK(error_of({{"hidden", 100.5}}) == "cfg.json: hidden: expected an integer, got 100.5");
  CHECK(error_of({{"hidden", 0}}) == "cfg.json: hidden: must be in [1, 1048576], got 0");
  CHECK(error_of({{"threads", -2}}) == "cfg.json: threads: must be in [1, 256], got -2");
  CHECK(error_of({{"optimizer", {{"learning_rate", 0}}}}) ==
        "cfg.json: optimizer.learning_rate: must be in (0, inf), got 0");
  CHECK(error_of({{"optimizer", {{"beta2", 1.0}}}}) ==
        "cfg.json: optimizer.beta2: must be in [0, 1), got 1.0");
  CHECK(error_of({{"optimizer", {{"momentum", 0.9}}}}) ==
        "cfg.json: optimizer.momentum: applies to \"sgd_momentum\" only");
  CHECK(error_of({{"optimizer", {{"name", "sgd_momentum"}, {"beta1", 0.9}}}}) ==
        "cfg.json: optimizer.beta1: applies to \"adam\" only");
  CHECK(error_of({{"variant", "sparse"}}) ==
        "cfg.json: variant: expected one of \"dense\", \"l1\", \"pruned\", \"budget\", "
        "\"nonnegative\", got "
        "\"sparse\"");
  CHECK(error_of({{"standardise_inputs", 1}}) ==
        "cfg.json: standardise_inputs: expected true or false, got 1");
  CHECK(error_of({{"pruning", {{"target_density", 1.5}}}}) ==
        "cfg.json: pruning.target_density: must be in (0, 1], got 1.5");
  CHECK(error_of({{"pruning", {{"target_density", 0.1}, {"target_synapses", 10}}}}) ==
        "cfg.json: pruning.target_synapses: give target_density or target_synapses, not both");
  CHECK(error_of({{"l1", 0.1}}) == "cfg.json: l1: expected an object, got 0.1");
  CHECK(error_of(json::array()) == "cfg.json: (top level): expected an object, got []");
}

TEST_CASE("BP config: the budget variant needs a synapse count", "[bp][config]") {
  const BpConfig config = parse_bp_config({{"variant", "budget"}}, "cfg.json");
  CHECK_THROWS_WITH(check_bp_config(config, "cfg.json"),
                    Catch::StartsWith("cfg.json: budget.synapses: the budget variant needs"));
  const BpConfig given =
      parse_bp_config({{"variant", "budget"}, {"budget", {{"synapses", 10}}}}, "cfg.json");
  CHECK_NOTHROW(check_bp_config(given, "cfg.json"));
}

TEST_CASE("BP sweep config: defaults, keys and errors", "[bp][config]") {
  const BpSweepConfig defaults = parse_bp_sweep_config(json::object(), "sweep.json");
  CHECK(defaults.hidden_sizes == std::vector<std::size_t>{50, 100, 400, 1000});
  CHECK(defaults.densities.front() == 1.0);
  CHECK(defaults.tolerance_points == 0.5);

  const BpSweepConfig config = parse_bp_sweep_config(
      json::parse(R"({"training": {"epochs": 2, "hidden": 7}, "hidden_sizes": [10, 20],
                      "densities": [0.5, 0.1], "prune_layers": "input_hidden",
                      "retrain_epochs": 1, "tolerance_points": 1.0})"),
      "sweep.json");
  CHECK(config.training.epochs == 2);
  CHECK(config.hidden_sizes == std::vector<std::size_t>{10, 20});
  CHECK(config.densities == std::vector<double>{0.5, 0.1});
  CHECK(config.prune_layers == LayerSelection::kInputHidden);

  CHECK(sweep_error_of({{"densities", {0.5, 0.5}}}) ==
        "sweep.json: densities: must fall strictly (each level prunes the previous one)");
  CHECK(sweep_error_of({{"densities", {1.0, 0.0}}}) ==
        "sweep.json: densities: must be in (0, 1], got 0.0");
  CHECK(sweep_error_of({{"hidden_sizes", json::array()}}) ==
        "sweep.json: hidden_sizes: expected a non-empty list, got []");
  CHECK(sweep_error_of({{"training", {{"variant", "l1"}}}}) ==
        "sweep.json: training.variant: unknown key (known: inputs, standardise_inputs, hidden, "
        "optimizer, batch_size, epochs, seed, threads, train_limit, test_limit)");
}

TEST_CASE("BP config: the nonnegative variant and its settings", "[bp][config][nonnegative]") {
  const BpConfig config = parse_bp_config(json::parse(R"({"variant": "nonnegative",
                      "nonnegative": {"strength": 0.5, "layers": "all"}})"),
                                          "cfg.json");
  CHECK(config.variant == BpVariant::kNonnegative);
  CHECK(config.nonnegative.strength == 0.5F);
  CHECK(config.nonnegative.layers == LayerSelection::kAll);
  CHECK(to_json(config)["nonnegative"] == json::parse(R"({"strength": 0.5, "layers": "all"})"));
  const BpConfig defaults = parse_bp_config(json::object(), "cfg.json");
  CHECK(defaults.nonnegative.strength == 0.01F);
  CHECK(defaults.nonnegative.layers == LayerSelection::kInputHidden);
  CHECK(error_of(json::parse(R"({"nonnegative": {"strength": -1}})")) ==
        "cfg.json: nonnegative.strength: must be in [0, inf), got -1");
  CHECK_THAT(error_of(json::parse(R"({"variant": "positive"})")),
             Catch::Matchers::Contains("\"budget\", \"nonnegative\""));
}
