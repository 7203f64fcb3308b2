#include "analysis/bp_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "analysis/overparameterisation.hpp"
#include "io/results_file.hpp"

namespace sprout::analysis {
namespace {

using nlohmann::json;

std::size_t sum(std::span<const std::size_t> counts) {
  return std::accumulate(counts.begin(), counts.end(), std::size_t{0});
}

// One multiply-accumulate per synapse per image; biases and ReLUs are not counted.
json macs_per_image(std::span<const std::size_t> nonzero, std::span<const std::size_t> dense) {
  return {{"dense", sum(dense)}, {"sparse", sum(nonzero)}};
}

std::vector<std::size_t> dense_per_layer(const models::Mlp& network) {
  std::vector<std::size_t> counts;
  for (const models::DenseLayer& layer : network.layers())
    counts.push_back(static_cast<std::size_t>(layer.weights.size()));
  return counts;
}

json epoch_json(const models::EpochRecord& record) {
  return {{"epoch", record.epoch},
          {"phase", record.phase},
          {"train_loss", record.train_loss},
          {"train_accuracy", record.train_accuracy},
          {"test_loss", record.test_loss},
          {"test_accuracy", record.test_accuracy},
          {"wall_s", record.wall_s},
          {"nonzero_synapses", bp_synapse_counts(record.nonzero_synapses)}};
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

json factor_json(std::span<const models::BpSweepPoint> points,
                 const OverparameterisationFactor& factor) {
  const models::BpSweepPoint& smallest = source_of(points, factor.smallest);
  return {{"factor", factor.factor},
          {"smallest_within_tolerance",
           {{"hidden", smallest.hidden},
            {"density", smallest.density},
            {"nonzero_synapses", smallest.nonzero_total()},
            {"test_accuracy", smallest.test_accuracy}}}};
}

// Per hidden size: dense synapses over the smallest net within the tolerance, (a) on the
// size's own pruning curve, (b) among all nets of the sweep that are smaller.
json overparameterisation_json(std::span<const models::BpSweepPoint> points,
                               double tolerance_points) {
  json per_hidden = json::array();
  double max_same = 0.0;
  double max_across = 0.0;
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
    max_same = std::max(max_same, same_factor.factor);
    max_across = std::max(max_across, across_factor.factor);
    per_hidden.push_back({{"hidden", hidden},
                          {"dense_synapses", dense->nonzero_total()},
                          {"dense_test_accuracy", dense->test_accuracy},
                          {"same_hidden", factor_json(points, same_factor)},
                          {"any_hidden", factor_json(points, across_factor)}});
  }
  return {{"definition",
           "synapses of the dense net / synapses of the smallest pruned net whose test accuracy "
           "is within tolerance_points of the dense net's"},
          {"tolerance_points", tolerance_points},
          {"per_hidden", per_hidden},
          {"max_same_hidden", max_same},
          {"max_any_hidden", max_across}};
}

}  // namespace

std::string bp_layer_name(std::size_t index, std::size_t layer_count) {
  if (layer_count == 2) return index == 0 ? "input_hidden" : "hidden_output";
  return fmt::format("layer_{}", index);
}

json bp_synapse_counts(std::span<const std::size_t> per_layer) {
  json counts = json::object();
  for (std::size_t index = 0; index < per_layer.size(); ++index)
    counts[bp_layer_name(index, per_layer.size())] = per_layer[index];
  counts["total"] = sum(per_layer);
  return counts;
}

json bp_run_report(const models::BpRun& run, const models::BpConfig& config,
                   const BpRunContext& context) {
  std::vector<std::size_t> nonzero;
  for (const models::DenseLayer& layer : run.network.layers())
    nonzero.push_back(layer.nonzero_synapses());
  const std::vector<std::size_t> dense = dense_per_layer(run.network);

  json epochs = json::array();
  std::vector<double> epoch_wall_s;
  for (const models::EpochRecord& record : run.epochs) {
    epochs.push_back(epoch_json(record));
    epoch_wall_s.push_back(record.wall_s);
  }
  const double mean_wall_s = epoch_wall_s.empty()
                                 ? 0.0
                                 : std::accumulate(epoch_wall_s.begin(), epoch_wall_s.end(), 0.0) /
                                       static_cast<double>(epoch_wall_s.size());

  json document;
  document["provenance"] = io::provenance(context.command, models::to_json(config));
  document["variant"] = models::to_string(config.variant);
  document["inputs"] = models::to_string(config.inputs);
  document["input_scaling"] = {{"offset", context.scaling.offset},
                               {"scale", context.scaling.scale},
                               {"folded_into_weights_file", true}};
  document["layer_sizes"] = run.network.layer_sizes();
  document["train_samples"] = run.train.samples;
  document["test_samples"] = run.test.samples;
  document["test_accuracy"] = run.test.accuracy();
  document["test_loss"] = run.test.mean_loss();
  document["train_accuracy"] = run.train.accuracy();
  document["train_loss"] = run.train.mean_loss();
  document["nonzero_synapses"] = bp_synapse_counts(nonzero);
  document["dense_synapses"] = bp_synapse_counts(dense);
  document["macs_per_image"] = macs_per_image(nonzero, dense);
  document["epoch_wall_s"] = epoch_wall_s;
  document["mean_epoch_wall_s"] = mean_wall_s;
  document["total_wall_s"] = run.total_wall_s;
  document["threads"] = config.threads;
  document["epochs"] = epochs;
  if (run.pruned_target > 0) {
    json rounds = json::array();
    for (const models::PruningRound& round : run.pruning_rounds) {
      rounds.push_back({{"round", round.round},
                        {"kept_synapses", round.kept_synapses},
                        {"test_accuracy_after_pruning", round.test_accuracy_after_pruning}});
    }
    const bool budget = config.variant == models::BpVariant::kBudget;
    document["pruning"] = {
        {"layers", models::to_string(budget ? config.budget.layers : config.pruning.layers)},
        {"target_synapses", run.pruned_target},
        {"rounds", rounds}};
  }
  if (!context.budget_source.empty()) {
    document["budget"] = {{"synapses", config.budget.synapses}, {"source", context.budget_source}};
  }
  document["weights_file"] = context.weights_file;
  return document;
}

json bp_sweep_report(std::span<const models::BpSweepPoint> points,
                     const models::BpSweepConfig& config, const std::string& command,
                     double total_wall_s) {
  json rows = json::array();
  for (const models::BpSweepPoint& point : points) {
    rows.push_back(
        {{"hidden", point.hidden},
         {"density", point.density},
         {"nonzero_synapses", bp_synapse_counts(point.nonzero_synapses)},
         {"dense_synapses", bp_synapse_counts(point.dense_synapses)},
         {"macs_per_image", macs_per_image(point.nonzero_synapses, point.dense_synapses)},
         {"test_accuracy", point.test_accuracy},
         {"test_loss", point.test_loss},
         {"epochs_trained", point.epochs_trained},
         {"train_wall_s", point.train_wall_s}});
  }
  json document;
  document["provenance"] = io::provenance(command, models::to_json(config));
  document["points"] = rows;
  document["overparameterisation"] = overparameterisation_json(points, config.tolerance_points);
  document["total_wall_s"] = total_wall_s;
  return document;
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
