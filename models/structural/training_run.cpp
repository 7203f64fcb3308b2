#include "models/structural/training_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "engine/random_stream.hpp"
#include "io/results_file.hpp"

namespace sprout::models {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Per test image, what the evaluation counted.
void record_evaluation(EpochRecord& record, const EvaluationResult& eval,
                       const StructuralLearner& learner) {
  const FeedForwardNetwork& net = learner.network();
  const double images = static_cast<double>(eval.images);
  record.test_accuracy = eval.accuracy();
  record.test_images = eval.images;
  record.hidden_in_use_test = eval.hidden_in_use;
  record.input_spikes_per_test_image =
      static_cast<double>(eval.counters.populations[net.input].spikes) / images;
  const double hidden_spikes = static_cast<double>(eval.counters.populations[net.hidden].spikes);
  record.hidden_spikes_per_test_image = hidden_spikes / images;
  record.synops_per_test_image.input_to_hidden =
      static_cast<double>(eval.counters.projections[net.input_to_hidden].synaptic_events) / images;
  if (net.lateral_inhibition) {
    record.synops_per_test_image.lateral_inhibition =
        static_cast<double>(eval.counters.projections[*net.lateral_inhibition].synaptic_events) /
        images;
  }
  const auto per_image = [&](engine::ProjectionId projection) {
    return static_cast<double>(eval.counters.projections[projection].synaptic_events) / images;
  };
  if (net.interneurons) {
    record.interneuron_spikes_per_test_image =
        static_cast<double>(eval.counters.populations[*net.interneurons].spikes) / images;
    record.synops_per_test_image.hidden_to_interneurons = per_image(*net.hidden_to_interneurons);
    record.synops_per_test_image.interneurons_to_hidden = per_image(*net.interneurons_to_hidden);
  }
  // The readout adds each hidden spike's weights, one per class.
  record.synops_per_test_image.readout =
      hidden_spikes * static_cast<double>(learner.readout().classes()) / images;
}

}  // namespace

std::vector<std::size_t> epoch_order(std::size_t count, std::uint64_t seed, std::size_t epoch) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  RandomStream random(seed, epoch, StreamPurpose::kEpochShuffle);
  for (std::size_t k = count; k > 1; --k)
    std::swap(order[k - 1], order[random.below(k)]);
  return order;
}

TrainingSplit training_split(const StructuralConfig& config, const encoders::Mnist& data) {
  const std::size_t limited =
      config.train_limit ? std::min(config.train_limit, data.train.count) : data.train.count;
  if (config.validation_images >= limited) {
    throw std::invalid_argument(
        fmt::format("validation_images: {} leaves none of the {} training images to train on",
                    config.validation_images, limited));
  }
  TrainingSplit split;
  split.train = limited - config.validation_images;
  split.validation = config.validation_images;
  split.test = config.test_limit ? std::min(config.test_limit, data.test.count) : data.test.count;
  if (split.test == 0) throw std::invalid_argument("the test set holds no image");
  return split;
}

const RecordedResponses& TrainingRun::ResponseCache::current(const StructuralLearner& learner,
                                                             const encoders::LabelledImages& images,
                                                             TrainingObserver& observer) {
  reused_ = recorded_ && recorded_->network_revision == learner.network_revision();
  if (!reused_) {
    observer.pass_started(name_, count_);
    recorded_ = learner.respond(images, count_, [&](std::size_t done, std::size_t) {
      observer.pass_progress(done, nullptr);
    });
    observer.pass_finished();
  }
  return *recorded_;
}

TrainingRun::TrainingRun(const StructuralConfig& config, const encoders::Mnist& data)
    : TrainingRun(StructuralLearner(config, data.train.pixels_per_image()), {}, data, false) {}

TrainingRun::TrainingRun(StructuralLearner learner, std::vector<EpochRecord> epochs,
                         const encoders::Mnist& data, bool resumed)
    : learner_(std::move(learner)),
      epochs_(std::move(epochs)),
      data_(&data),
      split_(training_split(learner_.config(), data)),
      validation_(data.train.slice(split_.train, split_.validation)),
      test_responses_(split_.test, "recording the responses to the test images"),
      validation_responses_(split_.validation, "recording the responses to the validation images"),
      train_responses_(split_.train,
                       "recording the responses to the training images (the readout-only "
                       "epochs replay them)"),
      resumed_(resumed) {
  if (learner_.synapses().inputs() != data.train.pixels_per_image()) {
    throw std::invalid_argument(fmt::format("the network has {} inputs, the images {} pixels",
                                            learner_.synapses().inputs(),
                                            data.train.pixels_per_image()));
  }
}

TrainingRun TrainingRun::resume(const std::filesystem::path& checkpoint,
                                const encoders::Mnist& data, std::optional<std::size_t> epochs,
                                std::optional<int> threads) {
  nlohmann::json training;
  StructuralLearner learner = StructuralLearner::load(checkpoint, &training);
  const auto found = training.find("epochs");
  if (!training.is_object() || found == training.end() || !found->is_array()) {
    throw std::runtime_error(
        fmt::format("{}: not a checkpoint (a network file without the epochs of its run)",
                    checkpoint.string()));
  }
  std::vector<EpochRecord> records;
  const io::ResultReader header(training, checkpoint.string(), "training");
  for (const io::ResultReader& entry : header.items("epochs"))
    records.push_back(epoch_record_from_json(entry));
  StructuralConfig config = learner.config();
  config.epochs = std::max(epochs.value_or(config.epochs), records.size());
  if (threads) config.threads = *threads;
  learner.set_threads(config.threads);
  learner.set_epochs(config.epochs);
  return TrainingRun(std::move(learner), std::move(records), data, true);
}

void TrainingRun::check_results_pair(const std::filesystem::path& results) const {
  if (!std::filesystem::exists(results)) return;
  const nlohmann::json document = io::read_json_file(results);
  const io::ResultReader top = io::ResultReader(document, results.string()).object();
  const std::vector<io::ResultReader> recorded = top.items("epochs");
  const auto refuse = [&](const std::string& problem) {
    throw std::runtime_error(fmt::format(
        "{}: {}; it is not the results of the checkpoint beside it, so the run cannot be "
        "resumed (replace it with --force)",
        results.string(), problem));
  };
  if (recorded.size() > epochs_.size() || recorded.size() + 1 < epochs_.size()) {
    refuse(fmt::format("records {} epochs, the checkpoint {}", recorded.size(), epochs_.size()));
  }
  for (std::size_t i = 0; i < recorded.size(); ++i) {
    if (to_json(epoch_record_from_json(recorded[i])) != to_json(epochs_[i])) {
      refuse(fmt::format("epoch {} differs from the checkpoint's", i + 1));
    }
  }
}

void TrainingRun::run(TrainingObserver& observer, const std::filesystem::path& checkpoint) {
  for (std::size_t epoch = epochs_.size(); epoch < config().epochs; ++epoch) {
    EpochRecord record = train_epoch(epoch, observer);
    epochs_.push_back(record);
    if (!checkpoint.empty()) {
      nlohmann::json training = {{"epochs", nlohmann::json::array()}};
      for (const EpochRecord& done : epochs_)
        training["epochs"].push_back(to_json(done));
      learner_.save(checkpoint, training);
    }
    observer.epoch_finished(record);
  }
}

EpochRecord TrainingRun::train_epoch(std::size_t epoch, TrainingObserver& observer) {
  const StructuralConfig& config = learner_.config();
  const std::size_t train_count = split_.train;
  const auto order = epoch_order(train_count, config.seed, epoch);
  learner_.set_epoch(epoch);
  EpochRecord record;
  record.epoch = epoch + 1;
  const auto start = std::chrono::steady_clock::now();
  std::size_t correct = 0, seen = 0;
  std::uint64_t events = 0;
  // Readout-only epochs may replay the training images' responses to the frozen network.
  const RecordedResponses* replayed = nullptr;
  if (config.replay_frozen_responses && learner_.features_frozen()) {
    replayed = &train_responses_.current(learner_, data_->train, observer);
    if (!train_responses_.reused()) events += replayed->presentation.counters.synaptic_events();
  }
  const bool learns_features = !learner_.features_frozen();
  observer.pass_started(fmt::format("epoch {}/{}, {}", epoch + 1, config.epochs,
                                    learns_features ? "learning features and readout"
                                    : replayed      ? "readout only, on the recorded responses"
                                                    : "readout only"),
                        train_count);
  // The structure's life in a feature-learning epoch: a sample about every 1% of it.
  const std::size_t sample_every = std::max<std::size_t>(1, train_count / 100);
  std::size_t next_sample = 0;
  const auto sample_structure = [&] {
    if (!learns_features || seen < next_sample) return;
    const SynapseCounts now = learner_.synapses().counts();
    record.structure_during_epoch.push_back({.images = seen,
                                             .realised = now.realised,
                                             .consolidated = now.consolidated,
                                             .grown = record.structural_changes.grown,
                                             .eliminated = record.structural_changes.eliminated});
    next_sample = (seen / sample_every + 1) * sample_every;
  };
  sample_structure();
  for (std::size_t first = 0; first < train_count; first += config.batch_size) {
    const std::size_t size = std::min(config.batch_size, train_count - first);
    const auto batch = std::span(order).subspan(first, size);
    const std::uint64_t first_sample_id = epoch * train_count + first;
    const auto stats =
        replayed ? learner_.train_batch_replayed(*replayed, data_->train, batch, first_sample_id)
                 : learner_.train_batch(data_->train, batch, first_sample_id);
    correct += stats.correct;
    seen += stats.samples;
    events += stats.synaptic_events;
    record.learn_wall_s += stats.learn_wall_s;
    record.structural_changes.consolidated += stats.structure.consolidated;
    record.structural_changes.eliminated += stats.structure.eliminated;
    record.structural_changes.deconsolidated += stats.structure.deconsolidated;
    record.structural_changes.grown += stats.structure.grown;
    if (seen == train_count) next_sample = seen;  // always the epoch's end
    sample_structure();
    const BatchProgress progress{
        .running_accuracy = static_cast<double>(correct) / static_cast<double>(seen),
        .realised = learner_.synapses().counts().realised};
    observer.pass_progress(seen, &progress);
  }
  observer.pass_finished();
  const double train_s = seconds_since(start);
  record.hidden_in_use_train = learner_.take_neurons_that_won();

  const auto eval_start = std::chrono::steady_clock::now();
  const EvaluationResult eval = learner_.classify(
      test_responses_.current(learner_, data_->test, observer), data_->test.labels);
  if (split_.validation > 0) {
    record.validation_accuracy =
        learner_
            .classify(validation_responses_.current(learner_, validation_, observer),
                      validation_.labels)
            .accuracy();
    record.validation_images = split_.validation;
  }
  record.eval_wall_s = seconds_since(eval_start);
  record_evaluation(record, eval, learner_);
  last_test_ = eval;

  record.synapses = learner_.synapses().counts();
  record.connectivity =
      connectivity_of(record.synapses, learner_.synapses().inputs(), config.network.hidden);
  record.train_running_accuracy = static_cast<double>(correct) / static_cast<double>(seen);
  record.replayed_training_responses = replayed != nullptr;
  record.reused_test_responses = test_responses_.reused();
  record.train_wall_s = train_s;
  record.train_samples_per_s = static_cast<double>(seen) / train_s;
  record.train_synaptic_events_per_s = static_cast<double>(events) / train_s;
  return record;
}

EvaluationResult TrainingRun::final_test(TrainingObserver& observer) {
  const RecordedResponses& responses = test_responses_.current(learner_, data_->test, observer);
  if (last_test_ && test_responses_.reused()) return *last_test_;
  return learner_.classify(responses, data_->test.labels);
}

EvaluationResult TrainingRun::final_train(TrainingObserver& observer, std::size_t count) {
  count = std::min(count, split_.train);
  if (count == split_.train)
    return learner_.classify(train_responses_.current(learner_, data_->train, observer),
                             data_->train.labels);
  observer.pass_started(fmt::format("measuring the first {} training images", count), count);
  EvaluationResult eval = learner_.evaluate(data_->train, count);
  observer.pass_finished();
  return eval;
}

}  // namespace sprout::models
