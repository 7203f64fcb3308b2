// Every config in configs/ reads strictly, and the structural family follows the scaling
// docs/model.md gives (winners 5% of the hidden layer, inhibition -20 / (p* H)) and one
// schedule.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "models/bp/bp_config.hpp"
#include "models/structural/structural_config.hpp"

using namespace sprout::models;

namespace {

// The repository's configs folder, found from this source file's path (CMake compiles
// sources by absolute path), so that the test does not depend on the working directory.
std::filesystem::path configs_folder() {
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "configs";
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
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
    const nlohmann::json document = read_json(path);
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
    CHECK(config.network.inhibition_weight * config.homeostasis.target_firing_probability *
              hidden ==
          Approx(-20.0));
  }
  CHECK(structural >= 14);
  CHECK(bp >= 6);
}
