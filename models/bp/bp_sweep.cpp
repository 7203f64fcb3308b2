#include "models/bp/bp_sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/bp/bp_pruning.hpp"

namespace sprout::models {

std::size_t BpSweepPoint::nonzero_total() const {
  return std::accumulate(nonzero_synapses.begin(), nonzero_synapses.end(), std::size_t{0});
}

std::size_t BpSweepPoint::dense_total() const {
  return std::accumulate(dense_synapses.begin(), dense_synapses.end(), std::size_t{0});
}

std::vector<BpSweepPoint> run_bp_sweep_for_hidden(
    const BpSweepConfig& config, const BpData& data, std::size_t hidden, const BpProgress& progress,
    const std::function<void(const BpSweepPoint&)>& on_point) {
  std::vector<BpSweepPoint> points;
  BpConfig training = config.training;
  training.hidden = hidden;
  training.variant = BpVariant::kDense;
  BpTrainer trainer(training, data, make_network(training, data));
  double wall_s = 0.0;
  const auto measure = [&](double density) {
    const BatchScore test = trainer.evaluate_test();
    BpSweepPoint point{
        hidden, density, {}, {}, test.accuracy(), test.mean_loss(), trainer.epochs_done(), wall_s};
    for (const DenseLayer& layer : trainer.network().layers()) {
      point.nonzero_synapses.push_back(layer.nonzero_synapses());
      point.dense_synapses.push_back(static_cast<std::size_t>(layer.weights.size()));
    }
    if (on_point) on_point(point);
    points.push_back(std::move(point));
  };
  const auto train = [&](std::size_t epochs, const std::string& phase) {
    for (std::size_t epoch = 0; epoch < epochs; ++epoch)
      wall_s += trainer.train_epoch(phase, progress).wall_s;
  };

  train(training.epochs, fmt::format("hidden {} dense", hidden));
  measure(1.0);
  const std::size_t prunable = selected_dense_synapses(trainer.network(), config.prune_layers);
  for (double density : config.densities) {
    if (density >= 1.0) continue;  // the dense network is always measured first
    const auto keep = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::llround(density * static_cast<double>(prunable))));
    trainer.prune(config.prune_layers, keep);
    train(config.retrain_epochs, fmt::format("hidden {} density {:g}", hidden, density));
    measure(density);
  }
  return points;
}

std::vector<BpSweepPoint> run_bp_sweep(const BpSweepConfig& config, const BpData& data,
                                       const BpProgress& progress,
                                       const std::function<void(const BpSweepPoint&)>& on_point) {
  std::vector<BpSweepPoint> points;
  for (std::size_t hidden : config.hidden_sizes) {
    std::vector<BpSweepPoint> of_hidden =
        run_bp_sweep_for_hidden(config, data, hidden, progress, on_point);
    points.insert(points.end(), of_hidden.begin(), of_hidden.end());
  }
  return points;
}

}  // namespace sprout::models
