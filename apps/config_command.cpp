// `sprout config show`: the config a command would run with, after `extends` and the
// scaling rules (winners, inhibition weight) are resolved, read by the same strict reader.

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "apps/commands.hpp"
#include "io/config_file.hpp"
#include "models/bp/bp_config.hpp"
#include "models/structural/structural_config.hpp"

namespace sprout::apps {
namespace {

struct ConfigShowOptions {
  std::string config;
  std::string kind = "structural";
};

nlohmann::json resolved_config(const ConfigShowOptions& options) {
  if (options.kind == "bp")
    return models::to_json(io::parse_config_file(options.config, {}, models::parse_bp_config));
  if (options.kind == "bp-sweep")
    return models::to_json(
        io::parse_config_file(options.config, {}, models::parse_bp_sweep_config));
  return models::to_json(
      io::parse_config_file(options.config, {}, models::parse_structural_config));
}

}  // namespace

void add_config_command(CLI::App& app) {
  CLI::App* config = app.add_subcommand("config", "Inspect config files");
  config->require_subcommand(1);
  CLI::App* show = config->add_subcommand(
      "show", "Print the config a command runs with: bases extended, scaling rules applied");
  auto options = std::make_shared<ConfigShowOptions>();
  show->add_option("--config", options->config, "Config file (JSON)")->required();
  show->add_option("--kind", options->kind,
                   "Which command's config: structural (train), bp, bp-sweep")
      ->check(CLI::IsMember({"structural", "bp", "bp-sweep"}))
      ->capture_default_str();
  show->callback([options] { fmt::print("{}\n", resolved_config(*options).dump(2)); });
}

}  // namespace sprout::apps
