// Every config in configs/ reads strictly after its extends chain is resolved; the
// structural family derives from the default model, whose file states the C++ defaults,
// and follows the scaling docs/model.md gives (winners 5% of the hidden layer, the
// inhibition weight from the inhibition per presentation) and one schedule; each
// ablation changes its base in the switch it names only.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "io/config_file.hpp"
#include "io/results_file.hpp"
#include "models/bp/bp_config.hpp"
#include "models/structural/structural_config.hpp"

using namespace sprout::models;
using sprout::io::read_config_document;
using sprout::io::read_json_file;

namespace {

// The repository's configs folder, found from this source file's path (CMake compiles
// sources by absolute path), so that the test does not depend on the working directory.
std::filesystem::path configs_folder() {
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "configs";
}

// The keys (dotted paths) a JSON object sets, nested objects flattened.
void leaf_keys(const nlohmann::json& object, const std::string& prefix,
               std::vector<std::string>& out) {
  for (const auto& item : object.items()) {
    if (item.value().is_object()) {
      leaf_keys(item.value(), prefix + item.key() + ".", out);
    } else {
      out.push_back(prefix + item.key());
    }
  }
}

}  // namespace

TEST_CASE("Shipped configs: each reads strictly, and the structural ones follow the scaling rule",
          "[config]") {
  std::size_t structural = 0, bp = 0;
  for (const auto& entry : std::filesystem::directory_iterator(configs_folder())) {
    const std::filesystem::path path = entry.path();
    if (path.extension() != ".json") continue;
    const std::string name = path.filename().string();
    INFO(name);
    const nlohmann::json document = read_config_document(path);
    if (name == "mnist_bp_sweep.json") {
      CHECK_NOTHROW(parse_bp_sweep_config(document, name));
      ++bp;
      continue;
    }
    if (name.rfind("mnist_bp", 0) == 0 || name.rfind("paper_bp", 0) == 0) {
      CHECK_NOTHROW(parse_bp_config(document, name));
      ++bp;
      continue;
    }
    if (name.rfind("mnist_structural", 0) != 0 && name.rfind("ablation_", 0) != 0 &&
        name.rfind("paper_structural", 0) != 0)
      continue;
    const StructuralConfig config = parse_structural_config(document, name);
    ++structural;
    // One epoch of feature learning, then 15 readout-only epochs whose rate falls by 0.8
    // per epoch (docs/model.md, Schedule).
    CHECK(config.epochs == 16);
    CHECK(config.learning_rate_decay == 0.8);
    CHECK(config.feature_learning_epochs == 1);
    CHECK(config.replay_frozen_responses);
    const auto hidden = static_cast<double>(config.network.hidden);
    CHECK(static_cast<double>(config.hebbian.winners) == Approx(0.05 * hidden));
    // Through an interneuron pool the inhibitory spikes are interneuron_input_weight per
    // hidden spike, so each weighs 1 / interneuron_input_weight times more.
    const double inhibitory_spikes_per_hidden_spike =
        config.network.interneurons > 0 ? config.network.interneuron_input_weight : 1.0;
    CHECK(config.network.inhibition_weight * config.homeostasis.target_firing_probability * hidden *
              inhibitory_spikes_per_hidden_spike ==
          Approx(config.network.inhibition_per_presentation));
    // Every structural config derives from the default model by `extends`.
    if (name != "mnist_structural.json") CHECK(read_json_file(path).contains("extends"));
  }
  CHECK(structural >= 15);
  CHECK(bp >= 6);
}

TEST_CASE("Shipped configs: the default model's file states the C++ defaults", "[config]") {
  const StructuralConfig defaults;
  const StructuralConfig shipped = parse_structural_config(
      read_config_document(configs_folder() / "mnist_structural.json"), "mnist_structural.json");
  CHECK(to_json(shipped) == to_json(defaults));
  CHECK(to_json(parse_structural_config(nlohmann::json::object(), "{}")) == to_json(defaults));
}

TEST_CASE("Shipped configs: each ablation differs from its base in the switch it names",
          "[config]") {
  // The base each ablation file extends and the keys it sets besides `extends`, in JSON's
  // (sorted) order.
  struct Ablation {
    std::string name;
    std::string base;
    std::vector<std::string> keys;
  };
  const std::string h400 = "mnist_structural_h400.json";
  const std::vector<Ablation> ablations = {
      {"ablation_constant_hebbian_rate.json", h400, {"hebbian.annealed"}},
      {"ablation_delta_readout.json", h400, {"readout.rule"}},
      {"ablation_initial_50pct.json", h400, {"structural.initial_connectivity"}},
      {"ablation_initial_5pct.json", h400, {"structural.initial_connectivity"}},
      {"ablation_no_homeostasis.json", h400, {"homeostasis.enabled"}},
      // Without structural plasticity every potential synapse is realised from the start.
      {"ablation_no_structural.json",
       h400,
       {"structural.enabled", "structural.initial_connectivity"}},
      {"ablation_no_synaptic_scaling.json", h400, {"hebbian.weight_norm"}},
      // Weight perturbation has no score step to normalise; the reader refuses the pair.
      {"ablation_weight_perturbation.json", h400, {"readout.normalisation_rate", "readout.rule"}},
      // The rule without its synapse economy, at the size where it was most accurate.
      {"ablation_no_synapse_economy.json",
       "mnist_structural.json",
       {"network.hidden", "network.interneurons", "structural.presynaptic_budget"}},
      {"ablation_lateral_inhibition.json", "mnist_structural.json", {"network.interneurons"}},
      {"ablation_no_presynaptic_budget.json",
       "mnist_structural.json",
       {"structural.presynaptic_budget"}},
  };
  for (const auto& [name, base, allowed] : ablations) {
    INFO(name);
    nlohmann::json document = read_json_file(configs_folder() / name);
    CHECK(document.value("extends", "") == base);
    document.erase("extends");
    std::vector<std::string> keys;
    leaf_keys(document, "", keys);
    CHECK(keys == allowed);
  }
}
