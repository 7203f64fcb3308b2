#include "analysis/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "analysis/network_measures.hpp"
#include "analysis/overparameterisation.hpp"
#include "analysis/synaptic_capacity.hpp"
#include "io/results_file.hpp"

namespace sprout::analysis {

using nlohmann::json;

const json* find_path(const json& document, std::string_view dotted_path) {
  const json* node = &document;
  while (!dotted_path.empty()) {
    const std::size_t dot = dotted_path.find('.');
    const std::string key(dotted_path.substr(0, dot));
    dotted_path = dot == std::string_view::npos ? std::string_view{} : dotted_path.substr(dot + 1);
    if (node->is_object()) {
      const auto found = node->find(key);
      if (found == node->end()) return nullptr;
      node = &*found;
    } else if (node->is_array() && !key.empty() &&
               std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const std::size_t index = std::stoul(key);
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

namespace {

enum class RunKind { kStructural, kBp, kSweep };

// The command that wrote each kind, as results.json records it.
std::string_view writer_of(RunKind kind) {
  switch (kind) {
    case RunKind::kStructural:
      return "train";
    case RunKind::kBp:
      return "bp";
    case RunKind::kSweep:
      return "bp sweep";
  }
  return "";
}

// One input file: every access names the file and the field when something is missing.
class InputFile {
 public:
  InputFile(std::filesystem::path path, RunKind kind)
      : path_(std::move(path)), document_(io::read_json_file(path_)) {
    if (!document_.is_object()) fail("", "expected a JSON object");
    const json* command = find_path(document_, "command");
    if (command == nullptr) command = find_path(document_, "provenance.command");
    if (command == nullptr || !command->is_string())
      fail("command", "missing: not a results file of sprout");
    if (command->get<std::string>() != writer_of(kind)) {
      fail("command", fmt::format("written by 'sprout {}', expected a results file of 'sprout {}'",
                                  command->get<std::string>(), writer_of(kind)));
    }
  }

  [[noreturn]] void fail(std::string_view field, std::string_view problem) const {
    throw std::runtime_error(field.empty()
                                 ? fmt::format("{}: {}", path_.string(), problem)
                                 : fmt::format("{}: {}: {}", path_.string(), field, problem));
  }

  [[nodiscard]] const json& at(std::string_view field) const {
    const json* value = find_path(document_, field);
    if (value == nullptr) fail(field, "missing");
    return *value;
  }
  [[nodiscard]] const json& object(std::string_view field) const {
    const json& value = at(field);
    if (!value.is_object()) fail(field, "expected an object");
    return value;
  }
  [[nodiscard]] const json& array(std::string_view field) const {
    const json& value = at(field);
    if (!value.is_array() || value.empty()) fail(field, "expected a non-empty array");
    return value;
  }
  [[nodiscard]] double number(std::string_view field) const {
    const json& value = at(field);
    if (!value.is_number()) fail(field, "expected a number");
    return value.get<double>();
  }
  [[nodiscard]] std::size_t count(std::string_view field) const {
    const json& value = at(field);
    if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<long long>() >= 0))
      fail(field, "expected a non-negative integer");
    return value.get<std::size_t>();
  }
  // count(field) when the field is there, else `fallback`.
  [[nodiscard]] std::size_t count_or(std::string_view field, std::size_t fallback) const {
    return find_path(document_, field) == nullptr ? fallback : count(field);
  }
  [[nodiscard]] std::string text(std::string_view field) const {
    const json& value = at(field);
    if (!value.is_string()) fail(field, "expected a string");
    return value.get<std::string>();
  }
  // A square matrix of counts.
  [[nodiscard]] std::vector<std::vector<std::size_t>> confusion(std::string_view field) const {
    const json& rows = array(field);
    std::vector<std::vector<std::size_t>> matrix;
    for (const json& row : rows) {
      if (!row.is_array() || row.size() != rows.size())
        fail(field, "expected a square matrix of counts");
      std::vector<std::size_t> counts;
      for (const json& cell : row) {
        if (!cell.is_number_unsigned()) fail(field, "expected a square matrix of counts");
        counts.push_back(cell.get<std::size_t>());
      }
      matrix.push_back(std::move(counts));
    }
    return matrix;
  }

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] const json& document() const { return document_; }

 private:
  std::filesystem::path path_;
  json document_;
};

std::size_t total(const std::vector<std::vector<std::size_t>>& matrix) {
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

ConfusionInformation confusion_information(const InputFile& file, std::string_view field,
                                           std::size_t nonzero_synapses, std::size_t samples,
                                           const BootstrapOptions& bootstrap) {
  const auto matrix = file.confusion(field);
  if (total(matrix) == 0) file.fail(field, "no samples");
  if (nonzero_synapses == 0) file.fail("nonzero_synapses.total", "no synapses");
  const LabelledPredictions pairs = expand_confusion(matrix);
  ConfusionInformation out;
  out.information = mutual_information(pairs.predictions, pairs.labels, bootstrap);
  out.label_entropy = entropy(pairs.labels, {.replicates = 0});
  out.capacity = synaptic_capacity(out.information.bits, out.label_entropy.bits,
                                   samples > 0 ? samples : pairs.labels.size(), nonzero_synapses);
  return out;
}

// Per-layer operation counts of an object {"<layer>": count, ..., "total": sum}.
NetworkOps layer_ops(const InputFile& file, std::string_view field, std::string network,
                     OperationKind kind) {
  NetworkOps ops{std::move(network), kind, {}};
  for (const auto& [layer, value] : file.object(field).items()) {
    if (layer == "total") continue;
    ops.layers.push_back({layer, file.number(fmt::format("{}.{}", field, layer))});
    (void)value;
  }
  if (ops.layers.empty()) file.fail(field, "no layers");
  return ops;
}

json headline_energy(const EnergyReport& report, std::string_view counted) {
  return {{"counted", counted},
          {"operation", operation_name(report.kind)},
          {"operations_per_image", report.operations_per_image},
          {"native_pj", report.native_pj},
          {"at_mac_cost_pj", report.at_mac_cost_pj}};
}

// Metrics shared by both kinds of run, from the fields both write alike.
json common_metrics(const InputFile& file, std::string name, double test_accuracy,
                    const ComparisonRequest& request) {
  const std::size_t nonzero = file.count("nonzero_synapses.total");
  // N_train of C_S is the training set the network learnt from (train: train_images, bp:
  // train_samples); `sprout train --measures-train-limit N` measures the information per
  // sample on its first N images only.
  const std::size_t learnt_from = file.count_or("train_images", file.count_or("train_samples", 0));
  const ConfusionInformation train = confusion_information(file, "measures.train_confusion",
                                                           nonzero, learnt_from, request.bootstrap);
  const ConfusionInformation test =
      confusion_information(file, "measures.test_confusion", nonzero, 0, request.bootstrap);
  const double storage_bits = file.number("measures.storage_cost.bits_per_synapse");
  json hidden = file.object("measures.hidden_code_information");
  hidden.erase("per_unit_bits");  // one value per unit: in the input, not needed here
  json run;
  run["name"] = std::move(name);
  run["file"] = file.path().string();
  run["test_accuracy"] = test_accuracy;
  run["nonzero_synapses"] = file.object("nonzero_synapses");
  run["information"] = {{"train_prediction_label", train.information},
                        {"train_label_entropy_bits", train.label_entropy.bits},
                        {"test_prediction_label", test.information},
                        {"test_label_entropy_bits", test.label_entropy.bits},
                        {"hidden_code_label", hidden}};
  run["synaptic_capacity"] = train.capacity;
  run["test_information_per_synapse"] = test.capacity;
  run["storage_cost"] = file.object("measures.storage_cost");
  run["task_bits_per_storage_bit"] =
      storage_bits > 0 ? train.capacity.bits_per_synapse / storage_bits : 0.0;
  return run;
}

json structural_run(const InputFile& file, const ComparisonRequest& request) {
  if (!file.at("complete").is_boolean() || !file.at("complete").get<bool>())
    file.fail("complete", "training did not finish (no final network)");
  json run = common_metrics(file, "structural", file.number("final.test_accuracy"), request);
  run["kind"] = "structural";
  run["git_revision"] = file.text("git_revision");
  run["config"] = file.object("config");
  const EnergyReport synops = energy_report(
      layer_ops(file, "final.synops_per_test_image", "structural", OperationKind::kAccumulate),
      request.costs);
  run["operations"] = {{"synops", synops}};
  run["energy"] = headline_energy(synops, "SynOps");
  return run;
}

json bp_run(const InputFile& file, const ComparisonRequest& request) {
  const std::string variant = file.text("variant");
  json run = common_metrics(file, "bp " + variant, file.number("test_accuracy"), request);
  run["kind"] = "bp";
  run["variant"] = variant;
  run["git_revision"] = file.text("provenance.git_revision");
  run["config"] = file.object("provenance.config");
  const std::string network = "bp " + variant;
  const EnergyReport dense = energy_report(
      layer_ops(file, "dense_synapses", network + " dense", OperationKind::kMultiplyAccumulate),
      request.costs);
  const EnergyReport sparse = energy_report(
      layer_ops(file, "nonzero_synapses", network + " sparse", OperationKind::kMultiplyAccumulate),
      request.costs);
  run["operations"] = {{"dense_macs", dense}, {"sparse_macs", sparse}};
  run["energy"] = headline_energy(sparse, "MACs of the non-zero weights");
  return run;
}

// Gives each run a unique name: "bp dense", "bp dense (2)", ...
void make_names_unique(json& runs) {
  std::map<std::string, int> seen;
  for (json& run : runs) {
    const std::string name = run["name"].get<std::string>();
    const int count = ++seen[name];
    if (count > 1) run["name"] = fmt::format("{} ({})", name, count);
  }
}

json structural_training(const InputFile& file) {
  json epochs = json::array();
  const json& records = file.array("epochs");
  for (std::size_t index = 0; index < records.size(); ++index) {
    const std::string prefix = fmt::format("epochs.{}.", index);
    epochs.push_back({{"epoch", file.count(prefix + "epoch")},
                      {"test_accuracy", file.number(prefix + "test_accuracy")},
                      {"realised", file.count(prefix + "synapses.realised")},
                      {"silent", file.count(prefix + "synapses.silent")},
                      {"consolidated", file.count(prefix + "synapses.consolidated")}});
  }
  return epochs;
}

// Files beside the structural results.json that the HTML page shows, if it lists them.
json structural_assets(const InputFile& file) {
  json assets = {{"receptive_fields_svg", nullptr},
                 {"raster_test_image_0", nullptr},
                 {"raster_t_end_ms", file.number("config.encoder.t_present_ms")}};
  const std::filesystem::path folder = file.path().parent_path();
  const auto add = [&](const char* key, const char* field) {
    const json* name = find_path(file.document(), field);
    if (name == nullptr) return;
    if (!name->is_string()) file.fail(field, "expected a file name");
    const std::filesystem::path path = folder / name->get<std::string>();
    if (!std::filesystem::exists(path))
      file.fail(field, fmt::format("listed file {} does not exist", path.string()));
    assets[key] = path.string();
  };
  add("receptive_fields_svg", "files.receptive_fields");
  add("raster_test_image_0", "files.raster_test_image_0");
  return assets;
}

json sweep_section(const InputFile& file, const json& structural, double tolerance_points) {
  const json& points = file.array("points");
  std::vector<SweepPoint> all;
  std::map<std::size_t, std::vector<SweepPoint>> per_hidden;
  json rows = json::array();
  for (std::size_t index = 0; index < points.size(); ++index) {
    const std::string prefix = fmt::format("points.{}.", index);
    const SweepPoint point{file.number(prefix + "nonzero_synapses.total"),
                           100.0 * file.number(prefix + "test_accuracy")};
    const std::size_t hidden = file.count(prefix + "hidden");
    rows.push_back({{"hidden", hidden},
                    {"density", file.number(prefix + "density")},
                    {"nonzero_synapses", point.synapses},
                    {"test_accuracy", point.accuracy_percent / 100.0}});
    if (point.synapses <= 0) continue;
    all.push_back(point);
    per_hidden[hidden].push_back(point);
  }
  if (all.empty()) file.fail("points", "no point with synapses");
  const SweepPoint target{structural["nonzero_synapses"]["total"].get<double>(),
                          100.0 * structural["test_accuracy"].get<double>()};
  json per_hidden_json = json::array();
  double max_factor = 0.0;
  for (auto& [hidden, curve] : per_hidden) {
    const auto factor = overparameterisation_factor(curve, tolerance_points);
    max_factor = std::max(max_factor, factor.factor);
    per_hidden_json.push_back({{"hidden", hidden},
                               {"overparameterisation", factor},
                               {"equal_accuracy", synapse_ratio_at_equal_accuracy(curve, target)}});
  }
  return {{"file", file.path().string()},
          {"git_revision", file.text("provenance.git_revision")},
          {"config", file.object("provenance.config")},
          {"points", rows},
          {"tolerance_points", tolerance_points},
          {"per_hidden", per_hidden_json},
          {"max_overparameterisation_factor", max_factor},
          {"equal_accuracy_any_hidden", synapse_ratio_at_equal_accuracy(all, target)}};
}

// NaN or infinite values (e.g. an equal-accuracy ratio that does not exist) become null,
// as they would in the written file anyway.
void replace_non_finite(json& node) {
  if (node.is_number_float() && !std::isfinite(node.get<double>())) {
    node = nullptr;
  } else if (node.is_structured()) {
    for (json& child : node)
      replace_non_finite(child);
  }
}

json headline_row(const json& run) {
  return {{"name", run["name"]},
          {"test_accuracy", run["test_accuracy"]},
          {"nonzero_synapses", run["nonzero_synapses"]["total"]},
          {"bits_per_synapse", run["synaptic_capacity"]["bits_per_synapse"]},
          {"operations_per_image", run["energy"]["operations_per_image"]},
          {"operation", run["energy"]["operation"]},
          {"energy_pj", run["energy"]["native_pj"]},
          {"energy_at_mac_cost_pj", run["energy"]["at_mac_cost_pj"]}};
}

}  // namespace

json compare_runs(const ComparisonRequest& request) {
  if (request.bp.empty()) throw std::runtime_error("compare: at least one --bp results file");
  if (request.costs.accumulate_pj < 0 || request.costs.multiply_accumulate_pj < 0)
    throw std::runtime_error("compare: energy costs must be >= 0");
  const InputFile structural_file(request.structural, RunKind::kStructural);
  json runs = json::array();
  runs.push_back(structural_run(structural_file, request));
  for (const auto& path : request.bp)
    runs.push_back(bp_run(InputFile(path, RunKind::kBp), request));
  make_names_unique(runs);

  json inputs = {{"structural", request.structural.string()}, {"bp", json::array()}};
  for (const auto& path : request.bp)
    inputs["bp"].push_back(path.string());
  inputs["sweep"] = request.sweep ? json(request.sweep->string()) : json(nullptr);
  json config = {{"inputs", inputs},
                 {"energy_costs_pj",
                  {{"accumulate", request.costs.accumulate_pj},
                   {"multiply_accumulate", request.costs.multiply_accumulate_pj}}},
                 {"tolerance_points", request.tolerance_points},
                 {"bootstrap",
                  {{"replicates", request.bootstrap.replicates},
                   {"confidence", request.bootstrap.confidence},
                   {"seed", request.bootstrap.seed}}}};
  json report = io::provenance("compare", config);
  report["command_line"] = request.command_line;
  report["headline"] = json::array();
  for (const json& run : runs)
    report["headline"].push_back(headline_row(run));
  report["runs"] = runs;
  report["structural_training"] = structural_training(structural_file);
  report["structural_files"] = structural_assets(structural_file);
  report["sweep"] = request.sweep ? sweep_section(InputFile(*request.sweep, RunKind::kSweep),
                                                  runs[0], request.tolerance_points)
                                  : json(nullptr);
  replace_non_finite(report);
  return report;
}

}  // namespace sprout::analysis
