// `sprout bp`: trains and evaluates the BP reference (dense, L1, pruned or budget) and
// writes DIR/results.json and DIR/weights.bin. `sprout bp sweep`: accuracy against
// non-zero synapses over hidden sizes and pruning levels, DIR/sweep.json and sweep.csv.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "apps/bp_console.hpp"
#include "apps/commands.hpp"
#include "apps/config_options.hpp"
#include "apps/options.hpp"
#include "io/config_file.hpp"
#include "io/output_folder.hpp"
#include "models/bp/bp_config.hpp"
#include "models/bp/bp_sweep.hpp"
#include "models/bp/bp_training.hpp"
#include "protocols/distributed_bp_sweep.hpp"
#include "report/bp_outputs.hpp"
#include "results/training_budget.hpp"

namespace sprout::apps {
namespace {

// Options of `bp` and of `bp sweep`; the overrides set keys of the config (`training.`
// keys for the sweep) and are checked by its reader.
struct BpOptions {
  std::string config;
  std::string out;
  std::string data_dir;
  std::shared_ptr<ConfigOverrides> overrides = std::make_shared<ConfigOverrides>();
  std::string budget_from;
  bool force = false;
};

// Returns the --out option.
CLI::Option* add_common_options(CLI::App& command, BpOptions& options, const char* default_config,
                                const std::string& training) {
  options.config = default_config;
  command.add_option("--config", options.config, "Config file (JSON; docs/bp.md lists the keys)")
      ->capture_default_str();
  // Required in both `bp` and `bp sweep`; add_bp_command releases the parent's when the
  // sweep is run, which has its own.
  CLI::Option* out = command.add_option("--out", options.out, "Output folder")->required();
  add_data_dir_option(command, options.data_dir);
  const auto& o = options.overrides;
  add_config_option(command, o, "--threads", training + "threads",
                    "Threads (results do not depend on it)", kCountType)
      ->default_str(std::to_string(models::BpConfig{}.threads));
  add_config_option(command, o, "--seed", training + "seed", "Random seed", kCountType);
  add_config_option(command, o, "--epochs", training + "epochs", "Epochs of (dense) training",
                    kCountType);
  add_config_option(command, o, "--train-limit", training + "train_limit",
                    "Use the first N training images (0: all)", kCountType);
  add_config_option(command, o, "--test-limit", training + "test_limit",
                    "Use the first N test images (0: all)", kCountType);
  add_config_option(command, o, "--classes", "data.classes", "Learn only these digits, e.g. 1,2,6",
                    kListType);
  command.add_flag("--force", options.force, "Replace the results of an earlier run in OUT");
  return out;
}

// The output folder, checked and locked before any work (after the config, whose errors
// cost nothing).
void open_out(std::optional<io::OutputFolder>& folder, const BpOptions& options,
              const std::vector<std::string>& outputs) {
  const std::vector<std::filesystem::path> inputs = {options.config, options.data_dir,
                                                     options.budget_from};
  folder.emplace(options.out, "--out", outputs, inputs,
                 options.force ? io::ExistingResults::kReplace : io::ExistingResults::kRefuse);
}

models::BpConfig parse_checked(const nlohmann::json& document, std::string_view source) {
  models::BpConfig config = models::parse_bp_config(document, source);
  models::check_bp_config(config, source);
  return config;
}

void run_bp_command(BpOptions& options) {
  ConfigOverrides& overrides = *options.overrides;
  std::string budget_source;
  for (const io::ConfigOverride& item : overrides)
    if (item.option == "--budget") budget_source = "--budget";
  if (!options.budget_from.empty()) {
    const std::size_t synapses = results::realised_synapses_after_training(options.budget_from);
    overrides.push_back({"--budget-from", "budget.synapses", synapses});
    overrides.push_back({"--budget-from", "variant", "budget"});
    budget_source = options.budget_from;
  }
  const models::BpConfig config = io::parse_config_file(options.config, overrides, parse_checked);
  if (budget_source.empty() && config.variant == models::BpVariant::kBudget)
    budget_source = options.config;

  std::optional<io::OutputFolder> folder;
  open_out(folder, options, {"results.json", "weights.bin"});
  const models::BpData data = load_bp_data_verbose(config, options.data_dir);
  print_bp_start(config, data);
  BpConsole console;
  const models::BpRun run = models::run_bp(config, data, console.progress());
  const std::filesystem::path out(options.out);
  print_bp_summary(report::write_bp_outputs(out, run, config, data, budget_source), out);
}

void run_sweep_command(const BpOptions& options) {
  // Under MPI the hidden sizes are spread over the ranks; rank 0 owns the output folder.
  const distributed::Communicator& ranks = command_ranks();
  const models::BpSweepConfig config =
      io::parse_config_file(options.config, *options.overrides, models::parse_bp_sweep_config);
  std::optional<io::OutputFolder> folder;
  if (ranks.is_root()) open_out(folder, options, {"sweep.json", "sweep.csv"});
  ranks.barrier();
  const auto start = std::chrono::steady_clock::now();
  const models::BpData data = load_bp_data_verbose(config.training, options.data_dir);
  BpSweepConsole console(config);
  if (ranks.size() > 1) {
    fmt::print("bp sweep: {} hidden sizes over {} MPI ranks; rank 0 shows its own points\n",
               config.hidden_sizes.size(), ranks.size());
  }
  const std::vector<models::BpSweepPoint> points = protocols::run_bp_sweep_on_ranks(
      ranks, config, data, [&](const models::BpSweepPoint& point) { console.point(point); });
  const double total_wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!ranks.is_root()) return;
  const std::filesystem::path out(options.out);
  print_sweep_summary(report::write_bp_sweep_outputs(out, points, config, total_wall_s), out);
}

}  // namespace

void add_bp_command(CLI::App& app) {
  CLI::App* bp = app.add_subcommand(
      "bp",
      "Train and evaluate the backpropagation reference (dense, L1, pruned, budget, non-negative)");
  auto options = std::make_shared<BpOptions>();
  CLI::Option* bp_out = add_common_options(*bp, *options, "configs/mnist_bp.json", "");
  add_config_option(*bp, options->overrides, "--hidden", "hidden", "Hidden neurons", kCountType);
  add_config_option(*bp, options->overrides, "--variant", "variant",
                    "dense, l1, pruned, budget or nonnegative", kTextType);
  // --budget N sets two keys: the count, and the variant that uses it.
  const auto overrides = options->overrides;
  CLI::Option* budget =
      bp->add_option_function<std::string>(
            "--budget",
            [overrides](const std::string& text) {
              overrides->push_back({"--budget", "budget.synapses", io::option_value(text)});
              overrides->push_back({"--budget", "variant", "budget"});
            },
            "Budget BP: prune the input->hidden layer to N synapses (config keys "
            "budget.synapses, variant)")
          ->type_name(kCountType);
  bp->add_option("--budget-from", options->budget_from,
                 "Budget BP: N = the realised synapses after the last epoch of a structural "
                 "results.json")
      ->excludes(budget);

  CLI::App* sweep = bp->add_subcommand(
      "sweep", "Accuracy against non-zero synapses over hidden sizes and pruning levels");
  auto sweep_options = std::make_shared<BpOptions>();
  add_common_options(*sweep, *sweep_options, "configs/mnist_bp_sweep.json", "training.");
  // The sweep has its own --out: the parent's is then not required.
  sweep->preparse_callback([bp_out](std::size_t) { bp_out->required(false); });
  add_config_option(*sweep, sweep_options->overrides, "--retrain-epochs", "retrain_epochs",
                    "Retraining epochs after each pruning level", kCountType);
  sweep->callback([sweep_options] { run_sweep_command(*sweep_options); });

  bp->require_subcommand(0, 1);
  bp->callback([sweep, options] {
    if (sweep->parsed()) return;
    require_one_rank("bp");
    run_bp_command(*options);
  });
}

}  // namespace sprout::apps
