// `sprout train`: learning by structural plasticity. Trains on the training set, evaluates
// on the test set after every epoch, checkpoints every epoch (and resumes), writes
// DIR/results.json, the final network, its receptive fields and a raster.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/structural_run_results.hpp"
#include "apps/commands.hpp"
#include "apps/config_options.hpp"
#include "apps/options.hpp"
#include "apps/progress.hpp"
#include "apps/training_console.hpp"
#include "distributed/communicator.hpp"
#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "io/output_folder.hpp"
#include "models/structural/structural_config.hpp"
#include "models/structural/training_run.hpp"
#include "report/training_outputs.hpp"

namespace sprout::apps {
namespace {

struct TrainOptions {
  std::string config_path = "configs/mnist_structural.json";
  std::string out = "runs/structural";
  std::string data_dir;
  std::shared_ptr<ConfigOverrides> overrides = std::make_shared<ConfigOverrides>();
  std::optional<std::size_t> measures_train_limit;
  bool resume = false;
  bool force = false;
};

// What a run leaves in its folder; a new run refuses a folder that holds any of them.
const std::vector<std::string> kRunFiles = {
    "results.json",         "checkpoint.bin",          "network.bin",
    "receptive_fields.svg", "raster_test_image_0.bin", "raster_test_image_0.csv"};

// The value an override gave `key_path`, if any.
template <class T>
std::optional<T> overridden(const ConfigOverrides& overrides, std::string_view key_path) {
  std::optional<T> value;
  for (const io::ConfigOverride& item : overrides)
    if (item.key_path == key_path) value = item.value.get<T>();
  return value;
}

void run_train(const TrainOptions& o) {
  if (o.resume && o.force) throw std::runtime_error("--resume and --force: choose one");
  // Under MPI every rank trains the same run on its share of each batch's samples
  // (docs/scaling.md); rank 0 alone owns the output folder and writes the outputs.
  const distributed::Communicator& ranks = command_ranks();
  // Checked before the data are read, so that a bad value costs no time.
  const models::StructuralConfig config =
      io::parse_config_file(o.config_path, *o.overrides, models::parse_structural_config);
  std::optional<io::OutputFolder> folder;
  if (ranks.is_root()) {
    const std::vector<std::filesystem::path> inputs = {o.config_path, o.data_dir};
    folder.emplace(o.out, "--out", kRunFiles, inputs,
                   o.resume  ? io::ExistingResults::kContinue
                   : o.force ? io::ExistingResults::kReplace
                             : io::ExistingResults::kRefuse);
    if (o.force) {
      for (const std::string& name : kRunFiles)
        std::filesystem::remove(folder->path() / name);
    }
  }
  ranks.barrier();  // the folder is checked (and cleared) before any rank reads from it
  const std::filesystem::path out = folder ? folder->path() : std::filesystem::path(o.out);
  const std::filesystem::path checkpoint = out / "checkpoint.bin";
  const encoders::Mnist mnist = encoders::load_mnist(o.data_dir, config.data.classes);

  std::optional<models::TrainingRun> run;
  if (o.resume && !std::filesystem::exists(checkpoint) &&
      std::filesystem::exists(out / "results.json")) {
    throw std::runtime_error(
        fmt::format("--out {}: holds results.json but no checkpoint.bin to resume from; "
                    "replace the run with --force",
                    o.out));
  }
  if (o.resume && std::filesystem::exists(checkpoint)) {
    run.emplace(models::TrainingRun::resume(
        checkpoint, mnist, overridden<std::size_t>(*o.overrides, "epochs"), config.threads));
    if (ranks.is_root()) run->check_results_pair(out / "results.json");
    if (run->config().data.classes != config.data.classes) {
      throw std::runtime_error(fmt::format(
          "{}: the checkpoint learnt the classes {}, the config asks for {}", checkpoint.string(),
          fmt::join(run->config().data.classes, ","), fmt::join(config.data.classes, ",")));
    }
    fmt::print("resuming from {} after epoch {}\n", checkpoint.string(), run->epochs().size());
  } else {
    run.emplace(config, mnist);
  }
  run->set_communicator(&ranks);
  const analysis::RunSource source{o.config_path, o.data_dir};
  const auto& c = run->config();
  const auto counts = run->learner().synapses().counts();
  fmt::print(
      "train: {} training / {} test images, hidden {} (winners {}, inhibition weight {:g}), {} "
      "potential synapses, {} realised\n",
      run->split().train, run->split().test, c.network.hidden, c.hebbian.winners,
      c.network.inhibition_weight, counts.potential, counts.realised);
  if (ranks.size() > 1) {
    fmt::print("train: {} MPI ranks of {} thread{} each share every batch's samples\n",
               ranks.size(), c.threads, c.threads == 1 ? "" : "s");
  }
  std::fflush(stdout);

  // After each epoch: the checkpoint (by the run), then the results so far.
  class Console : public TrainingConsole {
   public:
    Console(const models::TrainingRun& run, const analysis::RunSource& source,
            std::filesystem::path results)
        : run_(run), source_(source), results_(std::move(results)) {}
    void epoch_finished(const models::EpochRecord& record) override {
      if (!results_.empty()) {
        results::write_results_file(results_,
                                    analysis::structural_run_results(run_, source_, nullptr));
      }
      TrainingConsole::epoch_finished(record);
    }

   private:
    const models::TrainingRun& run_;
    const analysis::RunSource& source_;
    std::filesystem::path results_;
  } console(*run, source, ranks.is_root() ? out / "results.json" : std::filesystem::path());
  const std::size_t epochs_left = c.epochs - std::min(c.epochs, run->epochs().size());
  Stage training("training", fmt::format("{} epoch{} of {}", epochs_left,
                                         epochs_left == 1 ? "" : "s", c.epochs));
  run->run(console, ranks.is_root() ? checkpoint : std::filesystem::path());
  training.done();

  const std::size_t measured =
      std::min(o.measures_train_limit.value_or(run->split().train), run->split().train);
  Stage measuring("final measures",
                  fmt::format("the final network on the {} test and {} training images",
                              run->split().test, measured));
  if (ranks.is_root()) report::write_training_outputs(out, *run);
  // Collective: every rank takes part in the final evaluations.
  analysis::FinalEvaluations final{run->final_test(console), {}};
  final.train = run->final_train(console, measured);
  if (ranks.is_root()) {
    results::write_results_file(out / "results.json",
                                analysis::structural_run_results(*run, source, &final));
  }
  measuring.done();
  fmt::print("wrote {}\n", (out / "results.json").string());
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto o = std::make_shared<TrainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "train",
      "Learn MNIST by structural plasticity (competitive Hebbian learning, growth, consolidation "
      "and elimination of synapses, homeostasis, perturbation-learned readout)");
  add_data_dir_option(*cmd, o->data_dir);
  cmd->add_option("--config", o->config_path, "JSON config (docs/model.md lists every key)")
      ->capture_default_str();
  cmd->add_option("--out", o->out,
                  "Output folder: results.json, network.bin, checkpoint.bin, receptive_fields.svg")
      ->capture_default_str();
  add_config_option(*cmd, o->overrides, "--epochs", "epochs", "Epochs", kCountType);
  add_config_option(*cmd, o->overrides, "--train-limit", "train_limit",
                    "Use the first N training images", kCountType);
  add_config_option(*cmd, o->overrides, "--test-limit", "test_limit",
                    "Evaluate on the first N test images", kCountType);
  add_config_option(*cmd, o->overrides, "--validation", "validation_images",
                    "Hold out the last N training images and evaluate them after every epoch",
                    kCountType);
  add_config_option(*cmd, o->overrides, "--hidden", "network.hidden",
                    "Hidden neurons (winners and inhibition follow the config's scaling rules)",
                    kCountType);
  add_config_option(*cmd, o->overrides, "--threads", "threads",
                    "Threads (results do not depend on it)", kCountType)
      ->default_str(std::to_string(models::StructuralConfig{}.threads));
  add_config_option(*cmd, o->overrides, "--seed", "seed", "Random seed", kCountType);
  add_config_option(*cmd, o->overrides, "--classes", "data.classes",
                    "Learn only these digits, e.g. 1,2,6", kListType);
  cmd->add_option("--measures-train-limit", o->measures_train_limit,
                  "Measure the final network on the first N training images only (default: "
                  "all it trained on, whose responses the readout-only epochs recorded)");
  cmd->add_flag("--resume", o->resume, "Continue from OUT/checkpoint.bin if it exists");
  cmd->add_flag("--force", o->force, "Replace the results of an earlier run in OUT");
  cmd->callback([o] { run_train(*o); });
}

}  // namespace sprout::apps
