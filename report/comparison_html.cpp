#include "report/comparison_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "analysis/information.hpp"
#include "analysis/synaptic_capacity.hpp"
#include "engine/spike_recorder.hpp"
#include "report/comparison_story.hpp"
#include "report/html_report.hpp"
#include "report/paper_table_html.hpp"
#include "report/svg_chart.hpp"

namespace sprout::report {

using nlohmann::json;

std::string display_number(double value, double scale) {
  const double shown = value * scale;
  if (std::isfinite(shown) && std::fabs(shown) < 1e15 &&
      (shown == std::floor(shown) || std::fabs(shown) >= 1000))
    return fmt::format("{:.0f}", shown);
  return fmt::format("{:.4g}", shown);
}

namespace {

// The value at a dotted path of the report ("runs.0.energy.native_pj"; array elements by
// index), or nullptr when absent: the page addresses every number by its path.
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

// A number of the report as a table cell that names its path and carries its value.
HtmlCell number_cell(const json& report, const std::string& path, double scale = 1.0) {
  const json* value = find_path(report, path);
  if (value == nullptr || !value->is_number()) return HtmlCell("n/a");
  return {display_number(value->get<double>(), scale), path, value->dump()};
}

std::string text_at(const json& report, const std::string& path) {
  const json* value = find_path(report, path);
  if (value == nullptr || value->is_null()) return "n/a";
  return value->is_string() ? value->get<std::string>() : value->dump();
}

// "[low, high]" of two numbers of the report, or "n/a" when either is absent (no bootstrap).
HtmlCell interval_cell(const json& report, const std::string& low_path,
                       const std::string& high_path) {
  const json* low = find_path(report, low_path);
  const json* high = find_path(report, high_path);
  if (low == nullptr || high == nullptr || !low->is_number() || !high->is_number())
    return HtmlCell("n/a");
  return HtmlCell(fmt::format("[{:.4g}, {:.4g}]", low->get<double>(), high->get<double>()));
}

// The interval of a per-synapse information: each end of the estimate's interval through
// the computation of the value itself (analysis::synaptic_capacity).
std::string scaled_interval(const results::InformationEstimate& estimate,
                            const results::SynapticCapacity& capacity) {
  if (!analysis::unsupported_reason(estimate).empty()) return "-";
  if (!std::isfinite(estimate.ci_low_bits) || !std::isfinite(estimate.ci_high_bits) ||
      capacity.nonzero_synapses == 0)
    return "n/a";
  const auto per_synapse = [&](double bits) {
    return analysis::synaptic_capacity(bits, capacity.label_entropy_bits, capacity.training_samples,
                                       capacity.nonzero_synapses)
        .bits_per_synapse;
  };
  return fmt::format("[{:.4g}, {:.4g}]", per_synapse(estimate.ci_low_bits),
                     per_synapse(estimate.ci_high_bits));
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open file", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void add_conclusion(HtmlReport& page, const results::ComparisonReport& comparison) {
  page.add_section("In short");
  for (const std::string& sentence : comparison_conclusion(comparison))
    page.add_paragraph(sentence);
}

// A number derived from an information estimate (C_S scales I(prediction; label)): shown
// only when that estimate is.
HtmlCell derived_cell(const json& report, const std::string& path,
                      const results::InformationEstimate& basis) {
  if (!analysis::unsupported_reason(basis).empty())
    return HtmlCell("not shown: the information it scales is not");
  return number_cell(report, path);
}

void add_headline(HtmlReport& page, const json& report,
                  const results::ComparisonReport& comparison) {
  page.add_section("Headline");
  HtmlTable table{
      .caption = "Per test image; energy at the costs below",
      .header = {"network", "test accuracy (%)", "non-zero synapses",
                 "fixed inhibitory synapses (not counted)", "operations through inhibition (%)",
                 "C_S (bits/synapse)", "operations/image", "operation", "energy (pJ/image)",
                 "energy at MAC cost (pJ/image)"}};
  for (std::size_t i = 0; i < report["headline"].size(); ++i) {
    const std::string row = fmt::format("headline.{}.", i);
    table.rows.push_back(
        {text_at(report, row + "name"), number_cell(report, row + "test_accuracy", 100),
         number_cell(report, row + "nonzero_synapses"),
         number_cell(report, row + "fixed_inhibitory_synapses"),
         number_cell(report, row + "inhibitory_operations_fraction", 100),
         derived_cell(report, row + "bits_per_synapse",
                      comparison.runs[i].information.train_prediction_label),
         number_cell(report, row + "operations_per_image"), text_at(report, row + "operation"),
         number_cell(report, row + "energy_pj"),
         number_cell(report, row + "energy_at_mac_cost_pj")});
  }
  page.add_table(table);
  page.add_paragraph(fmt::format(
      "Energy: {} pJ per accumulate (one per SynOp of the spiking network), {} pJ per "
      "multiply-accumulate (BP). Not counted: neuron state updates, leak, threshold "
      "comparisons, memory traffic, spike generation by the encoder, biases. BP is counted "
      "at its non-zero weights (sparse); the dense count is in the operations table. "
      "Definitions: docs/metrics.md.",
      text_at(report, "provenance.config.energy_costs_pj.accumulate"),
      text_at(report, "provenance.config.energy_costs_pj.multiply_accumulate")));
}

// The points of a curve in the order of their x values.
Series sorted_by_x(const Series& series) {
  std::vector<std::size_t> order(series.x.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return series.x[a] < series.x[b]; });
  Series sorted{.name = series.name, .style = series.style};
  for (std::size_t k : order) {
    sorted.x.push_back(series.x[k]);
    sorted.y.push_back(series.y[k]);
  }
  return sorted;
}

// Several structural runs by hidden size: mean, standard deviation and range.
void add_structural_runs_table(HtmlReport& page, const json& report) {
  if (report["structural_runs"].is_null()) return;
  HtmlTable table{
      .caption = "Structural runs by hidden size (sd: sample standard deviation)",
      .header = {"hidden neurons", "runs", "test accuracy (%), mean", "sd", "min", "max",
                 "non-zero synapses, mean", "sd", "min", "max", "energy (pJ/image), mean", "sd"}};
  for (std::size_t g = 0; g < report["structural_runs"]["groups"].size(); ++g) {
    const std::string group = fmt::format("structural_runs.groups.{}.", g);
    std::vector<HtmlCell> row{number_cell(report, group + "hidden"),
                              number_cell(report, group + "runs")};
    for (const char* statistic : {"mean", "sd", "min", "max"})
      row.push_back(number_cell(report, group + "test_accuracy." + statistic, 100));
    for (const char* statistic : {"mean", "sd", "min", "max"})
      row.push_back(number_cell(report, group + "nonzero_synapses." + statistic));
    for (const char* statistic : {"mean", "sd"})
      row.push_back(number_cell(report, group + "energy_pj." + statistic));
    table.rows.push_back(std::move(row));
  }
  page.add_table(table);
}

void add_accuracy_chart(HtmlReport& page, const json& report) {
  page.add_section("Accuracy against non-zero synapses");
  LineChart chart{.title = "Test accuracy against non-zero synapses (all layers)",
                  .x = {.label = "non-zero synapses", .log = true},
                  .y = {.label = "test accuracy (%)"}};
  if (!report["sweep"].is_null()) {
    std::map<std::size_t, Series> curves;
    for (const json& point : report["sweep"]["points"]) {
      if (point["nonzero_synapses"].get<double>() <= 0) continue;
      const auto hidden = point["hidden"].get<std::size_t>();
      Series& curve = curves[hidden];
      curve.name = fmt::format("BP sweep, {} hidden", hidden);
      curve.x.push_back(point["nonzero_synapses"].get<double>());
      curve.y.push_back(100.0 * point["test_accuracy"].get<double>());
    }
    for (const auto& [hidden, curve] : curves)
      chart.series.push_back(sorted_by_x(curve));
  }
  if (!report["structural_front"].is_null()) {
    Series front{.name = "structural rule front", .style = SeriesStyle::kLinesAndMarkers};
    for (const json& point : report["structural_front"]["points"]) {
      front.x.push_back(point["nonzero_synapses"].get<double>());
      front.y.push_back(100.0 * point["test_accuracy"].get<double>());
    }
    chart.series.push_back(sorted_by_x(front));
  }
  // Several structural runs: per hidden size the mean, with whiskers from min to max.
  if (!report["structural_runs"].is_null()) {
    Series spread{.name = "structural runs (mean, min-max)",
                  .style = SeriesStyle::kLinesAndMarkers};
    for (const json& group : report["structural_runs"]["groups"]) {
      const json& synapses = group["nonzero_synapses"];
      const json& accuracy = group["test_accuracy"];
      spread.x.push_back(synapses["mean"].get<double>());
      spread.x_low.push_back(synapses["min"].get<double>());
      spread.x_high.push_back(synapses["max"].get<double>());
      spread.y.push_back(100.0 * accuracy["mean"].get<double>());
      spread.y_low.push_back(100.0 * accuracy["min"].get<double>());
      spread.y_high.push_back(100.0 * accuracy["max"].get<double>());
    }
    chart.series.push_back(spread);  // groups come in ascending hidden size
  }
  // The structural run and each BP variant: a point, or a curve when several runs of the
  // variant were given (e.g. L1 runs of several strengths).
  std::vector<Series> groups;
  for (const json& run : report["runs"]) {
    const std::string name =
        run.contains("variant") ? "bp " + run["variant"].get<std::string>() : "structural";
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const Series& series) { return series.name == name; });
    if (group == groups.end()) group = groups.insert(groups.end(), Series{.name = name});
    group->x.push_back(run["nonzero_synapses"]["total"].get<double>());
    group->y.push_back(100.0 * run["test_accuracy"].get<double>());
  }
  for (Series& group : groups) {
    group.style = group.x.size() == 1 ? SeriesStyle::kMarkers : SeriesStyle::kLinesAndMarkers;
    chart.series.push_back(sorted_by_x(group));
  }
  page.add_svg(render_svg(chart),
               "The structural rule and each BP variant as a point (a curve when several runs "
               "of a variant are given); the BP pruning sweep, if given, as one curve per "
               "hidden size; the structural rule's front (--front), if given, as one curve; "
               "several structural runs, if given, by hidden size with their spread");
  add_structural_runs_table(page, report);
}

void add_training_chart(HtmlReport& page, const json& report) {
  page.add_section("Accuracy of the structural network after each epoch");
  LineChart accuracy{.title = "Test accuracy after each epoch",
                     .x = {.label = "epoch", .whole_numbers = true},
                     .y = {.label = "test accuracy (%)"}};
  Series test{.name = "test accuracy"};
  for (const json& epoch : report["structural_training"]) {
    test.x.push_back(epoch["epoch"].get<double>());
    test.y.push_back(100.0 * epoch["test_accuracy"].get<double>());
  }
  accuracy.series.push_back(std::move(test));
  page.add_svg(render_svg(accuracy), "Epochs after the features are frozen train only the readout");

  page.add_section("Synapses of the structural network during training");
  const json& timeline = report["structural_timeline"];
  if (!timeline.empty()) {
    // Images seen since training began, across the epochs that learn features.
    LineChart within{.title = "Input-to-hidden synapses while the features are learnt",
                     .x = {.label = "training images seen"},
                     .y = {.label = "synapses"}};
    std::vector<Series> series{{.name = "realised", .style = SeriesStyle::kLines},
                               {.name = "consolidated", .style = SeriesStyle::kLines},
                               {.name = "grown so far", .style = SeriesStyle::kLines},
                               {.name = "eliminated so far", .style = SeriesStyle::kLines}};
    double offset = 0;
    double epoch_images = 0;
    std::size_t epoch = 0;
    double grown_before = 0;
    double eliminated_before = 0;
    double grown_last = 0;
    double eliminated_last = 0;
    for (const json& point : timeline) {
      if (point["epoch"].get<std::size_t>() != epoch) {
        offset += epoch_images;
        grown_before += grown_last;
        eliminated_before += eliminated_last;
        epoch = point["epoch"].get<std::size_t>();
      }
      epoch_images = point["images"].get<double>();
      grown_last = point["grown"].get<double>();
      eliminated_last = point["eliminated"].get<double>();
      const double x = offset + epoch_images;
      const double values[] = {point["realised"].get<double>(), point["consolidated"].get<double>(),
                               grown_before + grown_last, eliminated_before + eliminated_last};
      for (std::size_t k = 0; k < series.size(); ++k) {
        series[k].x.push_back(x);
        series[k].y.push_back(values[k]);
      }
    }
    within.series = std::move(series);
    page.add_svg(render_svg(within),
                 "Recorded during training, about every 1% of an epoch that learns features; "
                 "grown and eliminated count every synapse made or removed so far");
  }
  LineChart chart{.title = "Input-to-hidden synapses after each epoch",
                  .x = {.label = "epoch", .whole_numbers = true},
                  .y = {.label = "synapses"}};
  for (const char* key : {"realised", "silent", "consolidated"}) {
    Series series{.name = key};
    for (const json& epoch : report["structural_training"]) {
      series.x.push_back(epoch["epoch"].get<double>());
      series.y.push_back(epoch[key].get<double>());
    }
    chart.series.push_back(std::move(series));
  }
  page.add_svg(render_svg(chart), "Realised = silent + consolidated");
}

// The test set's confusion matrix of run `r`: rows the label, columns the prediction,
// each count addressed by its path in report.json.
void add_confusion(HtmlReport& page, const json& report, std::size_t r) {
  const json& run = report["runs"][r];
  const json& matrix = run["test_confusion"];
  // The digits the run learnt (data.classes of its config), else 0..n-1.
  std::vector<std::string> names;
  const json* classes = find_path(run, "config.data.classes");
  for (std::size_t k = 0; k < matrix.size(); ++k) {
    names.push_back(classes != nullptr && classes->is_array() && k < classes->size()
                        ? (*classes)[k].dump()
                        : std::to_string(k));
  }
  HtmlTable table{.caption = fmt::format("{}: test images by label (rows) and prediction "
                                         "(columns); the diagonal is correct",
                                         run["name"].get<std::string>()),
                  .header = {"label \\ prediction"}};
  for (const std::string& name : names)
    table.header.push_back(name);
  for (std::size_t i = 0; i < matrix.size(); ++i) {
    std::vector<HtmlCell> row{HtmlCell(names[i])};
    for (std::size_t j = 0; j < matrix.size(); ++j)
      row.push_back(number_cell(report, fmt::format("runs.{}.test_confusion.{}.{}", r, i, j)));
    table.rows.push_back(std::move(row));
  }
  page.add_table(table);
}

void add_confusion_matrices(HtmlReport& page, const json& report) {
  page.add_section("Confusion matrices on the test set");
  add_confusion(page, report, 0);
  if (report["runs"].size() > 1) add_confusion(page, report, 1);
}

void add_structural_pictures(HtmlReport& page, const json& report) {
  const json& files = report["structural_files"];
  page.add_section("Receptive fields of the structural network");
  if (files["receptive_fields_svg"].is_string()) {
    page.add_svg(
        read_text(files["receptive_fields_svg"].get<std::string>()),
        "The structural run's receptive_fields.svg: hidden neurons by the class the readout "
        "weighs them most for, the most class-specific first");
  } else {
    page.add_paragraph("The structural results list no receptive-field picture.");
  }
  page.add_section("Spike raster of test image 0");
  if (!files["raster_test_image_0"].is_string()) {
    page.add_paragraph("The structural results list no raster.");
    return;
  }
  const auto spikes = engine::read_raster_binary(files["raster_test_image_0"].get<std::string>());
  std::vector<double> times;
  std::vector<std::uint32_t> neurons;
  for (const auto& spike : spikes) {
    times.push_back(spike.t_ms);
    neurons.push_back(spike.neuron);
  }
  // Global ids: the 28 x 28 inputs first, then the hidden neurons (docs/formats.md).
  constexpr std::size_t kInputs = 28 * 28;
  const json& network = report["runs"][0]["config"]["network"];
  const std::size_t hidden =
      network.is_object() && network.contains("hidden") ? network["hidden"].get<std::size_t>() : 0;
  const std::uint32_t top = neurons.empty() ? 0 : *std::max_element(neurons.begin(), neurons.end());
  SpikeRaster raster{.title = "Spikes of test image 0",
                     .times_ms = times,
                     .neurons = neurons,
                     .t_start_ms = 0,
                     .t_end_ms = files["raster_t_end_ms"].get<double>(),
                     .neuron_count = std::max(static_cast<std::size_t>(top) + 1, kInputs + hidden),
                     .first_hidden = kInputs};
  page.add_svg(render_svg(raster), fmt::format("{} spikes", spikes.size()));
}

// What an operation count of a run counts, for a chart label.
std::string counted_label(const std::string& key) {
  if (key == "synops") return "SynOps";
  if (key == "dense_macs") return "MACs, all weights";
  if (key == "sparse_macs") return "MACs, non-zero weights";
  return key;
}

void add_operations(HtmlReport& page, const json& report) {
  page.add_section("Operations and energy per test image");
  BarSeries native{.name = "at its own cost"};
  BarSeries at_mac{.name = "all at MAC cost"};
  std::vector<std::string> categories;
  HtmlTable table{.caption = "Operations per test image, per layer",
                  .header = {"network", "count", "layer", "operations/image", "energy (pJ)",
                             "energy at MAC cost (pJ)"}};
  for (std::size_t r = 0; r < report["runs"].size(); ++r) {
    const json& run = report["runs"][r];
    for (const auto& [key, ops] : run["operations"].items()) {
      categories.push_back(run["name"].get<std::string>() + "\n" + counted_label(key));
      native.values.push_back(ops["native_pj_per_image"].get<double>());
      at_mac.values.push_back(ops["at_mac_cost_pj_per_image"].get<double>());
      const std::string base = fmt::format("runs.{}.operations.{}.", r, key);
      for (std::size_t l = 0; l < ops["layers"].size(); ++l) {
        const std::string layer = fmt::format("{}layers.{}.", base, l);
        table.rows.push_back({run["name"].get<std::string>(), key, text_at(report, layer + "name"),
                              number_cell(report, layer + "operations_per_image"),
                              number_cell(report, layer + "native_pj"),
                              number_cell(report, layer + "at_mac_cost_pj")});
      }
      table.rows.push_back({run["name"].get<std::string>(), key, "all layers",
                            number_cell(report, base + "operations_per_image"),
                            number_cell(report, base + "native_pj_per_image"),
                            number_cell(report, base + "at_mac_cost_pj_per_image")});
    }
  }
  // One readable unit (pJ, nJ, µJ) for all bars; a log axis when they span decades.
  double low = std::numeric_limits<double>::infinity();
  double high = 0;
  for (const BarSeries* series : {&native, &at_mac}) {
    for (const double value : series->values) {
      low = std::min(low, value);
      high = std::max(high, value);
    }
  }
  const EnergyUnit unit = energy_unit(high);
  for (BarSeries* series : {&native, &at_mac}) {
    for (double& value : series->values)
      value /= unit.picojoules;
  }
  const bool log = low > 0 && high / low >= 100;
  BarChart chart;
  chart.title = "Energy per test image";
  chart.categories = std::move(categories);
  chart.y.label = fmt::format("{} per image{}", unit.name, log ? " (log scale)" : "");
  chart.y.log = log;
  chart.series = {native, at_mac};
  chart.frame.width = 1000;
  chart.frame.margin_bottom = 64;
  page.add_svg(render_svg(chart),
               "SynOps of the spiking network priced as accumulates; BP's MACs, dense and at "
               "the non-zero weights");
  page.add_table(table);
}

struct MetricRow {
  const char* label;
  const char* path;  // within a run
  double scale = 1.0;
};

constexpr MetricRow kCountRows[] = {
    {"test accuracy (%)", "test_accuracy", 100.0},
    {"non-zero synapses, input to hidden", "nonzero_synapses.input_hidden"},
    {"non-zero synapses, hidden to output", "nonzero_synapses.hidden_output"},
    {"non-zero synapses, total", "nonzero_synapses.total"},
    {"fixed lateral-inhibition synapses (not counted above)",
     "nonzero_synapses.fixed_lateral_inhibition"},
    {"fixed interneuron synapses (not counted above)",
     "nonzero_synapses.fixed_interneuron_synapses"},
    {"training samples", "synaptic_capacity.training_samples"},
    {"H(label), training set (bits)", "information.train_label_entropy_bits"},
};

constexpr MetricRow kCostRows[] = {
    {"storage cost (bits/synapse)", "storage_cost.bits_per_synapse"},
    {"operations per image (headline count)", "energy.operations_per_image"},
    {"energy per image (pJ)", "energy.native_pj"},
    {"energy per image at MAC cost (pJ)", "energy.at_mac_cost_pj"},
};

// An information estimate of every run: the value, or why it is not shown, and its
// interval beneath it.
struct EstimateRow {
  const char* label;
  const char* path;  // within a run
  const results::InformationEstimate& (*of)(const results::RunComparison&);
};

const EstimateRow kEstimateRows[] = {
    {"I(prediction; label), training set (bits/sample)", "information.train_prediction_label",
     [](const results::RunComparison& run) -> const results::InformationEstimate& {
       return run.information.train_prediction_label;
     }},
    {"I(prediction; label), test set (bits/sample)", "information.test_prediction_label",
     [](const results::RunComparison& run) -> const results::InformationEstimate& {
       return run.information.test_prediction_label;
     }},
    {"I(hidden code; label), most active unit (bits)", "information.hidden_code_label.winner",
     [](const results::RunComparison& run) -> const results::InformationEstimate& {
       return run.information.hidden_code_label.winner;
     }},
    {"I(hidden code; label), whole code (bits)", "information.hidden_code_label.joint",
     [](const results::RunComparison& run) -> const results::InformationEstimate& {
       return run.information.hidden_code_label.joint;
     }},
};

void add_rows(HtmlTable& table, const json& report, std::span<const MetricRow> rows) {
  for (const MetricRow& metric : rows) {
    std::vector<HtmlCell> row{HtmlCell(metric.label)};
    for (std::size_t r = 0; r < report["runs"].size(); ++r)
      row.push_back(number_cell(report, fmt::format("runs.{}.{}", r, metric.path), metric.scale));
    table.rows.push_back(std::move(row));
  }
}

void add_estimate_rows(HtmlTable& table, const json& report,
                       const results::ComparisonReport& comparison) {
  for (const EstimateRow& estimate : kEstimateRows) {
    std::vector<HtmlCell> value{HtmlCell(estimate.label)};
    const double confidence =
        comparison.runs.empty() ? 0 : estimate.of(comparison.runs.front()).confidence;
    std::vector<HtmlCell> interval{
        HtmlCell(fmt::format("  {:g}% bootstrap interval", 100 * confidence))};
    for (std::size_t r = 0; r < comparison.runs.size(); ++r) {
      const std::string path = fmt::format("runs.{}.{}.", r, estimate.path);
      const std::string reason = analysis::unsupported_reason(estimate.of(comparison.runs[r]));
      value.push_back(reason.empty() ? number_cell(report, path + "bits")
                                     : HtmlCell("not shown: " + reason));
      // An interval of an estimate that is not shown would stand for nothing.
      interval.push_back(reason.empty()
                             ? interval_cell(report, path + "ci_low_bits", path + "ci_high_bits")
                             : HtmlCell("-"));
    }
    table.rows.push_back(std::move(value));
    table.rows.push_back(std::move(interval));
  }
}

void add_metric_table(HtmlReport& page, const json& report,
                      const results::ComparisonReport& comparison) {
  page.add_section("Every metric side by side");
  HtmlTable table{.caption = "Definitions: docs/metrics.md", .header = {"metric"}};
  for (const json& run : report["runs"])
    table.header.push_back(run["name"].get<std::string>());
  add_rows(table, report, kCountRows);
  add_estimate_rows(table, report, comparison);
  // C_S and the test information per synapse scale I(prediction; label) by samples per
  // synapse, so their intervals are the estimate's interval scaled the same way.
  std::vector<HtmlCell> capacity{HtmlCell("C_S, synaptic capacity (bits/synapse)")};
  std::vector<HtmlCell> capacity_interval{HtmlCell("  interval (from the training-set one)")};
  std::vector<HtmlCell> per_synapse{HtmlCell("test information per synapse (bits/synapse)")};
  std::vector<HtmlCell> per_synapse_interval{HtmlCell("  interval (from the test-set one)")};
  for (std::size_t r = 0; r < comparison.runs.size(); ++r) {
    const results::RunComparison& run = comparison.runs[r];
    const std::string base = fmt::format("runs.{}.", r);
    const results::InformationEstimate& train = run.information.train_prediction_label;
    const results::InformationEstimate& test = run.information.test_prediction_label;
    capacity.push_back(derived_cell(report, base + "synaptic_capacity.bits_per_synapse", train));
    capacity_interval.emplace_back(scaled_interval(train, run.synaptic_capacity));
    per_synapse.push_back(
        derived_cell(report, base + "test_information_per_synapse.bits_per_synapse", test));
    per_synapse_interval.emplace_back(scaled_interval(test, run.test_information_per_synapse));
  }
  for (auto* row : {&capacity, &capacity_interval, &per_synapse, &per_synapse_interval})
    table.rows.push_back(std::move(*row));
  add_rows(table, report, kCostRows);
  std::vector<HtmlCell> task_bits{HtmlCell("C_S / storage cost")};
  for (std::size_t r = 0; r < comparison.runs.size(); ++r) {
    task_bits.push_back(derived_cell(report, fmt::format("runs.{}.task_bits_per_storage_bit", r),
                                     comparison.runs[r].information.train_prediction_label));
  }
  table.rows.push_back(std::move(task_bits));
  std::vector<HtmlCell> binning{HtmlCell("hidden code binning")};
  for (std::size_t r = 0; r < comparison.runs.size(); ++r) {
    const std::string code = fmt::format("runs.{}.information.hidden_code_label.", r);
    binning.emplace_back(fmt::format("{}, {} bins", text_at(report, code + "binning"),
                                     text_at(report, code + "bins")));
  }
  table.rows.push_back(std::move(binning));
  page.add_table(table);
  page.add_paragraph(
      "An estimate is not shown where the sample cannot support it: when its occupied cells "
      "exceed a tenth of the samples (undersampled), or when it lies outside its own bootstrap "
      "interval, which means the replicates sit mostly on one side of it and its bias "
      "correction does not hold at this sample size. Numbers that scale an estimate (C_S, the "
      "test information per synapse) follow it. The per-unit informations of the hidden code "
      "have no interval and are only in report.json.");
}

void add_sweep(HtmlReport& page, const json& report) {
  page.add_section("Over-parameterisation of BP");
  if (report["sweep"].is_null()) {
    page.add_paragraph("No BP sweep given (--sweep): no over-parameterisation factor.");
    return;
  }
  HtmlTable table{.caption = fmt::format("Tolerance {} accuracy points; structural target: {} "
                                         "synapses at its test accuracy",
                                         text_at(report, "sweep.tolerance_points"),
                                         text_at(report, "runs.0.nonzero_synapses.total")),
                  .header = {"BP hidden neurons", "over-parameterisation factor",
                             "BP synapses at the structural accuracy",
                             "ratio BP / structural synapses", "ratio status"}};
  for (std::size_t i = 0; i < report["sweep"]["per_hidden"].size(); ++i) {
    const std::string row = fmt::format("sweep.per_hidden.{}.", i);
    table.rows.push_back({text_at(report, row + "hidden"),
                          number_cell(report, row + "overparameterisation.factor"),
                          number_cell(report, row + "equal_accuracy.bp_synapses"),
                          number_cell(report, row + "equal_accuracy.ratio"),
                          text_at(report, row + "equal_accuracy.status")});
  }
  table.rows.push_back({"any hidden size",
                        number_cell(report, "sweep.max_overparameterisation_factor"),
                        number_cell(report, "sweep.equal_accuracy_any_hidden.bp_synapses"),
                        number_cell(report, "sweep.equal_accuracy_any_hidden.ratio"),
                        text_at(report, "sweep.equal_accuracy_any_hidden.status")});
  page.add_table(table);
}

void add_configs(HtmlReport& page, const json& report) {
  page.add_section("Runs and their configs");
  for (const json& run : report["runs"]) {
    page.add_paragraph(fmt::format("{}: {} (git revision {})", run["name"].get<std::string>(),
                                   run["file"].get<std::string>(),
                                   run["git_revision"].get<std::string>()));
    page.add_preformatted(run["config"].dump(2));
  }
  if (!report["sweep"].is_null()) {
    page.add_paragraph(fmt::format("BP sweep: {} (git revision {})",
                                   report["sweep"]["file"].get<std::string>(),
                                   report["sweep"]["git_revision"].get<std::string>()));
    page.add_preformatted(report["sweep"]["config"].dump(2));
  }
  page.add_paragraph(fmt::format(
      "This report: {} (sprout {}, git revision {})", text_at(report, "command_line"),
      text_at(report, "provenance.sprout_version"), text_at(report, "provenance.git_revision")));
}

}  // namespace

std::string comparison_html(const results::ComparisonReport& comparison) {
  const json report = comparison.to_json();
  HtmlReport page("Sprout: structural plasticity against backpropagation");
  add_conclusion(page, comparison);
  add_headline(page, report, comparison);
  add_accuracy_chart(page, report);
  add_training_chart(page, report);
  add_structural_pictures(page, report);
  add_operations(page, report);
  add_confusion_matrices(page, report);
  add_metric_table(page, report, comparison);
  add_sweep(page, report);
  add_paper_table_section(page, report);
  add_configs(page, report);
  return page.render();
}

}  // namespace sprout::report
