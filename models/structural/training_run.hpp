#pragma once
// The training loop of the structural rule (`sprout train`), as a library: epochs over the
// training images in a seeded shuffled order, the test set (and a held-out validation
// set) evaluated after every epoch, responses reused while the network is frozen, a
// checkpoint after every epoch, and resume from it.
//
// The run is quiet: what it does is reported to a TrainingObserver.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "encoders/mnist.hpp"
#include "models/structural/epoch_record.hpp"
#include "models/structural/structural_learner.hpp"

namespace sprout::models {

// A training batch's progress within an epoch.
struct BatchProgress {
  double running_accuracy = 0;  // of the readout's predictions so far this epoch
  std::size_t realised = 0;     // realised synapses now
};

// Receives what a TrainingRun does. Every callback has an empty default.
class TrainingObserver {
 public:
  virtual ~TrainingObserver() = default;
  // A pass over `images` images begins: "epoch 3/16", or the recording of a set's
  // responses ("test images").
  virtual void pass_started(std::string_view /*name*/, std::size_t /*images*/) {}
  // `batch` is set for training passes.
  virtual void pass_progress(std::size_t /*done*/, const BatchProgress* /*batch*/) {}
  virtual void pass_finished() {}
  // After the epoch's evaluation and checkpoint.
  virtual void epoch_finished(const EpochRecord& /*record*/) {}
};

// Which images a run trains, validates and tests on.
struct TrainingSplit {
  std::size_t train = 0;       // training images [0, train)
  std::size_t validation = 0;  // the training images [train, train + validation)
  std::size_t test = 0;        // test images [0, test)
};

// Throws std::invalid_argument when the config's limits and validation split leave no
// image to train or test on.
[[nodiscard]] TrainingSplit training_split(const StructuralConfig& config,
                                           const encoders::Mnist& data);

class TrainingRun {
 public:
  // A new run of `config` on `data` (kept by reference: it must outlive the run).
  TrainingRun(const StructuralConfig& config, const encoders::Mnist& data);
  // The run saved in `checkpoint`, to be continued to `epochs` epochs in all (at least
  // the epochs it has) on `threads` threads. The checkpoint's config rules otherwise.
  [[nodiscard]] static TrainingRun resume(const std::filesystem::path& checkpoint,
                                          const encoders::Mnist& data,
                                          std::optional<std::size_t> epochs,
                                          std::optional<int> threads);
  // Proves that `results` (the results.json beside the checkpoint this run resumed from)
  // is of this run: its epochs are the checkpoint's first ones, all of them or all but the
  // last (a run stopped between writing the checkpoint and the results). Throws
  // std::runtime_error with one line otherwise. A missing file is consistent: the run
  // writes it again.
  void check_results_pair(const std::filesystem::path& results) const;

  // Trains the remaining epochs; after each, saves the learner and the epochs so far to
  // `checkpoint` (if not empty) and tells the observer.
  void run(TrainingObserver& observer, const std::filesystem::path& checkpoint);

  // The final network on the test set (reusing the last epoch's evaluation when the
  // network has not changed since).
  [[nodiscard]] EvaluationResult final_test(TrainingObserver& observer);
  // The final network on the first `count` training images (at most split().train),
  // reusing the recorded responses when they are still current.
  [[nodiscard]] EvaluationResult final_train(TrainingObserver& observer, std::size_t count);

  // The ranks that share this run's simulations (StructuralLearner::set_communicator);
  // every rank runs the same TrainingRun, and only one should write its outputs.
  void set_communicator(const distributed::Communicator* communicator) {
    learner_.set_communicator(communicator);
  }

  [[nodiscard]] const StructuralLearner& learner() const { return learner_; }
  [[nodiscard]] const StructuralConfig& config() const { return learner_.config(); }
  [[nodiscard]] const std::vector<EpochRecord>& epochs() const { return epochs_; }
  [[nodiscard]] const TrainingSplit& split() const { return split_; }
  [[nodiscard]] const encoders::Mnist& data() const { return *data_; }
  [[nodiscard]] bool resumed() const { return resumed_; }

 private:
  // The responses of images [0, count) of one set, recorded again only when the network
  // has changed.
  class ResponseCache {
   public:
    ResponseCache(std::size_t count, std::string name) : count_(count), name_(std::move(name)) {}
    // `images` is the set the cache was made for (kept by the run, which may move).
    const RecordedResponses& current(const StructuralLearner& learner,
                                     const encoders::LabelledImages& images,
                                     TrainingObserver& observer);
    [[nodiscard]] bool reused() const { return reused_; }

   private:
    std::size_t count_;
    std::string name_;
    std::optional<RecordedResponses> recorded_;
    bool reused_ = false;
  };

  TrainingRun(StructuralLearner learner, std::vector<EpochRecord> epochs,
              const encoders::Mnist& data, bool resumed);
  EpochRecord train_epoch(std::size_t epoch, TrainingObserver& observer);

  StructuralLearner learner_;
  std::vector<EpochRecord> epochs_;
  const encoders::Mnist* data_;
  TrainingSplit split_;
  encoders::LabelledImages validation_;
  ResponseCache test_responses_;
  ResponseCache validation_responses_;
  ResponseCache train_responses_;
  std::optional<EvaluationResult> last_test_;
  bool resumed_ = false;
};

// The order of the training images [0, count) in `epoch`: a Fisher-Yates shuffle from the
// stream (seed, epoch, kEpochShuffle).
[[nodiscard]] std::vector<std::size_t> epoch_order(std::size_t count, std::uint64_t seed,
                                                   std::size_t epoch);

}  // namespace sprout::models
