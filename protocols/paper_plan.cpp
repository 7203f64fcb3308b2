#include "protocols/paper_plan.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <stdexcept>

#include "io/config_file.hpp"

namespace sprout::protocols {
namespace {

using analysis::PaperMethod;

// The options that set a key of every config.
std::vector<io::ConfigOverride> shared_overrides(const PaperProtocolSettings& settings) {
  std::vector<io::ConfigOverride> overrides;
  if (settings.classes)
    overrides.push_back({"--classes", "data.classes", nlohmann::json(*settings.classes)});
  if (settings.threads) overrides.push_back({"--threads", "threads", *settings.threads});
  if (settings.train_limit)
    overrides.push_back({"--train-limit", "train_limit", *settings.train_limit});
  if (settings.test_limit)
    overrides.push_back({"--test-limit", "test_limit", *settings.test_limit});
  return overrides;
}

std::filesystem::path config_file(const PaperProtocolSettings& settings, PaperMethod method) {
  switch (method) {
    case PaperMethod::kBp:
      return settings.bp_config;
    case PaperMethod::kBpNonnegative:
      return settings.nonnegative_config;
    case PaperMethod::kStructural:
      return settings.structural_config;
  }
  return {};
}

// A BP config must train the variant its method is.
void check_variant(const PaperRunPlan& run) {
  const models::BpVariant wanted =
      run.method == PaperMethod::kBp ? models::BpVariant::kDense : models::BpVariant::kNonnegative;
  if (run.bp.variant != wanted) {
    throw std::runtime_error(fmt::format("{}: variant: is {}, the method {} needs {}",
                                         run.config.string(), models::to_string(run.bp.variant),
                                         analysis::method_key(run.method),
                                         models::to_string(wanted)));
  }
}

PaperRunPlan plan_run(const PaperProtocolSettings& settings,
                      const std::vector<io::ConfigOverride>& shared, PaperMethod method,
                      std::size_t hidden, std::uint64_t seed) {
  PaperRunPlan run;
  run.method = method;
  run.hidden = hidden;
  run.seed = seed;
  run.folder = fmt::format("{}_h{}_s{}", analysis::method_key(method), hidden, seed);
  run.config = config_file(settings, method);
  std::vector<io::ConfigOverride> overrides = shared;
  overrides.push_back({"--seeds", "seed", seed});
  if (method == PaperMethod::kStructural) {
    overrides.push_back({"--hidden", "network.hidden", hidden});
    run.structural = io::parse_config_file(run.config, overrides, models::parse_structural_config);
    return run;
  }
  overrides.push_back({"--hidden", "hidden", hidden});
  run.bp = io::parse_config_file(run.config, overrides, models::parse_bp_config);
  models::check_bp_config(run.bp, run.config.string());
  check_variant(run);
  return run;
}

const encoders::ClassList& classes_of(const PaperRunPlan& run) {
  return run.method == PaperMethod::kStructural ? run.structural.data.classes : run.bp.data.classes;
}

}  // namespace

std::vector<std::size_t> parse_hidden_list(std::string_view text, std::string_view option) {
  const nlohmann::json value = io::option_value(text);
  const nlohmann::json list = value.is_array() ? value : nlohmann::json::array({value});
  std::vector<std::size_t> hidden;
  for (const nlohmann::json& item : list) {
    if (!item.is_number_unsigned() || item.get<std::size_t>() == 0) {
      throw std::invalid_argument(fmt::format(
          "{}: expected hidden sizes as positive integers separated by commas (10,30,100,200), "
          "got \"{}\"",
          option, text));
    }
    const auto size = item.get<std::size_t>();
    if (std::find(hidden.begin(), hidden.end(), size) != hidden.end())
      throw std::invalid_argument(fmt::format("{}: hidden size {} given twice", option, size));
    hidden.push_back(size);
  }
  return hidden;
}

PaperPlan plan_paper_protocol(const PaperProtocolSettings& settings) {
  if (settings.hidden.empty()) throw std::invalid_argument("--hidden: no hidden size given");
  if (settings.seeds == 0) throw std::invalid_argument("--seeds: must be at least 1");
  const std::vector<io::ConfigOverride> shared = shared_overrides(settings);
  PaperPlan plan;
  for (std::size_t hidden : settings.hidden)
    for (std::uint64_t seed = 1; seed <= settings.seeds; ++seed)
      for (PaperMethod method : analysis::kPaperMethods)
        plan.runs.push_back(plan_run(settings, shared, method, hidden, seed));

  plan.classes = classes_of(plan.runs.front());
  for (const PaperRunPlan& run : plan.runs) {
    if (classes_of(run) != plan.classes) {
      throw std::runtime_error(fmt::format(
          "{}: data.classes: learns {}, but {} learns {}; the methods must learn the same digits",
          run.config.string(), fmt::join(classes_of(run), ","), plan.runs.front().config.string(),
          fmt::join(plan.classes, ",")));
    }
  }

  nlohmann::json overrides = nlohmann::json::array();
  for (const io::ConfigOverride& item : shared)
    overrides.push_back({{"option", item.option}, {"key", item.key_path}, {"value", item.value}});
  plan.configs = {{"overrides", overrides},
                  {"per_run",
                   "hidden (network.hidden or hidden) and seed set for each run; "
                   "each run's results.json holds its whole config"}};
  for (PaperMethod method : analysis::kPaperMethods) {
    const std::filesystem::path file = config_file(settings, method);
    plan.configs[std::string(analysis::method_key(method))] = {
        {"file", file.string()}, {"document", io::read_config_document(file)}};
  }
  return plan;
}

}  // namespace sprout::protocols
