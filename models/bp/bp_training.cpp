#include "models/bp/bp_training.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <numeric>
#include <stdexcept>

#include "models/bp/bp_parallel.hpp"
#include "models/bp/bp_pruning.hpp"
#include "models/bp/bp_random.hpp"

namespace sprout::models {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Optimizer parameters: layer l's weights are parameter 2l, its biases 2l + 1.
std::vector<std::size_t> parameter_sizes(const Mlp& network) {
  std::vector<std::size_t> sizes;
  for (const DenseLayer& layer : network.layers()) {
    sizes.push_back(static_cast<std::size_t>(layer.weights.size()));
    sizes.push_back(static_cast<std::size_t>(layer.bias.size()));
  }
  return sizes;
}

std::size_t weight_parameter(std::size_t layer) {
  return 2 * layer;
}
std::size_t bias_parameter(std::size_t layer) {
  return 2 * layer + 1;
}

std::vector<std::size_t> nonzero_per_layer(const Mlp& network) {
  std::vector<std::size_t> counts;
  for (const DenseLayer& layer : network.layers())
    counts.push_back(layer.nonzero_synapses());
  return counts;
}

}  // namespace

BpTrainer::BpTrainer(const BpConfig& config, const BpData& data, Mlp network)
    : config_(config),
      data_(data),
      network_(std::move(network)),
      optimizer_(config.optimizer, parameter_sizes(network_)),
      gradients_(network_),
      pool_(std::make_unique<ChunkPool>(config.threads)) {
  if (network_.inputs() != data_.train.width() || network_.inputs() != data_.test.width())
    throw std::invalid_argument("BpTrainer: the network's inputs differ from the feature width");
  if (network_.classes() != data_.classes)
    throw std::invalid_argument("BpTrainer: the network's outputs differ from the classes");
  if (data_.train.size() == 0) throw std::invalid_argument("BpTrainer: no training samples");
  if (config_.variant == BpVariant::kL1) {
    for (std::size_t index : selected_layers(network_, config_.l1.layers))
      network_.layers()[index].ensure_mask();
  }
}

void BpTrainer::apply_update() {
  optimizer_.begin_step();
  const bool l1 = config_.variant == BpVariant::kL1;
  const bool nonnegative = config_.variant == BpVariant::kNonnegative;
  const std::vector<std::size_t> l1_layers =
      l1 ? selected_layers(network_, config_.l1.layers) : std::vector<std::size_t>{};
  const std::vector<std::size_t> nonnegative_layers =
      nonnegative ? selected_layers(network_, config_.nonnegative.layers)
                  : std::vector<std::size_t>{};
  const float threshold = config_.optimizer.learning_rate * config_.l1.strength;
  const float nonnegative_threshold =
      config_.optimizer.learning_rate * config_.nonnegative.strength;
  const auto selects = [](const std::vector<std::size_t>& layers, std::size_t index) {
    return std::find(layers.begin(), layers.end(), index) != layers.end();
  };
  for (std::size_t index = 0; index < network_.layers().size(); ++index) {
    DenseLayer& layer = network_.layers()[index];
    RowMatrix& gradient = gradients_.weights[index];
    const bool shrink = selects(l1_layers, index);
    const bool project = selects(nonnegative_layers, index);
    const auto width = static_cast<std::size_t>(layer.inputs());
    pool_->for_each_chunk(layer.outputs(), [&](IndexRange rows) {
      if (layer.is_masked()) {  // a pruned synapse learns nothing
        auto block = gradient.middleRows(rows.begin, rows.size).array();
        block = (layer.present.middleRows(rows.begin, rows.size).array() != 0).select(block, 0.0F);
      }
      const std::size_t offset = static_cast<std::size_t>(rows.begin) * width;
      const std::size_t count = static_cast<std::size_t>(rows.size) * width;
      optimizer_.update(weight_parameter(index), offset,
                        std::span(layer.weights.data() + offset, count),
                        std::span(gradient.data() + offset, count));
      // Adam's update of a zero-gradient weight is not exactly zero while its moments
      // decay, so pruned weights are put back to exactly zero after every step.
      if (shrink) {
        l1_proximal_step(layer, threshold, rows);
      } else if (project) {
        nonnegative_l1_step(layer, nonnegative_threshold, rows);
      } else {
        layer.zero_pruned_rows(rows.begin, rows.size);
      }
    });
    optimizer_.update(bias_parameter(index), 0,
                      std::span(layer.bias.data(), static_cast<std::size_t>(layer.bias.size())),
                      std::span(gradients_.bias[index].data(),
                                static_cast<std::size_t>(gradients_.bias[index].size())));
  }
}

BpEpochRecord BpTrainer::train_epoch(std::string phase, const BpProgress& progress) {
  const auto start = Clock::now();
  const FeatureSet& train = data_.train;
  const std::size_t samples = train.size();
  const std::size_t batch_size = config_.batch_size;
  order_.resize(samples);
  std::iota(order_.begin(), order_.end(), std::uint32_t{0});
  RandomStream stream(config_.seed, epochs_done_, kBpShuffleStream);
  shuffle_in_place(order_, stream);

  BatchScore running;
  for (std::size_t begin = 0; begin < samples; begin += batch_size) {
    const std::size_t rows = std::min(batch_size, samples - begin);
    workspace_.input.resize(static_cast<Eigen::Index>(rows), train.features.cols());
    batch_labels_.resize(rows);
    for (std::size_t row = 0; row < rows; ++row) {
      const std::uint32_t sample = order_[begin + row];
      workspace_.input.row(static_cast<Eigen::Index>(row)) = train.features.row(sample);
      batch_labels_[row] = train.labels[sample];
    }
    running += compute_gradients(network_, workspace_.input, batch_labels_, workspace_, gradients_,
                                 *pool_);
    apply_update();
    if (progress.batch) progress.batch(begin + rows, samples);
  }
  const double wall_s = seconds_since(start);
  ++epochs_done_;

  const BatchScore test = evaluate_test();
  BpEpochRecord record{epochs_done_,
                       std::move(phase),
                       running.mean_loss(),
                       running.accuracy(),
                       test.mean_loss(),
                       test.accuracy(),
                       wall_s,
                       nonzero_per_layer(network_)};
  if (progress.epoch) progress.epoch(record);
  return record;
}

void BpTrainer::prune(LayerSelection selection, std::size_t keep_total) {
  const auto pruned = prune_network(network_, selection, keep_total);
  for (std::size_t layer = 0; layer < pruned.size(); ++layer)
    for (std::size_t index : pruned[layer])
      optimizer_.clear_state(weight_parameter(layer), index);
}

BatchScore BpTrainer::evaluate_test() const {
  return evaluate(network_, data_.test.features, data_.test.labels, *pool_);
}

BatchScore BpTrainer::evaluate_train() const {
  return evaluate(network_, data_.train.features, data_.train.labels, *pool_);
}

Mlp make_network(const BpConfig& config, const BpData& data) {
  const std::array<std::size_t, 3> sizes{data.train.width(), config.hidden, data.classes};
  Mlp network(sizes);
  network.initialise(config.seed);
  return network;
}

std::size_t pruning_target(const BpConfig& config, const Mlp& network) {
  const bool budget = config.variant == BpVariant::kBudget;
  const LayerSelection selection = budget ? config.budget.layers : config.pruning.layers;
  const std::size_t dense = selected_dense_synapses(network, selection);
  std::size_t target = budget ? config.budget.synapses : config.pruning.target_synapses;
  const char* key = budget ? "budget.synapses" : "pruning.target_synapses";
  if (!budget && target == 0) {
    target = std::max<std::size_t>(
        1, static_cast<std::size_t>(
               std::llround(config.pruning.target_density * static_cast<double>(dense))));
  }
  if (target == 0 || target > dense) {
    throw std::runtime_error(fmt::format("{}: {} is not in [1, {}], the synapses of layers '{}'",
                                         key, target, dense, to_string(selection)));
  }
  return target;
}

BpRun run_bp(const BpConfig& config, const BpData& data, const BpProgress& progress) {
  const auto start = Clock::now();
  BpTrainer trainer(config, data, make_network(config, data));
  const bool prunes = config.variant == BpVariant::kPruned || config.variant == BpVariant::kBudget;
  const std::size_t target = prunes ? pruning_target(config, trainer.network()) : 0;

  BpRun run{trainer.network(), {}, {}, {}, {}, target, 0.0};
  for (std::size_t epoch = 0; epoch < config.epochs; ++epoch)
    run.epochs.push_back(trainer.train_epoch("train", progress));

  if (prunes) {
    const LayerSelection selection =
        config.variant == BpVariant::kBudget ? config.budget.layers : config.pruning.layers;
    const std::size_t rounds = config.pruning.rounds;
    const std::vector<std::size_t> schedule =
        pruning_schedule(selected_dense_synapses(trainer.network(), selection), target, rounds);
    for (std::size_t round = 0; round < rounds; ++round) {
      trainer.prune(selection, schedule[round]);
      const double accuracy = trainer.evaluate_test().accuracy();
      run.pruning_rounds.push_back({round + 1, schedule[round], accuracy});
      if (progress.note) {
        progress.note(fmt::format(
            "pruning round {}/{}: kept {} synapses of layers '{}', test "
            "accuracy before retraining {:.2f}%",
            round + 1, rounds, schedule[round], to_string(selection), 100.0 * accuracy));
      }
      for (std::size_t epoch = 0; epoch < config.pruning.retrain_epochs; ++epoch) {
        run.epochs.push_back(
            trainer.train_epoch(fmt::format("retrain {}/{}", round + 1, rounds), progress));
      }
    }
  }
  run.network = trainer.network();
  run.test = trainer.evaluate_test();
  run.train = trainer.evaluate_train();
  run.total_wall_s = seconds_since(start);
  return run;
}

}  // namespace sprout::models
