// The comparison model (analysis/comparison.hpp) and its HTML page
// (analysis/comparison_html.hpp), on small hand-made result files whose metrics are
// computed here by hand.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/comparison.hpp"
#include "analysis/network_measures.hpp"
#include "report/comparison_html.hpp"
#include "test_helpers.hpp"
#include "xml_check.hpp"

namespace {

using nlohmann::json;
using sprout::analysis::compare_runs;
using sprout::analysis::ComparisonRequest;

// 10 classes, `per_class` samples each, all classified correctly.
json diagonal_confusion(std::size_t per_class) {
  json rows = json::array();
  for (std::size_t label = 0; label < 10; ++label) {
    json row = json::array();
    for (std::size_t prediction = 0; prediction < 10; ++prediction)
      row.push_back(label == prediction ? per_class : 0);
    rows.push_back(row);
  }
  return rows;
}

json measures(std::size_t train_per_class, double storage_bits_per_synapse) {
  return {{"train_confusion", diagonal_confusion(train_per_class)},
          {"test_confusion", diagonal_confusion(10)},
          {"storage_cost",
           {{"bits_per_synapse", storage_bits_per_synapse}, {"layers", json::object()}}},
          {"hidden_code_information",
           {{"per_unit_bits", {0.1, 0.2}},
            {"mean_unit_bits", 0.15},
            {"max_unit_bits", 0.2},
            {"joint", {{"bits", 1.5}, {"undersampled", true}}},
            {"winner", {{"bits", 1.25}, {"undersampled", false}}},
            {"bins", 4},
            {"binning", "rounded_capped"}}}};
}

json structural_results() {
  json epoch = {{"epoch", 1},
                {"test_accuracy", 1.0},
                {"synapses", {{"realised", 900}, {"silent", 400}, {"consolidated", 500}}},
                {"synops_per_test_image",
                 {{"input_to_hidden", 1000.0}, {"lateral_inhibition", 200.0}, {"readout", 50.0}}}};
  return {{"command", "train"},
          {"git_revision", "abc"},
          {"sprout_version", "0.1.0"},
          {"config", {{"encoder", {{"t_present_ms", 200}}}, {"seed", 7}}},
          {"complete", true},
          {"epochs", {epoch}},
          {"final", epoch},
          {"nonzero_synapses", {{"input_hidden", 900}, {"hidden_output", 100}, {"total", 1000}}},
          {"measures", measures(100, 8.0)}};
}

json bp_results() {
  return {
      {"provenance", {{"command", "bp"}, {"git_revision", "def"}, {"config", {{"hidden", 10}}}}},
      {"variant", "dense"},
      {"test_accuracy", 1.0},
      {"nonzero_synapses", {{"input_hidden", 7840}, {"hidden_output", 100}, {"total", 7940}}},
      {"dense_synapses", {{"input_hidden", 7840}, {"hidden_output", 100}, {"total", 7940}}},
      {"measures", measures(50, 6.0)}};
}

void write(const std::filesystem::path& path, const json& document) {
  std::ofstream(path) << document.dump(1);
}

struct Fixture {
  sprout::testing::TemporaryFolder folder;
  ComparisonRequest request;
  Fixture() {
    write(folder.path() / "structural.json", structural_results());
    write(folder.path() / "bp.json", bp_results());
    request.structural = folder.path() / "structural.json";
    request.bp = {folder.path() / "bp.json"};
    request.bootstrap.replicates = 0;
    request.costs = {.accumulate_pj = 1.0, .multiply_accumulate_pj = 4.0};
  }
};

std::string error_of(const ComparisonRequest& request) {
  try {
    (void)compare_runs(request);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("compare: C_S, energy and synapse counts from the result files", "[comparison]") {
  Fixture fixture;
  const json report = compare_runs(fixture.request);
  REQUIRE(report["runs"].size() == 2);
  const json& structural = report["runs"][0];
  const json& bp = report["runs"][1];
  CHECK(structural["name"] == "structural");
  CHECK(bp["name"] == "bp dense");

  // A perfect classifier of 10 equally frequent classes: I = H = log2 10 bits per sample,
  // plus the Miller-Madow term (m_x + m_y - m_xy - 1) / (2 N ln 2) = 9 / (2 N ln 2).
  const double n_structural = 1000;
  const double information = std::log2(10.0) + 9.0 / (2.0 * n_structural * std::log(2.0));
  CHECK(structural["synaptic_capacity"]["training_samples"] == 1000);
  CHECK(structural["synaptic_capacity"]["bits_per_synapse"].get<double>() ==
        Approx(information * n_structural / 1000.0).epsilon(1e-12));
  const double n_bp = 500;
  const double information_bp = std::log2(10.0) + 9.0 / (2.0 * n_bp * std::log(2.0));
  CHECK(bp["synaptic_capacity"]["bits_per_synapse"].get<double>() ==
        Approx(information_bp * n_bp / 7940.0).epsilon(1e-12));
  CHECK(structural["task_bits_per_storage_bit"].get<double>() ==
        Approx(information * n_structural / 1000.0 / 8.0).epsilon(1e-12));

  // SynOps: 1000 + 200 + 50 per image at 1 pJ; at MAC cost 4 pJ each.
  CHECK(structural["energy"]["operations_per_image"].get<double>() == 1250.0);
  CHECK(structural["energy"]["native_pj"].get<double>() == 1250.0);
  CHECK(structural["energy"]["at_mac_cost_pj"].get<double>() == 5000.0);
  // BP: one MAC per non-zero weight, 4 pJ each.
  CHECK(bp["energy"]["operations_per_image"].get<double>() == 7940.0);
  CHECK(bp["energy"]["native_pj"].get<double>() == 31760.0);
  CHECK(bp["operations"]["dense_macs"]["operations_per_image"].get<double>() == 7940.0);

  CHECK(report["headline"][0]["nonzero_synapses"] == 1000);
  CHECK(report["headline"][1]["energy_pj"].get<double>() == 31760.0);
  CHECK(structural["information"]["hidden_code_label"]["winner"]["bits"] == 1.25);
  CHECK(structural["config"]["seed"] == 7);
  CHECK(bp["config"]["hidden"] == 10);
  CHECK(report["command"] == "compare");
  CHECK(report["config"]["energy_costs_pj"]["accumulate"] == 1.0);
  CHECK(report["structural_training"][0]["consolidated"] == 500);
  CHECK(report["sweep"].is_null());
}

TEST_CASE("compare: C_S counts every training image when the confusion covers the first N",
          "[comparison]") {
  // `sprout train --measures-train-limit 1000` on 6,000 training images: the information
  // per sample comes from the 1,000 measured, the stored bits count all 6,000.
  Fixture fixture;
  json structural = structural_results();
  structural["train_images"] = 6000;
  write(fixture.folder.path() / "structural.json", structural);
  json bp = bp_results();
  bp["train_samples"] = 500;  // bp's confusion covers its whole training set
  write(fixture.folder.path() / "bp.json", bp);
  const json report = compare_runs(fixture.request);
  const double information = std::log2(10.0) + 9.0 / (2.0 * 1000.0 * std::log(2.0));
  const json& capacity = report["runs"][0]["synaptic_capacity"];
  CHECK(capacity["training_samples"] == 6000);
  CHECK(capacity["bits_per_synapse"].get<double>() ==
        Approx(information * 6000.0 / 1000.0).epsilon(1e-12));
  CHECK(report["runs"][0]["information"]["train_prediction_label"]["samples"] == 1000);
  CHECK(report["runs"][1]["synaptic_capacity"]["training_samples"] == 500);
}

TEST_CASE("compare: over-parameterisation and equal-accuracy ratio from a sweep", "[comparison]") {
  Fixture fixture;
  // One hidden size: dense 10000 synapses at 99%, 2500 at 98.8% (within 0.5 points),
  // 1000 at 90%. Structural: 1000 synapses at 100% -> no BP net reaches it.
  json points = json::array();
  for (const auto& [density, synapses, accuracy] :
       {std::tuple{1.0, 10000, 0.99}, std::tuple{0.25, 2500, 0.988}, std::tuple{0.1, 1000, 0.9}}) {
    points.push_back({{"hidden", 100},
                      {"density", density},
                      {"nonzero_synapses", {{"total", synapses}}},
                      {"test_accuracy", accuracy}});
  }
  write(
      fixture.folder.path() / "sweep.json",
      {{"provenance", {{"command", "bp sweep"}, {"git_revision", "x"}, {"config", json::object()}}},
       {"points", points}});
  fixture.request.sweep = fixture.folder.path() / "sweep.json";
  const json report = compare_runs(fixture.request);
  CHECK(report["sweep"]["max_overparameterisation_factor"].get<double>() == 4.0);
  CHECK(report["sweep"]["equal_accuracy_any_hidden"]["status"] == "not_reached");
  CHECK(report["sweep"]["equal_accuracy_any_hidden"]["ratio"].is_null());
}

TEST_CASE("compare: one error line naming the file and the field", "[comparison]") {
  Fixture fixture;
  const std::string structural = fixture.request.structural.string();
  const std::string bp = fixture.request.bp[0].string();

  SECTION("a BP results file given as the structural one") {
    fixture.request.structural = bp;
    CHECK(error_of(fixture.request) ==
          bp + ": command: written by 'sprout bp', expected a results file of 'sprout train'");
  }
  SECTION("a missing file") {
    fixture.request.bp = {fixture.folder.path() / "none.json"};
    CHECK(error_of(fixture.request) ==
          (fixture.folder.path() / "none.json").string() + ": cannot open file");
  }
  SECTION("a missing field") {
    json document = bp_results();
    document["measures"].erase("train_confusion");
    write(bp, document);
    CHECK(error_of(fixture.request) == bp + ": measures.train_confusion: missing");
  }
  SECTION("a field of the wrong type") {
    json document = structural_results();
    document["final"]["test_accuracy"] = "high";
    write(structural, document);
    CHECK(error_of(fixture.request) == structural + ": final.test_accuracy: expected a number");
  }
  SECTION("an unfinished training") {
    json document = structural_results();
    document["complete"] = false;
    write(structural, document);
    CHECK(error_of(fixture.request).starts_with(structural + ": complete: "));
  }
}

TEST_CASE("compare: the HTML page is well formed and its numbers are report.json's",
          "[comparison]") {
  Fixture fixture;
  const json report = compare_runs(fixture.request);
  const std::string html = sprout::report::comparison_html(report);
  CHECK(sprout::testing::xml_problem(html).empty());
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  // The structural C_S cell: its path as id, its JSON value, four significant digits.
  const double cs = report["runs"][0]["synaptic_capacity"]["bits_per_synapse"].get<double>();
  const std::string cell = "id=\"runs.0.synaptic_capacity.bits_per_synapse\" data-value=\"" +
                           json(cs).dump() + "\">" + sprout::report::display_number(cs) + "<";
  CHECK(html.find(cell) != std::string::npos);
  CHECK(html.find("id=\"headline.1.test_accuracy\" data-value=\"1.0\">100<") != std::string::npos);
}

TEST_CASE("compare: numbers print as integers from 1000 on or with four significant digits",
          "[comparison]") {
  using sprout::report::display_number;
  CHECK(display_number(31760.0) == "31760");
  CHECK(display_number(29330.7) == "29331");
  CHECK(display_number(0.784, 100.0) == "78.4");
  CHECK(display_number(3.3283718) == "3.328");
  CHECK(display_number(1.5e-5) == "1.5e-05");
}

TEST_CASE("confusion matrix and its expansion into pairs", "[comparison]") {
  const std::vector<std::uint8_t> labels{0, 1, 1, 2};
  const std::vector<std::uint32_t> predictions{0, 1, 2, 2};
  const auto matrix = sprout::analysis::confusion_matrix(labels, predictions, 3);
  CHECK(matrix == std::vector<std::vector<std::size_t>>{{1, 0, 0}, {0, 1, 1}, {0, 0, 1}});
  const auto pairs = sprout::analysis::expand_confusion(matrix);
  CHECK(pairs.labels == std::vector<int>{0, 1, 1, 2});
  CHECK(pairs.predictions == std::vector<int>{0, 1, 2, 2});
  CHECK_THROWS_AS(sprout::analysis::confusion_matrix(labels, predictions, 2),
                  std::invalid_argument);
}
