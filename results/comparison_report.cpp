#include "results/comparison_report.hpp"

#include <cmath>

namespace sprout::results {
namespace {

using nlohmann::json;

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

json headline_json(const HeadlineRow& row) {
  return {{"name", row.name},
          {"test_accuracy", row.test_accuracy},
          {"nonzero_synapses", row.nonzero_synapses},
          {"bits_per_synapse", row.bits_per_synapse},
          {"operations_per_image", row.operations_per_image},
          {"operation", row.operation},
          {"energy_pj", row.energy_pj},
          {"energy_at_mac_cost_pj", row.energy_at_mac_cost_pj},
          {"fixed_inhibitory_synapses", row.fixed_inhibitory_synapses},
          {"inhibitory_operations_fraction", row.inhibitory_operations_fraction}};
}

HeadlineRow read_headline(const io::ResultReader& in) {
  HeadlineRow row{in.text("name"),
                  in.fraction("test_accuracy"),
                  in.count("nonzero_synapses"),
                  in.number("bits_per_synapse"),
                  in.number("operations_per_image"),
                  in.text("operation"),
                  in.number("energy_pj"),
                  in.number("energy_at_mac_cost_pj")};
  row.fixed_inhibitory_synapses = in.count("fixed_inhibitory_synapses");
  row.inhibitory_operations_fraction = in.fraction("inhibitory_operations_fraction");
  return row;
}

json run_json(const RunComparison& run) {
  const RunInformation& information = run.information;
  json out = {{"name", run.name},
              {"kind", run.kind},
              {"file", run.file},
              {"git_revision", run.git_revision},
              {"config", run.config},
              {"test_accuracy", run.test_accuracy},
              {"nonzero_synapses", run.nonzero_synapses},
              {"information",
               {{"train_prediction_label", information.train_prediction_label},
                {"train_label_entropy_bits", information.train_label_entropy_bits},
                {"test_prediction_label", information.test_prediction_label},
                {"test_label_entropy_bits", information.test_label_entropy_bits},
                {"hidden_code_label", information.hidden_code_label}}},
              {"synaptic_capacity", run.synaptic_capacity},
              {"test_information_per_synapse", run.test_information_per_synapse},
              {"storage_cost", run.storage_cost},
              {"task_bits_per_storage_bit", run.task_bits_per_storage_bit},
              {"operations", run.operations},
              {"energy",
               {{"counted", run.energy.counted},
                {"operation", run.energy.operation},
                {"operations_per_image", run.energy.operations_per_image},
                {"native_pj", run.energy.native_pj},
                {"at_mac_cost_pj", run.energy.at_mac_cost_pj}}}};
  out["test_confusion"] = run.test_confusion;
  if (run.variant) out["variant"] = *run.variant;
  return out;
}

RunComparison read_run(const io::ResultReader& in) {
  RunComparison run;
  run.name = in.text("name");
  run.kind = in.text("kind");
  if (run.kind != "structural" && run.kind != "bp")
    in.fail("kind", "expected \"structural\" or \"bp\"");
  if (in.has("variant")) run.variant = in.text("variant");
  run.file = in.text("file");
  run.git_revision = in.text("git_revision");
  run.config = in.raw("config");
  run.test_accuracy = in.fraction("test_accuracy");
  read(in.at("nonzero_synapses"), run.nonzero_synapses);
  const io::ResultReader information = in.at("information").object();
  read(information.at("train_prediction_label"), run.information.train_prediction_label);
  run.information.train_label_entropy_bits = information.number("train_label_entropy_bits");
  read(information.at("test_prediction_label"), run.information.test_prediction_label);
  run.information.test_label_entropy_bits = information.number("test_label_entropy_bits");
  read(information.at("hidden_code_label"), run.information.hidden_code_label);
  read(in.at("synaptic_capacity"), run.synaptic_capacity);
  read(in.at("test_information_per_synapse"), run.test_information_per_synapse);
  read(in.at("storage_cost"), run.storage_cost);
  run.task_bits_per_storage_bit = in.number("task_bits_per_storage_bit");
  for (const auto& [name, report] : in.at("operations").members())
    read(report, run.operations[name]);
  const io::ResultReader energy = in.at("energy").object();
  run.energy = {energy.text("counted"), energy.text("operation"),
                energy.number("operations_per_image"), energy.number("native_pj"),
                energy.number("at_mac_cost_pj")};
  read(in.at("test_confusion"), run.test_confusion);
  return run;
}

json optional_text(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
}

std::optional<std::string> read_optional_text(const io::ResultReader& in, const char* key) {
  if (in.at(key).value().is_null()) return std::nullopt;
  return in.text(key);
}

json sweep_json(const SweepComparison& sweep) {
  json points = json::array();
  for (const SweepRow& row : sweep.points) {
    points.push_back({{"hidden", row.hidden},
                      {"density", row.density},
                      {"nonzero_synapses", row.nonzero_synapses},
                      {"test_accuracy", row.test_accuracy}});
  }
  json per_hidden = json::array();
  for (const SweepHiddenSize& size : sweep.per_hidden) {
    per_hidden.push_back({{"hidden", size.hidden},
                          {"overparameterisation", size.overparameterisation},
                          {"equal_accuracy", size.equal_accuracy}});
  }
  return {{"file", sweep.file},
          {"git_revision", sweep.git_revision},
          {"config", sweep.config},
          {"points", points},
          {"tolerance_points", sweep.tolerance_points},
          {"per_hidden", per_hidden},
          {"max_overparameterisation_factor", sweep.max_overparameterisation_factor},
          {"equal_accuracy_any_hidden", sweep.equal_accuracy_any_hidden}};
}

SweepComparison read_sweep(const io::ResultReader& in) {
  SweepComparison sweep;
  sweep.file = in.text("file");
  sweep.git_revision = in.text("git_revision");
  sweep.config = in.raw("config");
  for (const io::ResultReader& row : in.items("points")) {
    sweep.points.push_back({row.count("hidden"), row.number("density"),
                            row.number("nonzero_synapses"), row.fraction("test_accuracy")});
  }
  sweep.tolerance_points = in.number("tolerance_points");
  for (const io::ResultReader& size : in.items("per_hidden")) {
    sweep.per_hidden.push_back({size.count("hidden"),
                                read_as<OverparameterisationFactor>(size, "overparameterisation"),
                                read_as<EqualAccuracyRatio>(size, "equal_accuracy")});
  }
  sweep.max_overparameterisation_factor = in.number("max_overparameterisation_factor");
  read(in.at("equal_accuracy_any_hidden"), sweep.equal_accuracy_any_hidden);
  return sweep;
}

json spread_json(const Spread& spread) {
  return {{"mean", spread.mean}, {"sd", spread.sd}, {"min", spread.min}, {"max", spread.max}};
}

Spread read_spread(const io::ResultReader& in) {
  const io::ResultReader spread = in.object();
  return {spread.number("mean"), spread.number("sd"), spread.number("min"), spread.number("max")};
}

json structural_runs_json(const StructuralRuns& runs) {
  json points = json::array();
  for (const StructuralRunPoint& point : runs.points) {
    points.push_back({{"file", point.file},
                      {"hidden", point.hidden},
                      {"seed", point.seed},
                      {"test_accuracy", point.test_accuracy},
                      {"nonzero_synapses", point.nonzero_synapses},
                      {"energy_pj", point.energy_pj}});
  }
  json groups = json::array();
  for (const StructuralRunGroup& group : runs.groups) {
    groups.push_back({{"hidden", group.hidden},
                      {"runs", group.runs},
                      {"test_accuracy", spread_json(group.test_accuracy)},
                      {"nonzero_synapses", spread_json(group.nonzero_synapses)},
                      {"energy_pj", spread_json(group.energy_pj)}});
  }
  return {{"points", points}, {"groups", groups}};
}

StructuralRuns read_structural_runs(const io::ResultReader& value) {
  const io::ResultReader in = value.object();
  StructuralRuns runs;
  for (const io::ResultReader& item : in.items("points")) {
    const io::ResultReader point = item.object();
    runs.points.push_back({point.text("file"), point.count("hidden"), point.count("seed"),
                           point.fraction("test_accuracy"), point.count("nonzero_synapses"),
                           point.number("energy_pj")});
  }
  for (const io::ResultReader& item : in.items("groups")) {
    const io::ResultReader group = item.object();
    runs.groups.push_back(
        {group.count("hidden"), group.count("runs"), read_spread(group.at("test_accuracy")),
         read_spread(group.at("nonzero_synapses")), read_spread(group.at("energy_pj"))});
  }
  return runs;
}

}  // namespace

json ComparisonReport::to_json() const {
  json document = document_start(ResultKind::kCompare, provenance);
  document["command_line"] = command_line;
  json rows = json::array();
  for (const HeadlineRow& row : headline)
    rows.push_back(headline_json(row));
  document["headline"] = rows;
  json run_list = json::array();
  for (const RunComparison& run : runs)
    run_list.push_back(run_json(run));
  document["runs"] = run_list;
  json epochs = json::array();
  for (const TrainingPoint& point : structural_training) {
    epochs.push_back({{"epoch", point.epoch},
                      {"test_accuracy", point.test_accuracy},
                      {"realised", point.realised},
                      {"silent", point.silent},
                      {"consolidated", point.consolidated}});
  }
  document["structural_training"] = epochs;
  json timeline = json::array();
  for (const StructurePoint& point : structural_timeline) {
    timeline.push_back({{"epoch", point.epoch},
                        {"images", point.images},
                        {"realised", point.realised},
                        {"consolidated", point.consolidated},
                        {"grown", point.grown},
                        {"eliminated", point.eliminated}});
  }
  document["structural_timeline"] = timeline;
  document["structural_files"] = {
      {"receptive_fields_svg", optional_text(structural_files.receptive_fields_svg)},
      {"raster_test_image_0", optional_text(structural_files.raster_test_image_0)},
      {"raster_t_end_ms", structural_files.raster_t_end_ms}};
  document["sweep"] = sweep ? sweep_json(*sweep) : json(nullptr);
  document["paper_table"] = paper_table ? *paper_table : json(nullptr);
  document["structural_front"] = structural_front ? *structural_front : json(nullptr);
  document["structural_runs"] =
      structural_runs ? structural_runs_json(*structural_runs) : json(nullptr);
  replace_non_finite(document);
  return document;
}

ComparisonReport ComparisonReport::from_json(const json& document, std::string source) {
  const io::ResultReader in = open_document(document, std::move(source), ResultKind::kCompare);
  ComparisonReport report;
  read(in.at("provenance"), report.provenance);
  report.command_line = in.text("command_line");
  for (const io::ResultReader& row : in.items("headline"))
    report.headline.push_back(read_headline(row));
  for (const io::ResultReader& run : in.items("runs"))
    report.runs.push_back(read_run(run));
  for (const io::ResultReader& point : in.items("structural_training")) {
    report.structural_training.push_back({point.count("epoch"), point.fraction("test_accuracy"),
                                          point.count("realised"), point.count("silent"),
                                          point.count("consolidated")});
  }
  for (const io::ResultReader& point : in.items("structural_timeline")) {
    report.structural_timeline.push_back({point.count("epoch"), point.count("images"),
                                          point.count("realised"), point.count("consolidated"),
                                          point.count("grown"), point.count("eliminated")});
  }
  const io::ResultReader files = in.at("structural_files").object();
  report.structural_files = {read_optional_text(files, "receptive_fields_svg"),
                             read_optional_text(files, "raster_test_image_0"),
                             files.number("raster_t_end_ms")};
  if (!in.at("sweep").value().is_null()) report.sweep = read_sweep(in.at("sweep"));
  if (in.has("paper_table") && !in.at("paper_table").value().is_null())
    report.paper_table = in.at("paper_table").object().value();
  if (in.has("structural_front") && !in.at("structural_front").value().is_null())
    report.structural_front = in.at("structural_front").object().value();
  if (in.has("structural_runs") && !in.at("structural_runs").value().is_null())
    report.structural_runs = read_structural_runs(in.at("structural_runs"));
  return report;
}

}  // namespace sprout::results
