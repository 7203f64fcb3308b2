#pragma once
// Training of the BP reference: mini-batch epochs with a fresh shuffle per epoch, the
// variants (dense, L1-regularised, iterative magnitude pruning with retraining, budget
// pruning to the structural rule's synapse count), and evaluation.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "models/bp/bp_config.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/mlp.hpp"
#include "models/bp/optimizers.hpp"

namespace sprout::models {

// One epoch of a BP run (the structural rule's is models/structural's EpochRecord).
struct BpEpochRecord {
  std::size_t epoch = 0;        // 1-based, over every epoch of the run
  std::string phase;            // "train", or "retrain 2/4" after pruning round 2 of 4
  double train_loss = 0.0;      // mean over the epoch's batches, each before its update
  double train_accuracy = 0.0;  // likewise (the running figure PyTorch loops print)
  double test_loss = 0.0;
  double test_accuracy = 0.0;
  double wall_s = 0.0;                        // the training pass only, without the evaluation
  std::vector<std::size_t> nonzero_synapses;  // per layer, after the epoch
};

struct PruningRound {
  std::size_t round = 0;                     // 1-based
  std::size_t kept_synapses = 0;             // of the pruned layers, together
  double test_accuracy_after_pruning = 0.0;  // before retraining
};

// Observers of a run; any may be empty.
struct BpProgress {
  std::function<void(std::size_t samples_done, std::size_t samples_total)> batch;
  std::function<void(const BpEpochRecord&)> epoch;
  std::function<void(std::string_view)> note;
};

// Trains one network on one data set; keeps the optimizer state from epoch to epoch.
class BpTrainer {
 public:
  // `data` must outlive the trainer. `network` must match the data's width and classes.
  BpTrainer(const BpConfig& config, const BpData& data, Mlp network);

  // One pass over the (shuffled) training set, then an evaluation on the test set.
  BpEpochRecord train_epoch(std::string phase, const BpProgress& progress);

  // Prunes the selected layers to `keep_total` synapses together (magnitude) and clears
  // the optimizer state of the pruned synapses.
  void prune(LayerSelection selection, std::size_t keep_total);

  [[nodiscard]] BatchScore evaluate_test() const;
  [[nodiscard]] BatchScore evaluate_train() const;
  [[nodiscard]] const Mlp& network() const { return network_; }
  [[nodiscard]] std::size_t epochs_done() const { return epochs_done_; }

 private:
  void apply_update();

  BpConfig config_;
  const BpData& data_;
  Mlp network_;
  Optimizer optimizer_;
  MlpGradients gradients_;
  MlpWorkspace workspace_;
  std::unique_ptr<ChunkPool> pool_;  // a pointer: evaluation is const but runs loops on it
  std::vector<std::uint32_t> order_;
  std::vector<std::uint8_t> batch_labels_;
  std::size_t epochs_done_ = 0;
};

struct BpRun {
  Mlp network;
  std::vector<BpEpochRecord> epochs;
  std::vector<PruningRound> pruning_rounds;
  BatchScore test;                // of the final network
  BatchScore train;               // of the final network, on the whole training set
  std::size_t pruned_target = 0;  // synapses kept by pruned/budget (0: not pruned)
  double total_wall_s = 0.0;
};

// The network a config trains: {features, hidden, classes}, initialised from the seed.
[[nodiscard]] Mlp make_network(const BpConfig& config, const BpData& data);

// Synapses the pruned/budget variants keep in their selected layers; throws a one-line
// error naming the config key when the target exceeds what the layers hold.
[[nodiscard]] std::size_t pruning_target(const BpConfig& config, const Mlp& network);

// Trains and evaluates `config.variant` on `data`.
[[nodiscard]] BpRun run_bp(const BpConfig& config, const BpData& data,
                           const BpProgress& progress = {});

}  // namespace sprout::models
