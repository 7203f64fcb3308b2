#include "models/bp/bp_config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <stdexcept>

#include "io/config_reader.hpp"

namespace sprout::models {

using io::name_of;
using io::Names;
using io::ObjectReader;
namespace {

using nlohmann::json;

constexpr Names<BpInputs, 1> kInputNames{{{BpInputs::kPixels, "pixels"}}};
constexpr Names<BpVariant, 5> kVariantNames{{{BpVariant::kDense, "dense"},
                                             {BpVariant::kL1, "l1"},
                                             {BpVariant::kPruned, "pruned"},
                                             {BpVariant::kBudget, "budget"},
                                             {BpVariant::kNonnegative, "nonnegative"}}};
constexpr Names<LayerSelection, 2> kLayerNames{
    {{LayerSelection::kInputHidden, "input_hidden"}, {LayerSelection::kAll, "all"}}};
constexpr Names<OptimizerKind, 2> kOptimizerNames{
    {{OptimizerKind::kSgdMomentum, "sgd_momentum"}, {OptimizerKind::kAdam, "adam"}}};

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr std::uint64_t kMaxCount = std::numeric_limits<std::uint32_t>::max();

void read_optimizer(ObjectReader& reader, OptimizerSettings& out) {
  reader.choice("name", out.kind, kOptimizerNames);
  reader.real("learning_rate", out.learning_rate, 0.0, false, kInfinity, false);
  if (out.kind == OptimizerKind::kSgdMomentum) {
    reader.real("momentum", out.momentum, 0.0, true, 1.0, false);
    for (const char* key : {"beta1", "beta2", "epsilon"})
      reader.forbid(key, "applies to \"adam\" only");
  } else {
    reader.real("beta1", out.beta1, 0.0, true, 1.0, false);
    reader.real("beta2", out.beta2, 0.0, true, 1.0, false);
    reader.real("epsilon", out.epsilon, 0.0, false, 1.0, true);
    reader.forbid("momentum", "applies to \"sgd_momentum\" only");
  }
  reader.finish();
}

void read_training(ObjectReader& reader, BpConfig& out) {
  reader.choice("inputs", out.inputs, kInputNames);
  reader.boolean("standardise_inputs", out.standardise_inputs);
  reader.integer("hidden", out.hidden, 1, 1U << 20U);
  if (auto optimizer = reader.object("optimizer")) read_optimizer(*optimizer, out.optimizer);
  reader.integer("batch_size", out.batch_size, 1, 1U << 20U);
  reader.integer("epochs", out.epochs, 0, 10000);
  reader.integer("seed", out.seed, 0, std::numeric_limits<std::uint64_t>::max());
  reader.integer("threads", out.threads, 1, 256);
  reader.integer("train_limit", out.train_limit, 0, kMaxCount);
  reader.integer("test_limit", out.test_limit, 0, kMaxCount);
}

void read_variants(ObjectReader& reader, BpConfig& out) {
  reader.choice("variant", out.variant, kVariantNames);
  if (auto l1 = reader.object("l1")) {
    l1->real("strength", out.l1.strength, 0.0, true, kInfinity, false);
    l1->choice("layers", out.l1.layers, kLayerNames);
    l1->finish();
  }
  if (auto nonnegative = reader.object("nonnegative")) {
    nonnegative->real("strength", out.nonnegative.strength, 0.0, true, kInfinity, false);
    nonnegative->choice("layers", out.nonnegative.layers, kLayerNames);
    nonnegative->finish();
  }
  if (auto pruning_reader = reader.object("pruning")) {
    ObjectReader& pruning = *pruning_reader;
    pruning.choice("layers", out.pruning.layers, kLayerNames);
    pruning.real("target_density", out.pruning.target_density, 0.0, false, 1.0, true);
    pruning.integer("target_synapses", out.pruning.target_synapses, 1, kMaxCount);
    if (pruning.has("target_density") && pruning.has("target_synapses"))
      pruning.fail("target_synapses", "give target_density or target_synapses, not both");
    pruning.integer("rounds", out.pruning.rounds, 1, 1000);
    pruning.integer("retrain_epochs", out.pruning.retrain_epochs, 0, 10000);
    pruning.finish();
  }
  if (auto budget_reader = reader.object("budget")) {
    ObjectReader& budget = *budget_reader;
    budget.integer("synapses", out.budget.synapses, 1, kMaxCount);
    budget.choice("layers", out.budget.layers, kLayerNames);
    budget.finish();
  }
}

json training_json(const BpConfig& config) {
  json optimizer{{"name", to_string(config.optimizer.kind)},
                 {"learning_rate", config.optimizer.learning_rate}};
  if (config.optimizer.kind == OptimizerKind::kSgdMomentum) {
    optimizer["momentum"] = config.optimizer.momentum;
  } else {
    optimizer["beta1"] = config.optimizer.beta1;
    optimizer["beta2"] = config.optimizer.beta2;
    optimizer["epsilon"] = config.optimizer.epsilon;
  }
  return {{"inputs", to_string(config.inputs)},
          {"standardise_inputs", config.standardise_inputs},
          {"hidden", config.hidden},
          {"optimizer", optimizer},
          {"batch_size", config.batch_size},
          {"epochs", config.epochs},
          {"seed", config.seed},
          {"threads", config.threads},
          {"train_limit", config.train_limit},
          {"test_limit", config.test_limit}};
}

}  // namespace

std::string_view to_string(BpInputs inputs) {
  return name_of(kInputNames, inputs);
}
std::string_view to_string(BpVariant variant) {
  return name_of(kVariantNames, variant);
}
std::string_view to_string(LayerSelection layers) {
  return name_of(kLayerNames, layers);
}
std::string_view to_string(OptimizerKind kind) {
  return name_of(kOptimizerNames, kind);
}

BpConfig parse_bp_config(const json& document, std::string_view source) {
  BpConfig config;
  ObjectReader reader(document, "", source);
  io::read_data_settings(reader, config.data);
  read_training(reader, config);
  read_variants(reader, config);
  reader.finish();
  return config;
}

BpSweepConfig parse_bp_sweep_config(const json& document, std::string_view source) {
  BpSweepConfig config;
  ObjectReader reader(document, "", source);
  io::read_data_settings(reader, config.training.data);
  if (auto training = reader.object("training")) {
    read_training(*training, config.training);
    training->finish();
  }
  reader.integer_list("hidden_sizes", config.hidden_sizes, 1, 1U << 20U);
  reader.real_list("densities", config.densities, 0.0, false, 1.0, true);
  if (std::adjacent_find(config.densities.begin(), config.densities.end(), std::less_equal<>()) !=
      config.densities.end()) {
    reader.fail("densities", "must fall strictly (each level prunes the previous one)");
  }
  reader.choice("prune_layers", config.prune_layers, kLayerNames);
  reader.integer("retrain_epochs", config.retrain_epochs, 0, 10000);
  reader.real("tolerance_points", config.tolerance_points, 0.0, true, 100.0, true);
  reader.finish();
  return config;
}

json to_json(const BpConfig& config) {
  json out = training_json(config);
  out["data"] = io::to_json(config.data);
  out["variant"] = to_string(config.variant);
  out["l1"] = {{"strength", config.l1.strength}, {"layers", to_string(config.l1.layers)}};
  out["nonnegative"] = {{"strength", config.nonnegative.strength},
                        {"layers", to_string(config.nonnegative.layers)}};
  json pruning{{"layers", to_string(config.pruning.layers)},
               {"rounds", config.pruning.rounds},
               {"retrain_epochs", config.pruning.retrain_epochs}};
  if (config.pruning.target_synapses > 0) {
    pruning["target_synapses"] = config.pruning.target_synapses;
  } else {
    pruning["target_density"] = config.pruning.target_density;
  }
  out["pruning"] = pruning;
  out["budget"] = {{"layers", to_string(config.budget.layers)}};
  if (config.budget.synapses > 0) out["budget"]["synapses"] = config.budget.synapses;
  return out;
}

json to_json(const BpSweepConfig& config) {
  return {{"data", io::to_json(config.training.data)},
          {"training", training_json(config.training)},
          {"hidden_sizes", config.hidden_sizes},
          {"densities", config.densities},
          {"prune_layers", to_string(config.prune_layers)},
          {"retrain_epochs", config.retrain_epochs},
          {"tolerance_points", config.tolerance_points}};
}

void check_bp_config(const BpConfig& config, std::string_view source) {
  if (config.variant == BpVariant::kBudget && config.budget.synapses == 0) {
    throw std::runtime_error(fmt::format(
        "{}: budget.synapses: the budget variant needs a synapse count (budget.synapses, "
        "--budget N or --budget-from RESULTS.json)",
        source));
  }
}

}  // namespace sprout::models
