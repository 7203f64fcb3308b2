#include "analysis/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>

#include "analysis/network_measures.hpp"
#include "analysis/overparameterisation.hpp"
#include "analysis/paper_table.hpp"
#include "analysis/synaptic_capacity.hpp"
#include "results/bp_results.hpp"
#include "results/bp_sweep_results.hpp"
#include "results/train_results.hpp"

namespace sprout::analysis {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view key,
                       std::string_view problem) {
  throw std::runtime_error(fmt::format("{}: {}: {}", file.string(), key, problem));
}

std::size_t total(const results::ConfusionMatrix& matrix) {
  std::size_t sum = 0;
  for (const auto& row : matrix)
    for (std::size_t count : row)
      sum += count;
  return sum;
}

// I(prediction; label), H(label) and the capacity from one confusion matrix; the capacity
// counts `samples` samples (0: the matrix's own), each carrying the information per sample
// estimated from the matrix.
struct ConfusionInformation {
  InformationEstimate information{};
  InformationEstimate label_entropy{};
  SynapticCapacity capacity{};
};

ConfusionInformation confusion_information(const std::filesystem::path& file,
                                           const results::ConfusionMatrix& matrix,
                                           std::string_view key, std::size_t nonzero_synapses,
                                           std::size_t samples, const BootstrapOptions& bootstrap) {
  if (total(matrix) == 0) fail(file, key, "no samples");
  if (nonzero_synapses == 0) fail(file, "nonzero_synapses.total", "no synapses");
  const LabelledPredictions pairs = expand_confusion(matrix);
  ConfusionInformation out;
  out.information = mutual_information(pairs.predictions, pairs.labels, bootstrap);
  out.label_entropy = entropy(pairs.labels, {.replicates = 0});
  out.capacity = synaptic_capacity(out.information.bits, out.label_entropy.bits,
                                   samples > 0 ? samples : pairs.labels.size(), nonzero_synapses);
  return out;
}

// One operation count per layer of `counts`, in the layers' order.
NetworkOps layer_ops(const results::LayerCounts& counts, std::string network, OperationKind kind) {
  NetworkOps ops{std::move(network), kind, {}};
  for (const auto& [layer, count] : counts.layers)
    ops.layers.push_back({layer, static_cast<double>(count)});
  return ops;
}

// SynOps per test image of every layer, lateral inhibition and readout included.
NetworkOps synops(const models::SynOpsPerImage& synops) {
  NetworkOps ops{"structural", OperationKind::kAccumulate, {}};
  ops.layers.push_back({"input_to_hidden", synops.input_to_hidden});
  if (synops.lateral_inhibition)
    ops.layers.push_back({"lateral_inhibition", *synops.lateral_inhibition});
  if (synops.hidden_to_interneurons)
    ops.layers.push_back({"hidden_to_interneurons", *synops.hidden_to_interneurons});
  if (synops.interneurons_to_hidden)
    ops.layers.push_back({"interneurons_to_hidden", *synops.interneurons_to_hidden});
  ops.layers.push_back({"readout", synops.readout});
  return ops;
}

results::HeadlineEnergy headline_energy(const EnergyReport& report, std::string counted) {
  return {std::move(counted), operation_name(report.kind), report.operations_per_image,
          report.native_pj, report.at_mac_cost_pj};
}

// Metrics shared by both kinds of run, from what both record alike. `learnt_from` is the
// training set the network learnt from (N_train of C_S): `sprout train
// --measures-train-limit N` measures the information per sample on its first N images only.
results::RunComparison common_metrics(const std::filesystem::path& file, std::string name,
                                      const results::Provenance& provenance, double test_accuracy,
                                      const results::LayerCounts& nonzero_synapses,
                                      std::size_t learnt_from, const results::Measures& measures,
                                      const ComparisonRequest& request) {
  const std::size_t nonzero = nonzero_synapses.total;
  const ConfusionInformation train =
      confusion_information(file, measures.train_confusion, "measures.train_confusion", nonzero,
                            learnt_from, request.bootstrap);
  const ConfusionInformation test = confusion_information(
      file, measures.test_confusion, "measures.test_confusion", nonzero, 0, request.bootstrap);
  const double storage_bits = measures.storage_cost.bits_per_synapse;
  results::RunComparison run;
  run.name = std::move(name);
  run.file = file.string();
  run.git_revision = provenance.git_revision;
  run.config = provenance.config;
  run.test_accuracy = test_accuracy;
  run.nonzero_synapses = nonzero_synapses;
  run.information.train_prediction_label = train.information;
  run.information.train_label_entropy_bits = train.label_entropy.bits;
  run.information.test_prediction_label = test.information;
  run.information.test_label_entropy_bits = test.label_entropy.bits;
  run.information.hidden_code_label = measures.hidden_code_information;
  run.information.hidden_code_label.per_unit_bits.clear();  // one value per unit: not needed
  run.synaptic_capacity = train.capacity;
  run.test_information_per_synapse = test.capacity;
  run.storage_cost = measures.storage_cost;
  run.test_confusion = measures.test_confusion;
  run.task_bits_per_storage_bit =
      storage_bits > 0 ? train.capacity.bits_per_synapse / storage_bits : 0.0;
  return run;
}

const results::TrainFinal& final_of(const results::TrainResults& results,
                                    const std::filesystem::path& file) {
  if (!results.final) fail(file, "complete", "training did not finish (no final network)");
  return *results.final;
}

results::RunComparison structural_run(const std::filesystem::path& file,
                                      const results::TrainResults& results,
                                      const ComparisonRequest& request) {
  const results::TrainFinal& final = final_of(results, file);
  results::RunComparison run =
      common_metrics(file, "structural", results.provenance, final.epoch.test_accuracy,
                     final.nonzero_synapses, results.train_images, final.measures, request);
  run.kind = "structural";
  const EnergyReport ops = energy_report(synops(final.epoch.synops_per_test_image), request.costs);
  run.operations["synops"] = ops;
  run.energy = headline_energy(ops, "SynOps");
  return run;
}

results::RunComparison bp_run(const std::filesystem::path& file, const ComparisonRequest& request) {
  const auto results = results::read_results_file<results::BpResults>(file);
  const std::string network = "bp " + results.variant;
  results::RunComparison run =
      common_metrics(file, network, results.provenance, results.test_accuracy,
                     results.nonzero_synapses, results.train_samples, results.measures, request);
  run.kind = "bp";
  run.variant = results.variant;
  const EnergyReport dense = energy_report(
      layer_ops(results.dense_synapses, network + " dense", OperationKind::kMultiplyAccumulate),
      request.costs);
  const EnergyReport sparse = energy_report(
      layer_ops(results.nonzero_synapses, network + " sparse", OperationKind::kMultiplyAccumulate),
      request.costs);
  run.operations["dense_macs"] = dense;
  run.operations["sparse_macs"] = sparse;
  run.energy = headline_energy(sparse, "MACs of the non-zero weights");
  return run;
}

// Gives each run a unique name: "bp dense", "bp dense (2)", ...
void make_names_unique(std::vector<results::RunComparison>& runs) {
  std::map<std::string, int> seen;
  for (results::RunComparison& run : runs) {
    const int count = ++seen[run.name];
    if (count > 1) run.name = fmt::format("{} ({})", run.name, count);
  }
}

std::vector<results::TrainingPoint> structural_training(const results::TrainResults& results) {
  std::vector<results::TrainingPoint> epochs;
  for (const models::EpochRecord& record : results.epochs) {
    epochs.push_back({record.epoch, record.test_accuracy, record.synapses.realised,
                      record.synapses.silent, record.synapses.consolidated});
  }
  return epochs;
}

std::vector<results::StructurePoint> structural_timeline(const results::TrainResults& results) {
  std::vector<results::StructurePoint> points;
  for (const models::EpochRecord& record : results.epochs) {
    for (const models::StructureSample& sample : record.structure_during_epoch) {
      points.push_back({record.epoch, sample.images, sample.realised, sample.consolidated,
                        sample.grown, sample.eliminated});
    }
  }
  return points;
}

// Files beside the structural results.json that the HTML page shows.
results::StructuralFiles structural_files(const std::filesystem::path& file,
                                          const results::TrainResults& results) {
  const io::ResultReader config(results.provenance.config, file.string(), "provenance.config");
  results::StructuralFiles files;
  files.raster_t_end_ms = config.at("encoder").number("t_present_ms");
  const std::filesystem::path folder = file.parent_path();
  const auto beside = [&](const std::string& name, const char* key) {
    const std::filesystem::path path = folder / name;
    if (!std::filesystem::exists(path))
      fail(file, key, fmt::format("listed file {} does not exist", path.string()));
    return path.string();
  };
  const results::TrainFiles& listed = final_of(results, file).files;
  files.receptive_fields_svg = beside(listed.receptive_fields, "files.receptive_fields");
  files.raster_test_image_0 = beside(listed.raster_test_image_0, "files.raster_test_image_0");
  return files;
}

// The table's rows, checked, in the layout table2.json has.
json paper_table_section(const std::filesystem::path& file) {
  const json document = io::read_json_file(file);
  const io::ResultReader table =
      results::open_document(document, file.string(), results::ResultKind::kPaperTable);
  json section = paper_table_json(read_paper_table_rows(table));
  section["file"] = file.string();
  section["git_revision"] = table.at("provenance").object().text("git_revision");
  return section;
}

// The front's points, each checked, in ascending order of synapses.
json structural_front_section(const std::filesystem::path& file) {
  const json document = io::read_json_file(file);
  const io::ResultReader front = io::ResultReader(document, file.string()).object();
  json points = json::array();
  for (const io::ResultReader& item : front.items("points")) {
    const io::ResultReader point = item.object();
    const std::size_t synapses = point.at("nonzero_synapses").object().count("total");
    if (synapses == 0) point.fail("nonzero_synapses.total", "must be > 0");
    const double energy_nj = point.number("energy_nj_per_test_image");
    if (!(energy_nj >= 0)) point.fail("energy_nj_per_test_image", "must be >= 0");
    points.push_back({{"hidden", point.count("hidden")},
                      {"presynaptic_budget", point.count("presynaptic_budget")},
                      {"nonzero_synapses", synapses},
                      {"test_accuracy", point.fraction("test_accuracy")},
                      {"energy_nj_per_test_image", energy_nj}});
  }
  if (points.empty()) front.fail("points", "no point");
  std::sort(points.begin(), points.end(), [](const json& a, const json& b) {
    return a["nonzero_synapses"].get<std::size_t>() < b["nonzero_synapses"].get<std::size_t>();
  });
  return {{"file", file.string()}, {"points", points}};
}

// Mean and sample sd as the paper table computes them over seeds, with the range.
results::Spread spread_of(std::vector<double> values) {
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  const double min = *low;
  const double max = *high;
  const SeedSpread seeds = seed_spread(std::move(values));
  return {.mean = seeds.mean, .sd = seeds.sd, .min = min, .max = max};
}

results::StructuralRunPoint structural_point(const std::filesystem::path& file,
                                             const results::TrainResults& results,
                                             const EnergyCosts& costs) {
  const results::TrainFinal& final = final_of(results, file);
  const io::ResultReader config(results.provenance.config, file.string(), "provenance.config");
  return {file.string(),
          config.object().at("network").object().count("hidden"),
          config.object().count("seed"),
          final.epoch.test_accuracy,
          final.nonzero_synapses.total,
          energy_report(synops(final.epoch.synops_per_test_image), costs).native_pj};
}

// The config of a run without the keys that may differ between runs of one group.
json config_of_group(const json& config) {
  json kept = config;
  kept.erase("seed");
  kept.erase("threads");  // results do not depend on it
  return kept;
}

// Every structural run as a point, and grouped by hidden size with their spread. Runs of
// one hidden size must differ only in their seed: their spread is then the seed's.
results::StructuralRuns structural_runs_section(const results::TrainResults& first,
                                                const ComparisonRequest& request) {
  results::StructuralRuns runs;
  std::vector<json> configs;
  runs.points.push_back(structural_point(request.structural, first, request.costs));
  configs.push_back(config_of_group(first.provenance.config));
  for (const std::filesystem::path& file : request.more_structural) {
    const auto results = results::read_results_file<results::TrainResults>(file);
    runs.points.push_back(structural_point(file, results, request.costs));
    configs.push_back(config_of_group(results.provenance.config));
  }
  std::map<std::size_t, std::vector<std::size_t>> by_hidden;  // indices of points
  for (std::size_t k = 0; k < runs.points.size(); ++k) {
    std::vector<std::size_t>& group = by_hidden[runs.points[k].hidden];
    if (!group.empty()) {
      const json difference = json::diff(configs[group.front()], configs[k]);
      if (!difference.empty()) {
        // A JSON pointer ("/structural/budget") as the dotted key of every other message.
        std::string key = "provenance.config" + difference.front().at("path").get<std::string>();
        std::replace(key.begin(), key.end(), '/', '.');
        fail(runs.points[k].file, key,
             fmt::format("differs from {} of the same hidden size; runs of one hidden size "
                         "may differ only in their seed",
                         runs.points[group.front()].file));
      }
    }
    group.push_back(k);
  }
  for (const auto& [hidden, members] : by_hidden) {
    std::vector<double> accuracy, synapses, energy;
    for (const std::size_t k : members) {
      accuracy.push_back(runs.points[k].test_accuracy);
      synapses.push_back(static_cast<double>(runs.points[k].nonzero_synapses));
      energy.push_back(runs.points[k].energy_pj);
    }
    runs.groups.push_back({hidden, members.size(), spread_of(std::move(accuracy)),
                           spread_of(std::move(synapses)), spread_of(std::move(energy))});
  }
  return runs;
}

results::SweepComparison sweep_section(const std::filesystem::path& file,
                                       const results::RunComparison& structural,
                                       double tolerance_points) {
  const auto sweep = results::read_results_file<results::BpSweepResults>(file);
  results::SweepComparison out;
  std::vector<SweepPoint> all;
  std::map<std::size_t, std::vector<SweepPoint>> per_hidden;
  for (const results::BpSweepPointResult& row : sweep.points) {
    const SweepPoint point{static_cast<double>(row.nonzero_synapses.total),
                           100.0 * row.test_accuracy};
    out.points.push_back({row.hidden, row.density, point.synapses, point.accuracy_percent / 100.0});
    if (point.synapses <= 0) continue;
    all.push_back(point);
    per_hidden[row.hidden].push_back(point);
  }
  if (all.empty()) fail(file, "points", "no point with synapses");
  const SweepPoint target{static_cast<double>(structural.nonzero_synapses.total),
                          100.0 * structural.test_accuracy};
  for (auto& [hidden, curve] : per_hidden) {
    const auto factor = overparameterisation_factor(curve, tolerance_points);
    out.max_overparameterisation_factor =
        std::max(out.max_overparameterisation_factor, factor.factor);
    out.per_hidden.push_back({hidden, factor, synapse_ratio_at_equal_accuracy(curve, target)});
  }
  out.file = file.string();
  out.git_revision = sweep.provenance.git_revision;
  out.config = sweep.provenance.config;
  out.tolerance_points = tolerance_points;
  out.equal_accuracy_any_hidden = synapse_ratio_at_equal_accuracy(all, target);
  return out;
}

// The layers that carry inhibition: fixed, not learnt.
bool inhibitory_layer(const std::string& name) {
  return name == "lateral_inhibition" || name == "hidden_to_interneurons" ||
         name == "interneurons_to_hidden";
}

results::HeadlineRow headline_row(const results::RunComparison& run) {
  results::HeadlineRow row{run.name,
                           run.test_accuracy,
                           run.nonzero_synapses.total,
                           run.synaptic_capacity.bits_per_synapse,
                           run.energy.operations_per_image,
                           run.energy.operation,
                           run.energy.native_pj,
                           run.energy.at_mac_cost_pj};
  row.fixed_inhibitory_synapses = run.nonzero_synapses.fixed_lateral_inhibition.value_or(0) +
                                  run.nonzero_synapses.fixed_interneuron_synapses.value_or(0);
  const auto synops = run.operations.find("synops");
  if (synops != run.operations.end() && synops->second.operations_per_image > 0) {
    double inhibitory = 0;
    for (const results::LayerEnergy& layer : synops->second.layers)
      if (inhibitory_layer(layer.name)) inhibitory += layer.operations_per_image;
    row.inhibitory_operations_fraction = inhibitory / synops->second.operations_per_image;
  }
  return row;
}

}  // namespace

results::ComparisonReport compare_runs(const ComparisonRequest& request) {
  if (request.bp.empty()) throw std::runtime_error("compare: at least one --bp results file");
  if (request.costs.accumulate_pj < 0 || request.costs.multiply_accumulate_pj < 0)
    throw std::runtime_error("compare: energy costs must be >= 0");
  const auto structural = results::read_results_file<results::TrainResults>(request.structural);
  results::ComparisonReport report;
  report.runs.push_back(structural_run(request.structural, structural, request));
  for (const auto& path : request.bp)
    report.runs.push_back(bp_run(path, request));
  make_names_unique(report.runs);

  json inputs = {{"structural", request.structural.string()}, {"bp", json::array()}};
  inputs["more_structural"] = json::array();
  for (const auto& path : request.more_structural)
    inputs["more_structural"].push_back(path.string());
  for (const auto& path : request.bp)
    inputs["bp"].push_back(path.string());
  inputs["sweep"] = request.sweep ? json(request.sweep->string()) : json(nullptr);
  inputs["paper_table"] = request.paper_table ? json(request.paper_table->string()) : json(nullptr);
  inputs["structural_front"] =
      request.structural_front ? json(request.structural_front->string()) : json(nullptr);
  json config = {{"inputs", inputs},
                 {"energy_costs_pj", request.costs},
                 {"tolerance_points", request.tolerance_points},
                 {"bootstrap",
                  {{"replicates", request.bootstrap.replicates},
                   {"confidence", request.bootstrap.confidence},
                   {"seed", request.bootstrap.seed}}}};
  report.provenance = results::provenance_of_this_build("compare", std::move(config));
  report.command_line = request.command_line;
  for (const results::RunComparison& run : report.runs)
    report.headline.push_back(headline_row(run));
  report.structural_training = structural_training(structural);
  report.structural_timeline = structural_timeline(structural);
  report.structural_files = structural_files(request.structural, structural);
  if (request.sweep)
    report.sweep = sweep_section(*request.sweep, report.runs.front(), request.tolerance_points);
  if (request.paper_table) report.paper_table = paper_table_section(*request.paper_table);
  if (request.structural_front)
    report.structural_front = structural_front_section(*request.structural_front);
  if (!request.more_structural.empty())
    report.structural_runs = structural_runs_section(structural, request);
  return report;
}

}  // namespace sprout::analysis
