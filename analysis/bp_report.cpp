#include "analysis/bp_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "analysis/network_measures.hpp"
#include "analysis/overparameterisation.hpp"

namespace sprout::analysis {
namespace {

std::size_t sum(std::span<const std::size_t> counts) {
  return std::accumulate(counts.begin(), counts.end(), std::size_t{0});
}

// One multiply-accumulate per synapse per image; biases and ReLUs are not counted.
results::MacsPerImage macs_per_image(std::span<const std::size_t> nonzero,
                                     std::span<const std::size_t> dense) {
  return {sum(dense), sum(nonzero)};
}

std::vector<std::size_t> dense_per_layer(const models::Mlp& network) {
  std::vector<std::size_t> counts;
  for (const models::DenseLayer& layer : network.layers())
    counts.push_back(static_cast<std::size_t>(layer.weights.size()));
  return counts;
}

results::BpEpoch epoch_result(const models::BpEpochRecord& record) {
  return {record.epoch,      record.phase,
          record.train_loss, record.train_accuracy,
          record.test_loss,  record.test_accuracy,
          record.wall_s,     bp_synapse_counts(record.nonzero_synapses)};
}

SweepPoint curve_point(const models::BpSweepPoint& point) {
  return {static_cast<double>(point.nonzero_total()), 100.0 * point.test_accuracy};
}

// The sweep point a curve point came from (for its hidden size and density).
const models::BpSweepPoint& source_of(std::span<const models::BpSweepPoint> points,
                                      const SweepPoint& wanted) {
  return *std::find_if(points.begin(), points.end(), [&](const models::BpSweepPoint& point) {
    const SweepPoint candidate = curve_point(point);
    return candidate.synapses == wanted.synapses &&
           candidate.accuracy_percent == wanted.accuracy_percent;
  });
}

results::SweepFactor sweep_factor(std::span<const models::BpSweepPoint> points,
                                  const OverparameterisationFactor& factor) {
  const models::BpSweepPoint& smallest = source_of(points, factor.smallest);
  return {factor.factor, smallest.hidden, smallest.density, smallest.nonzero_total(),
          smallest.test_accuracy};
}

// Per hidden size: dense synapses over the smallest net within the tolerance, (a) on the
// size's own pruning curve, (b) among all nets of the sweep that are smaller.
results::SweepOverparameterisation sweep_overparameterisation(
    std::span<const models::BpSweepPoint> points, double tolerance_points) {
  results::SweepOverparameterisation out;
  out.definition =
      "synapses of the dense net / synapses of the smallest pruned net whose test accuracy is "
      "within tolerance_points of the dense net's";
  out.tolerance_points = tolerance_points;
  std::vector<std::size_t> hidden_sizes;
  for (const auto& point : points)
    if (std::find(hidden_sizes.begin(), hidden_sizes.end(), point.hidden) == hidden_sizes.end())
      hidden_sizes.push_back(point.hidden);
  for (std::size_t hidden : hidden_sizes) {
    const auto dense = std::find_if(points.begin(), points.end(), [&](const auto& point) {
      return point.hidden == hidden && point.density >= 1.0;
    });
    if (dense == points.end() || dense->nonzero_total() == 0) continue;
    std::vector<SweepPoint> same{curve_point(*dense)};
    std::vector<SweepPoint> across{curve_point(*dense)};
    for (const auto& point : points) {
      if (point.nonzero_total() == 0 || &point == &*dense) continue;
      if (point.hidden == hidden) same.push_back(curve_point(point));
      if (point.nonzero_total() < dense->nonzero_total()) across.push_back(curve_point(point));
    }
    const auto same_factor = overparameterisation_factor(same, tolerance_points);
    const auto across_factor = overparameterisation_factor(across, tolerance_points);
    out.max_same_hidden = std::max(out.max_same_hidden, same_factor.factor);
    out.max_any_hidden = std::max(out.max_any_hidden, across_factor.factor);
    out.per_hidden.push_back({hidden, dense->nonzero_total(), dense->test_accuracy,
                              sweep_factor(points, same_factor),
                              sweep_factor(points, across_factor)});
  }
  return out;
}

}  // namespace

std::string bp_layer_name(std::size_t index, std::size_t layer_count) {
  if (layer_count == 2) return index == 0 ? "input_hidden" : "hidden_output";
  return fmt::format("layer_{}", index);
}

results::LayerCounts bp_synapse_counts(std::span<const std::size_t> per_layer) {
  results::LayerCounts counts;
  for (std::size_t index = 0; index < per_layer.size(); ++index)
    counts.layers[bp_layer_name(index, per_layer.size())] = per_layer[index];
  counts.total = sum(per_layer);
  return counts;
}

results::Measures bp_measures(const models::Mlp& network, const models::BpData& data, int threads) {
  const MlpOutputs train = mlp_outputs(network, data.train.features, threads);
  const MlpOutputs test = mlp_outputs(network, data.test.features, threads);
  MeasuresInput input;
  input.train = {data.train.labels, train.predictions};
  input.test = {data.test.labels, test.predictions};
  input.classes = data.classes;
  input.test_hidden_codes = SampleMatrix(test.hidden_activations, test.hidden);
  input.hidden_options.binning = Binning::kEqualWidth;
  const auto layers = network.layers();
  for (std::size_t index = 0; index < layers.size(); ++index) {
    const auto& weights = layers[index].weights;
    input.layers.push_back(dense_layer_synapses(
        bp_layer_name(index, layers.size()),
        std::span<const float>(weights.data(), static_cast<std::size_t>(weights.size()))));
  }
  return network_measures(input);
}

results::BpResults bp_run_results(const models::BpRun& run, const models::BpConfig& config,
                                  const models::BpData& data, const BpRunContext& context) {
  std::vector<std::size_t> nonzero;
  for (const models::DenseLayer& layer : run.network.layers())
    nonzero.push_back(layer.nonzero_synapses());
  const std::vector<std::size_t> dense = dense_per_layer(run.network);

  results::BpResults results;
  results.provenance = results::provenance_of_this_build(context.command, models::to_json(config));
  results.variant = models::to_string(config.variant);
  results.inputs = models::to_string(config.inputs);
  results.input_scaling = {data.scaling.offset, data.scaling.scale};
  results.layer_sizes = run.network.layer_sizes();
  results.train_samples = run.train.samples;
  results.test_samples = run.test.samples;
  results.test_accuracy = run.test.accuracy();
  results.test_loss = run.test.mean_loss();
  results.train_accuracy = run.train.accuracy();
  results.train_loss = run.train.mean_loss();
  results.nonzero_synapses = bp_synapse_counts(nonzero);
  results.dense_synapses = bp_synapse_counts(dense);
  results.macs_per_image = macs_per_image(nonzero, dense);
  for (const models::BpEpochRecord& record : run.epochs) {
    results.epochs.push_back(epoch_result(record));
    results.epoch_wall_s.push_back(record.wall_s);
  }
  const std::vector<double>& wall_s = results.epoch_wall_s;
  results.mean_epoch_wall_s = wall_s.empty() ? 0.0
                                             : std::accumulate(wall_s.begin(), wall_s.end(), 0.0) /
                                                   static_cast<double>(wall_s.size());
  results.total_wall_s = run.total_wall_s;
  results.threads = config.threads;
  if (run.pruned_target > 0) {
    const bool budget = config.variant == models::BpVariant::kBudget;
    results::Pruning& pruning = results.pruning.emplace();
    pruning.layers = models::to_string(budget ? config.budget.layers : config.pruning.layers);
    pruning.target_synapses = run.pruned_target;
    for (const models::PruningRound& round : run.pruning_rounds) {
      pruning.rounds.push_back(
          {round.round, round.kept_synapses, round.test_accuracy_after_pruning});
    }
  }
  if (!context.budget_source.empty())
    results.budget = results::Budget{config.budget.synapses, context.budget_source};
  results.weights_file = context.weights_file;
  results.measures = bp_measures(run.network, data, config.threads);
  return results;
}

results::BpSweepResults bp_sweep_results(std::span<const models::BpSweepPoint> points,
                                         const models::BpSweepConfig& config,
                                         const std::string& command, double total_wall_s) {
  results::BpSweepResults results;
  results.provenance = results::provenance_of_this_build(command, models::to_json(config));
  for (const models::BpSweepPoint& point : points) {
    results.points.push_back(
        {point.hidden, point.density, bp_synapse_counts(point.nonzero_synapses),
         bp_synapse_counts(point.dense_synapses),
         macs_per_image(point.nonzero_synapses, point.dense_synapses), point.test_accuracy,
         point.test_loss, point.epochs_trained, point.train_wall_s});
  }
  results.overparameterisation = sweep_overparameterisation(points, config.tolerance_points);
  results.total_wall_s = total_wall_s;
  return results;
}

std::string bp_sweep_csv(std::span<const models::BpSweepPoint> points) {
  std::string csv =
      "hidden,density,nonzero_input_hidden,nonzero_hidden_output,nonzero_total,dense_total,"
      "test_accuracy,test_loss,epochs_trained,train_wall_s\n";
  for (const models::BpSweepPoint& point : points) {
    const std::size_t first = point.nonzero_synapses.empty() ? 0 : point.nonzero_synapses.front();
    csv += fmt::format("{},{},{},{},{},{},{:.6f},{:.6f},{},{:.3f}\n", point.hidden, point.density,
                       first, point.nonzero_total() - first, point.nonzero_total(),
                       point.dense_total(), point.test_accuracy, point.test_loss,
                       point.epochs_trained, point.train_wall_s);
  }
  return csv;
}

}  // namespace sprout::analysis
