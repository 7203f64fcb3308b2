// `sprout bp`: trains and evaluates the BP reference (dense, L1, pruned or budget) and
// writes DIR/results.json and DIR/weights.bin. `sprout bp sweep`: accuracy against
// non-zero synapses over hidden sizes and pruning levels, DIR/sweep.json and sweep.csv.

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "analysis/bp_report.hpp"
#include "analysis/network_measures.hpp"
#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "apps/progress.hpp"
#include "encoders/class_subset.hpp"
#include "engine/atomic_file.hpp"
#include "io/config_file.hpp"
#include "io/results_file.hpp"
#include "models/bp/bp_config.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/bp_sweep.hpp"
#include "models/bp/bp_training.hpp"
#include "models/bp/mlp_weights_file.hpp"

namespace sprout::apps {
namespace {

using nlohmann::json;

// Options shared by `bp` and `bp sweep`; the overrides are written into the config's
// JSON before it is validated, so they get the same checks and error messages.
struct CommonOptions {
  std::string config;
  std::string out;
  std::string data_dir;
  std::optional<std::int64_t> threads;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> epochs;
  std::optional<std::int64_t> train_limit;
  std::optional<std::int64_t> test_limit;
  std::optional<std::string> classes;
};

struct BpOptions {
  CommonOptions common;
  std::optional<std::int64_t> hidden;
  std::optional<std::string> variant;
  std::optional<std::int64_t> budget;
  std::string budget_from;
};

struct SweepOptions {
  CommonOptions common;
  std::optional<std::int64_t> retrain_epochs;
};

void add_common_options(CLI::App& command, CommonOptions& options, const char* default_config) {
  options.config = default_config;
  command.add_option("--config", options.config, "Config file (JSON; docs/bp.md lists the keys)")
      ->capture_default_str();
  // Not ->required(): `bp` and `bp sweep` both have --out, and CLI11 would demand the
  // parent's when only the child's is given.
  command.add_option("--out", options.out, "Output folder (required)");
  add_data_dir_option(command, options.data_dir);
  command.add_option("--threads", options.threads,
                     "Override: threads (results do not depend on it)");
  command.add_option("--seed", options.seed, "Override: random seed");
  command.add_option("--epochs", options.epochs, "Override: epochs of (dense) training");
  command.add_option("--train-limit", options.train_limit,
                     "Override: use the first N training images (0: all)");
  command.add_option("--test-limit", options.test_limit,
                     "Override: use the first N test images (0: all)");
  add_classes_option(command, options.classes,
                     "Override data.classes: learn only these digits, e.g. 1,2,6");
}

template <typename Value>
void override_key(json& object, const char* key, const std::optional<Value>& value) {
  if (value) object[key] = *value;
}

// --classes goes into the top-level "data" object of both configs.
void apply_classes(json& document, const CommonOptions& options) {
  if (options.classes)
    document["data"]["classes"] = encoders::parse_class_list(*options.classes, "--classes");
}

void apply_common(json& training, const CommonOptions& options) {
  override_key(training, "threads", options.threads);
  override_key(training, "seed", options.seed);
  override_key(training, "epochs", options.epochs);
  override_key(training, "train_limit", options.train_limit);
  override_key(training, "test_limit", options.test_limit);
}

// The error-message source: the file, plus a note when the command line changed it.
std::string config_source(const std::string& path, bool overridden) {
  return overridden ? path + " (with command-line overrides)" : path;
}

void require_out(const CommonOptions& options) {
  if (options.out.empty()) throw std::runtime_error("--out DIR is required");
}

bool any_common(const CommonOptions& options) {
  return options.threads || options.seed || options.epochs || options.train_limit ||
         options.test_limit || options.classes;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

models::BpData load_data(const models::BpConfig& training, const std::string& data_dir) {
  const auto start = std::chrono::steady_clock::now();
  models::BpData data = models::load_bp_data(training, data_dir);
  fmt::print("data: {} training and {} test samples of {} features ({}{}), loaded in {:.2f} s\n",
             data.train.size(), data.test.size(), data.train.width(),
             models::to_string(training.inputs),
             training.standardise_inputs ? fmt::format(", standardised: mean {:.4f}, sd {:.4f}",
                                                       data.scaling.offset, data.scaling.scale)
                                         : "",
             seconds_since(start));
  return data;
}

// Per-epoch lines on stdout; within an epoch, a progress line on stderr.
models::BpProgress console_progress(std::unique_ptr<ProgressLine>& line) {
  models::BpProgress progress;
  progress.batch = [&line](std::size_t done, std::size_t total) {
    if (!line) line = std::make_unique<ProgressLine>("  training", total);
    line->update(done);
    if (done >= total) line.reset();
  };
  progress.epoch = [](const models::EpochRecord& record) {
    std::size_t synapses = 0;
    for (std::size_t count : record.nonzero_synapses)
      synapses += count;
    fmt::print(
        "epoch {:>3}  {:<18} loss {:.4f}  train {:6.2f}%  test {:6.2f}%  {:7.2f} s  synapses {}\n",
        record.epoch, record.phase, record.train_loss, 100.0 * record.train_accuracy,
        100.0 * record.test_accuracy, record.wall_s, synapses);
    std::fflush(stdout);
  };
  progress.note = [](std::string_view text) {
    fmt::print("{}\n", text);
    std::fflush(stdout);
  };
  return progress;
}

// Confusion matrices, storage cost and I(hidden; label) of the final network, for
// `sprout compare` (docs/formats.md).
json bp_measures(const models::Mlp& network, const models::BpData& data, int threads) {
  const analysis::MlpOutputs train = analysis::mlp_outputs(network, data.train.features, threads);
  const analysis::MlpOutputs test = analysis::mlp_outputs(network, data.test.features, threads);
  analysis::MeasuresInput input;
  input.train = {data.train.labels, train.predictions};
  input.test = {data.test.labels, test.predictions};
  input.classes = data.classes;
  input.test_hidden_codes = analysis::SampleMatrix(test.hidden_activations, test.hidden);
  input.hidden_options.binning = analysis::Binning::kEqualWidth;
  const auto layers = network.layers();
  for (std::size_t index = 0; index < layers.size(); ++index) {
    const auto& weights = layers[index].weights;
    input.layers.push_back(analysis::dense_layer_synapses(
        analysis::bp_layer_name(index, layers.size()),
        std::span<const float>(weights.data(), static_cast<std::size_t>(weights.size()))));
  }
  return analysis::network_measures(input);
}

void run_bp_command(const BpOptions& options) {
  require_out(options.common);
  json document = io::read_config_document(options.common.config);
  // Not an object: the parser's error names the file before any override touches it.
  if (!document.is_object()) (void)models::parse_bp_config(document, options.common.config);
  override_key(document, "hidden", options.hidden);
  override_key(document, "variant", options.variant);
  apply_common(document, options.common);
  apply_classes(document, options.common);
  std::string budget_source;
  if (document.contains("budget") && !document["budget"].is_object()) {
    (void)models::parse_bp_config(document, options.common.config);  // names budget
  }
  if (options.budget) {
    document["variant"] = "budget";
    document["budget"]["synapses"] = *options.budget;
    budget_source = "--budget";
  }
  if (!options.budget_from.empty()) {
    const json structural = io::read_json_file(options.budget_from);
    document["variant"] = "budget";
    document["budget"]["synapses"] = models::budget_from_results(structural, options.budget_from);
    budget_source = options.budget_from;
  }
  const bool overridden =
      any_common(options.common) || options.hidden || options.variant || !budget_source.empty();
  const std::string source = config_source(options.common.config, overridden);
  const models::BpConfig config = models::parse_bp_config(document, source);
  models::check_bp_config(config, source);
  if (budget_source.empty() && config.variant == models::BpVariant::kBudget)
    budget_source = options.common.config;

  const models::BpData data = load_data(config, options.common.data_dir);
  fmt::print("bp {}: {}-{}-{}, {} lr {:g}, batch {}, {} epochs, {} threads, seed {}\n",
             models::to_string(config.variant), data.train.width(), config.hidden, data.classes,
             models::to_string(config.optimizer.kind), config.optimizer.learning_rate,
             config.batch_size, config.epochs, config.threads, config.seed);
  std::unique_ptr<ProgressLine> line;
  const models::BpRun run = models::run_bp(config, data, console_progress(line));

  const std::filesystem::path out(options.common.out);
  const std::string weights_name = "weights.bin";
  models::Mlp saved = run.network;  // the file's network takes the unscaled features
  models::fold_input_scaling(saved, data.scaling.offset, data.scaling.scale);
  models::write_mlp_weights(out / weights_name, saved);
  json results =
      analysis::bp_run_report(run, config, {"bp", weights_name, budget_source, data.scaling});
  results["measures"] = bp_measures(run.network, data, config.threads);
  io::write_json_atomically(out / "results.json", results);

  const json& nonzero = results["nonzero_synapses"];
  fmt::print("test accuracy {:.2f}%  nonzero synapses {} of {}  MACs/image {} sparse, {} dense\n",
             100.0 * run.test.accuracy(), nonzero["total"].get<std::size_t>(),
             results["dense_synapses"]["total"].get<std::size_t>(),
             results["macs_per_image"]["sparse"].get<std::size_t>(),
             results["macs_per_image"]["dense"].get<std::size_t>());
  fmt::print("mean epoch {:.2f} s, total {:.1f} s; wrote {} and {}\n",
             results["mean_epoch_wall_s"].get<double>(), run.total_wall_s,
             (out / "results.json").string(), (out / weights_name).string());
}

void run_sweep_command(const SweepOptions& options) {
  require_out(options.common);
  json document = io::read_config_document(options.common.config);
  // Not an object: the parser's error names the file before any override touches it.
  if (!document.is_object()) (void)models::parse_bp_sweep_config(document, options.common.config);
  json& training = document["training"];
  if (training.is_null()) training = json::object();
  if (training.is_object()) apply_common(training, options.common);
  apply_classes(document, options.common);
  override_key(document, "retrain_epochs", options.retrain_epochs);
  const bool overridden = any_common(options.common) || options.retrain_epochs;
  const models::BpSweepConfig config =
      models::parse_bp_sweep_config(document, config_source(options.common.config, overridden));

  const auto start = std::chrono::steady_clock::now();
  const models::BpData data = load_data(config.training, options.common.data_dir);
  std::unique_ptr<ProgressLine> line;
  models::BpProgress progress = console_progress(line);
  const std::vector<models::BpSweepPoint> points =
      models::run_bp_sweep(config, data, progress, [](const models::BpSweepPoint& point) {
        fmt::print("point: hidden {:>5}  density {:>6.2f}%  synapses {:>7}  test {:6.2f}%\n",
                   point.hidden, 100.0 * point.density, point.nonzero_total(),
                   100.0 * point.test_accuracy);
        std::fflush(stdout);
      });
  const double total_wall_s = seconds_since(start);

  const std::filesystem::path out(options.common.out);
  const json report = analysis::bp_sweep_report(points, config, "bp sweep", total_wall_s);
  write_text_atomically(out / "sweep.csv", analysis::bp_sweep_csv(points));
  io::write_json_atomically(out / "sweep.json", report);
  for (const json& row : report["overparameterisation"]["per_hidden"]) {
    fmt::print("over-parameterisation, hidden {}: {:.1f} (own curve), {:.1f} (any hidden size)\n",
               row["hidden"].get<std::size_t>(), row["same_hidden"]["factor"].get<double>(),
               row["any_hidden"]["factor"].get<double>());
  }
  fmt::print("sweep took {:.1f} s; wrote {} and {}\n", total_wall_s, (out / "sweep.json").string(),
             (out / "sweep.csv").string());
}

}  // namespace

void add_bp_command(CLI::App& app) {
  CLI::App* bp = app.add_subcommand(
      "bp",
      "Train and evaluate the backpropagation reference (dense, L1, pruned, budget, non-negative)");
  auto options = std::make_shared<BpOptions>();
  add_common_options(*bp, options->common, "configs/mnist_bp.json");
  bp->add_option("--hidden", options->hidden, "Override: hidden neurons");
  bp->add_option("--variant", options->variant,
                 "Override: dense, l1, pruned, budget or nonnegative");
  CLI::Option* budget = bp->add_option("--budget", options->budget,
                                       "Budget BP: prune the input->hidden layer to N synapses");
  bp->add_option("--budget-from", options->budget_from,
                 "Budget BP: N = epochs[-1].synapses.realised of a structural results.json")
      ->excludes(budget);

  CLI::App* sweep = bp->add_subcommand(
      "sweep", "Accuracy against non-zero synapses over hidden sizes and pruning levels");
  auto sweep_options = std::make_shared<SweepOptions>();
  add_common_options(*sweep, sweep_options->common, "configs/mnist_bp_sweep.json");
  sweep->add_option("--retrain-epochs", sweep_options->retrain_epochs,
                    "Override: retraining epochs after each pruning level");
  sweep->callback([sweep_options] { run_sweep_command(*sweep_options); });

  bp->require_subcommand(0, 1);
  bp->callback([sweep, options] {
    if (sweep->parsed()) return;
    run_bp_command(*options);
  });
}

}  // namespace sprout::apps
