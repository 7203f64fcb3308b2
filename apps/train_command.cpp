// `sprout train`: learning by structural plasticity on MNIST. Trains on the training set,
// evaluates on the test set after every epoch, checkpoints every epoch (and resumes),
// writes DIR/results.json, the final network and its receptive fields.

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>

#include "analysis/network_measures.hpp"
#include "analysis/synaptic_capacity.hpp"
#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "apps/progress.hpp"
#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "engine/atomic_file.hpp"
#include "engine/random_stream.hpp"
#include "engine/spike_recorder.hpp"
#include "io/results_file.hpp"
#include "models/spiking/image_simulation.hpp"
#include "models/structural/structural_config.hpp"
#include "models/structural/structural_learner.hpp"
#include "report/svg_chart.hpp"

namespace sprout::apps {
namespace {

constexpr std::uint64_t kShuffle = purpose_value(StreamPurpose::kEpochShuffle);

struct TrainOptions {
  std::string config_path = "configs/mnist_structural.json";
  std::string out = "runs/structural";
  std::string data_dir;
  std::optional<std::size_t> epochs, train_limit, test_limit, validation_images, hidden,
      measures_train_limit;
  std::optional<int> threads;
  std::optional<std::uint64_t> seed;
  std::optional<std::string> classes;
  bool resume = false;
};

models::StructuralConfig load_config(const TrainOptions& o) {
  models::StructuralConfig config =
      models::parse_structural_config(io::read_json_file(o.config_path), o.config_path);
  if (o.epochs) config.epochs = *o.epochs;
  if (o.train_limit) config.train_limit = *o.train_limit;
  if (o.test_limit) config.test_limit = *o.test_limit;
  if (o.validation_images) config.validation_images = *o.validation_images;
  if (o.threads) config.threads = *o.threads;
  if (o.seed) config.seed = *o.seed;
  if (o.classes) config.data.classes = encoders::parse_class_list(*o.classes, "--classes");
  if (o.hidden) {
    config.network.hidden = *o.hidden;
    if (config.hebbian.winners > config.network.hidden) {
      throw std::invalid_argument(fmt::format("--hidden {} is below hebbian.winners {}", *o.hidden,
                                              config.hebbian.winners));
    }
  }
  return config;
}

std::vector<std::size_t> epoch_order(std::size_t count, std::uint64_t seed, std::size_t epoch) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  RandomStream random(seed, epoch, kShuffle);
  for (std::size_t k = count; k > 1; --k)
    std::swap(order[k - 1], order[random.below(k)]);
  return order;
}

nlohmann::json synapse_json(const models::SynapseCounts& c, std::size_t hidden,
                            std::size_t inputs) {
  const double pairs = static_cast<double>(hidden * inputs);
  return {
      {"synapses",
       {{"potential", c.potential},
        {"realised", c.realised},
        {"silent", c.silent},
        {"consolidated", c.consolidated}}},
      {"connectivity",
       {{"potential_P_pot", static_cast<double>(c.potential) / pairs},
        {"anatomical_P", static_cast<double>(c.realised) / pairs},
        {"realised_of_potential",
         c.potential ? static_cast<double>(c.realised) / static_cast<double>(c.potential) : 0.0},
        {"consolidation_load",
         c.realised ? static_cast<double>(c.consolidated) / static_cast<double>(c.realised)
                    : 0.0}}}};
}

nlohmann::json evaluation_json(const models::EvaluationResult& eval,
                               const models::StructuralLearner& learner) {
  const auto& net = learner.network();
  const double images = static_cast<double>(eval.images);
  nlohmann::json synops = {
      {"input_to_hidden",
       static_cast<double>(eval.counters.projections[net.input_to_hidden].synaptic_events) /
           images}};
  if (net.lateral_inhibition) {
    synops["lateral_inhibition"] =
        static_cast<double>(eval.counters.projections[*net.lateral_inhibition].synaptic_events) /
        images;
  }
  // The readout adds each hidden spike's 10 weights: 10 accumulates per hidden spike.
  const double hidden_spikes = static_cast<double>(eval.counters.populations[net.hidden].spikes);
  synops["readout"] = hidden_spikes * static_cast<double>(learner.readout().classes()) / images;
  return {{"test_accuracy", eval.accuracy()},
          {"test_images", eval.images},
          {"hidden_in_use_test", eval.hidden_in_use},
          {"input_spikes_per_test_image",
           static_cast<double>(eval.counters.populations[net.input].spikes) / images},
          {"hidden_spikes_per_test_image", hidden_spikes / images},
          {"synops_per_test_image", synops}};
}

void write_receptive_fields(const std::filesystem::path& path,
                            const models::StructuralLearner& learner, std::size_t rows,
                            std::size_t cols) {
  report::ImageGrid grid;
  grid.title = "Input weights of the hidden neurons (receptive fields)";
  grid.pixels = learner.synapses().weights();
  grid.image_height = rows;
  grid.image_width = cols;
  grid.columns = 25;
  grid.pixel_size = 2;
  write_text_atomically(path, report::render_svg(grid));
}

void write_test_raster(const std::filesystem::path& out, const models::StructuralLearner& learner,
                       const encoders::LabelledImages& test) {
  models::PresentationOptions options;
  options.encoder = learner.config().encoder;
  options.seed = learner.config().seed;
  options.raster_max_spikes = 1'000'000;
  const auto result = models::present_images(learner.network(), test, 0, 1, options);
  engine::write_raster_binary(out / "raster_test_image_0.bin", result.first_image_raster);
  engine::write_raster_csv(out / "raster_test_image_0.csv", result.first_image_raster);
}

// The responses of images [0, count) of one image set to the learner's network. A network
// of the same revision gives the same responses, so they are recorded again only when the
// network has changed.
class ResponseCache {
 public:
  ResponseCache(const encoders::LabelledImages& images, std::size_t count, std::string label)
      : images_(images), count_(count), label_(std::move(label)) {}

  const models::RecordedResponses& current(const models::StructuralLearner& learner) {
    reused_ = recorded_ && recorded_->network_revision == learner.network_revision();
    if (!reused_) {
      ProgressLine progress(label_, count_);
      recorded_ = learner.respond(images_, count_,
                                  [&](std::size_t done, std::size_t) { progress.update(done); });
    }
    return *recorded_;
  }
  // Whether the last current() reused the responses instead of simulating.
  [[nodiscard]] bool reused() const { return reused_; }

 private:
  const encoders::LabelledImages& images_;
  std::size_t count_;
  std::string label_;
  std::optional<models::RecordedResponses> recorded_;
  bool reused_ = false;
};

// Non-zero synapses of the learnt layers as `sprout bp` reports them; the fixed lateral
// inhibition apart (it is not learnt and BP has nothing like it).
nlohmann::json nonzero_synapses_json(const models::StructuralLearner& learner) {
  const std::size_t input_hidden = learner.synapses().counts().realised;
  const std::size_t hidden_output = analysis::count_nonzero(learner.readout().weights());
  nlohmann::json out = {{"input_hidden", input_hidden},
                        {"hidden_output", hidden_output},
                        {"total", input_hidden + hidden_output}};
  if (learner.network().lateral_inhibition) {
    const auto& net = learner.network();
    out["fixed_lateral_inhibition"] =
        net.network.projection(*net.lateral_inhibition).synapse_count();
  }
  return out;
}

// Confusion matrices on the training and test images, storage cost and I(hidden; label)
// of the final network, for `sprout compare` (docs/formats.md).
nlohmann::json train_measures(const models::StructuralLearner& learner,
                              const encoders::Mnist& mnist, const models::EvaluationResult& train,
                              const models::EvaluationResult& test) {
  const std::size_t train_count = train.images;
  const std::vector<float> hidden_counts(test.hidden_counts.begin(), test.hidden_counts.end());
  analysis::MeasuresInput input;
  input.train = {std::span(mnist.train.labels).first(train_count), train.predictions};
  input.test = {std::span(mnist.test.labels).first(test.images), test.predictions};
  input.classes = learner.readout().classes();
  input.test_hidden_codes = analysis::SampleMatrix(hidden_counts, learner.config().network.hidden);
  input.hidden_options.binning = analysis::Binning::kRoundedCapped;
  analysis::LayerSynapses input_hidden{"input_hidden", {}, learner.synapses().counts().potential};
  const auto weights = learner.synapses().weights();
  for (std::size_t k = 0; k < weights.size(); ++k)
    if (learner.synapses().realised(k)) input_hidden.realised_weights.push_back(weights[k]);
  input.layers.push_back(std::move(input_hidden));
  input.layers.push_back(
      analysis::dense_layer_synapses("hidden_output", learner.readout().weights()));
  return analysis::network_measures(input);
}

void run_train(const TrainOptions& o) {
  const std::filesystem::path out = o.out;
  const std::filesystem::path checkpoint = out / "checkpoint.bin";
  const std::filesystem::path results_path = out / "results.json";
  models::StructuralConfig config = load_config(o);
  const encoders::Mnist mnist = encoders::load_mnist(o.data_dir, config.data.classes);
  const std::size_t inputs = mnist.train.pixels_per_image();

  std::optional<models::StructuralLearner> learner;
  std::optional<models::EvaluationResult> last_test;  // of the last epoch run here
  nlohmann::json epochs = nlohmann::json::array();
  nlohmann::json measures;
  if (o.resume && std::filesystem::exists(checkpoint)) {
    learner.emplace(models::StructuralLearner::load(checkpoint));
    epochs = io::read_json_file(results_path).at("epochs");
    // The checkpoint's config rules; the command line's epochs and threads apply.
    learner->set_threads(config.threads);
    const std::size_t total_epochs = std::max(config.epochs, epochs.size());
    config = learner->config();
    config.epochs = total_epochs;
    fmt::print("resuming from {} after epoch {}\n", checkpoint.string(), epochs.size());
  } else {
    learner.emplace(config, inputs);
  }
  const std::size_t limited_count =
      config.train_limit ? std::min(config.train_limit, mnist.train.count) : mnist.train.count;
  if (config.validation_images >= limited_count) {
    throw std::invalid_argument(
        fmt::format("{}: validation_images: {} leaves none of the {} training images to train on",
                    o.config_path, config.validation_images, limited_count));
  }
  // Training reads images [0, train_count); the validation images are the ones after.
  const std::size_t train_count = limited_count - config.validation_images;
  const encoders::LabelledImages validation =
      mnist.train.slice(train_count, config.validation_images);
  const std::size_t test_count =
      config.test_limit ? std::min(config.test_limit, mnist.test.count) : mnist.test.count;
  nlohmann::json config_json = models::to_json(config);
  config_json["config_file"] = o.config_path;
  config_json["data_dir"] = o.data_dir;

  auto write_results = [&](bool complete) {
    nlohmann::json document = io::provenance("train", config_json);
    document["complete"] = complete;
    document["train_images"] = train_count;
    document["validation_images"] = validation.count;
    document["test_images"] = test_count;
    document["epochs"] = epochs;
    if (complete) {
      document["final"] = epochs.back();
      document["nonzero_synapses"] = nonzero_synapses_json(*learner);
      document["measures"] = measures;
      document["files"] = {{"network", "network.bin"},
                           {"receptive_fields", "receptive_fields.svg"},
                           {"raster_test_image_0", "raster_test_image_0.bin"},
                           {"raster_test_image_0_csv", "raster_test_image_0.csv"}};
    }
    io::write_json_atomically(results_path, document);
  };

  ResponseCache test_responses(mnist.test, test_count, "test images");
  ResponseCache validation_responses(validation, validation.count, "validation images");
  ResponseCache train_responses(mnist.train, train_count, "training images");
  const auto initial = learner->synapses().counts();
  fmt::print("train: {} training / {} test images, hidden {}, {} potential synapses, {} realised\n",
             train_count, test_count, config.network.hidden, initial.potential, initial.realised);
  for (std::size_t epoch = epochs.size(); epoch < config.epochs; ++epoch) {
    const auto order = epoch_order(train_count, config.seed, epoch);
    learner->set_epoch(epoch);
    const auto start = std::chrono::steady_clock::now();
    std::size_t correct = 0, seen = 0;
    std::uint64_t events = 0;
    // Readout-only epochs may replay the training images' responses to the frozen network.
    const models::RecordedResponses* replayed = nullptr;
    if (config.replay_frozen_responses && learner->features_frozen()) {
      replayed = &train_responses.current(*learner);
      if (!train_responses.reused()) events += replayed->presentation.counters.synaptic_events();
    }
    ProgressLine progress(fmt::format("epoch {}/{}", epoch + 1, config.epochs), train_count);
    models::StructuralStepStats structure;
    for (std::size_t first = 0; first < train_count; first += config.batch_size) {
      const std::size_t size = std::min(config.batch_size, train_count - first);
      const auto batch = std::span(order).subspan(first, size);
      const std::uint64_t first_sample_id = epoch * train_count + first;
      const auto stats =
          replayed ? learner->train_batch_replayed(*replayed, mnist.train, batch, first_sample_id)
                   : learner->train_batch(mnist.train, batch, first_sample_id);
      correct += stats.correct;
      seen += stats.samples;
      events += stats.synaptic_events;
      structure.consolidated += stats.structure.consolidated;
      structure.eliminated += stats.structure.eliminated;
      structure.deconsolidated += stats.structure.deconsolidated;
      structure.grown += stats.structure.grown;
      progress.update(seen,
                      fmt::format("running acc {:.1f}%  realised {}",
                                  100.0 * static_cast<double>(correct) / static_cast<double>(seen),
                                  learner->synapses().counts().realised));
    }
    const double train_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::size_t neurons_won = learner->take_neurons_that_won();
    const auto eval_start = std::chrono::steady_clock::now();
    const models::EvaluationResult eval =
        learner->classify(test_responses.current(*learner), mnist.test.labels);
    std::optional<double> validation_accuracy;
    if (validation.count > 0) {
      validation_accuracy =
          learner->classify(validation_responses.current(*learner), validation.labels).accuracy();
    }
    const double eval_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - eval_start).count();
    const auto counts = learner->synapses().counts();
    last_test = eval;

    nlohmann::json entry = evaluation_json(eval, *learner);
    entry.update(synapse_json(counts, config.network.hidden, inputs));
    entry["epoch"] = epoch + 1;
    if (validation_accuracy) {
      entry["validation_accuracy"] = *validation_accuracy;
      entry["validation_images"] = validation.count;
    }
    entry["train_running_accuracy"] = static_cast<double>(correct) / static_cast<double>(seen);
    entry["hidden_in_use_train"] = neurons_won;
    entry["structural_changes"] = {{"consolidated", structure.consolidated},
                                   {"deconsolidated", structure.deconsolidated},
                                   {"eliminated", structure.eliminated},
                                   {"grown", structure.grown}};
    entry["replayed_training_responses"] = replayed != nullptr;
    entry["reused_test_responses"] = test_responses.reused();
    entry["train_wall_s"] = train_s;
    entry["eval_wall_s"] = eval_s;
    entry["train_samples_per_s"] = static_cast<double>(seen) / train_s;
    entry["train_synaptic_events_per_s"] = static_cast<double>(events) / train_s;
    epochs.push_back(entry);

    learner->save(checkpoint);
    write_results(false);
    if (validation_accuracy)
      fmt::print("epoch {}: validation accuracy {:.2f}%\n", epoch + 1, 100 * *validation_accuracy);
    fmt::print(
        "epoch {}: test accuracy {:.2f}%  realised {} ({:.1f}% of potential), consolidated {}, "
        "silent {}  train {:.0f} s ({:.0f} samples/s, {:.0f} M events/s)\n",
        epoch + 1, 100 * eval.accuracy(), counts.realised,
        100.0 * static_cast<double>(counts.realised) / static_cast<double>(counts.potential),
        counts.consolidated, counts.silent, train_s, static_cast<double>(seen) / train_s,
        static_cast<double>(events) / train_s / 1e6);
  }
  learner->save(out / "network.bin");
  write_receptive_fields(out / "receptive_fields.svg", *learner, mnist.train.rows,
                         mnist.train.cols);
  write_test_raster(out, *learner, mnist.test);
  if (!last_test)
    last_test = learner->classify(test_responses.current(*learner), mnist.test.labels);
  const std::size_t measures_train_count =
      std::min(o.measures_train_limit.value_or(train_count), train_count);
  fmt::print("measuring the final network on the {} training images\n", measures_train_count);
  std::fflush(stdout);
  // All training images: the responses replayed in the last epoch serve, if still current.
  const models::EvaluationResult train_eval =
      measures_train_count == train_count
          ? learner->classify(train_responses.current(*learner), mnist.train.labels)
          : learner->evaluate(mnist.train, measures_train_count);
  measures = train_measures(*learner, mnist, train_eval, *last_test);
  measures["train_images"] = measures_train_count;
  write_results(true);
  fmt::print("wrote {}\n", results_path.string());
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
  cmd->add_option("--epochs", o->epochs, "Override the config's epochs");
  cmd->add_option("--train-limit", o->train_limit, "Use the first N training images");
  cmd->add_option("--test-limit", o->test_limit, "Evaluate on the first N test images");
  cmd->add_option("--validation", o->validation_images,
                  "Hold out the last N training images and evaluate them after every epoch "
                  "(overrides validation_images)");
  cmd->add_option("--hidden", o->hidden, "Override network.hidden");
  cmd->add_option("--measures-train-limit", o->measures_train_limit,
                  "Measure the final network on the first N training images only (default: "
                  "all it trained on; the pass takes about a fifth of a 3-epoch run)");
  cmd->add_option("--threads", o->threads, "Threads")->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", o->seed, "Override the config's seed");
  add_classes_option(*cmd, o->classes,
                     "Learn only these digits, e.g. 1,2,6 (overrides data.classes)");
  cmd->add_flag("--resume", o->resume, "Continue from OUT/checkpoint.bin if it exists");
  cmd->callback([o] { run_train(*o); });
}

}  // namespace sprout::apps
