// The comparison model (analysis/comparison.hpp) and its HTML page
// (report/comparison_html.hpp), on small hand-made result files whose metrics are
// computed here by hand.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/comparison.hpp"
#include "analysis/network_measures.hpp"
#include "engine/spike_recorder.hpp"
#include "report/comparison_html.hpp"
#include "results_samples.hpp"
#include "test_helpers.hpp"
#include "xml_check.hpp"

namespace {

using nlohmann::json;
using sprout::analysis::compare_runs;
using sprout::analysis::ComparisonRequest;
namespace results = sprout::results;

void write(const std::filesystem::path& path, const json& document) {
  std::ofstream(path) << document.dump(1);
}

// The structural results, the pictures they list, and one BP results file.
struct Fixture {
  sprout::testing::TemporaryFolder folder;
  ComparisonRequest request;
  Fixture() {
    write(folder.path() / "structural.json", sprout::testing::sample_train_results().to_json());
    write(folder.path() / "bp.json", sprout::testing::sample_bp_results().to_json());
    const results::TrainFiles files;
    std::ofstream(folder.path() / files.receptive_fields)
        << R"(<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>)";
    sprout::engine::write_raster_binary(folder.path() / files.raster_test_image_0,
                                        {{1.5, 3}, {20.0, 790}});
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
  const json report = compare_runs(fixture.request).to_json();
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
  CHECK(report["schema"] == "sprout.compare/1");
  CHECK(report["provenance"]["command"] == "compare");
  CHECK(report["provenance"]["config"]["energy_costs_pj"]["accumulate"] == 1.0);
  CHECK(report["structural_training"][0]["consolidated"] == 500);
  CHECK(report["structural_files"]["raster_test_image_0"] ==
        (fixture.folder.path() / "raster_test_image_0.bin").string());
  CHECK(report["sweep"].is_null());
}

TEST_CASE("compare: an interneuron pool's SynOps count in the energy", "[comparison]") {
  Fixture fixture;
  results::TrainResults pool = sprout::testing::sample_train_results();
  for (auto* epoch : {&pool.epochs.back(), &pool.final->epoch}) {
    epoch->synops_per_test_image.lateral_inhibition.reset();
    epoch->synops_per_test_image.hidden_to_interneurons = 30.0;
    epoch->synops_per_test_image.interneurons_to_hidden = 120.0;
  }
  write(fixture.folder.path() / "structural.json", pool.to_json());
  const json report = compare_runs(fixture.request).to_json();
  const json& structural = report["runs"][0];
  // 1000 input + 30 to the pool + 120 from it + 50 readout, 1 pJ each.
  CHECK(structural["energy"]["operations_per_image"].get<double>() == 1200.0);
  CHECK(structural["energy"]["native_pj"].get<double>() == 1200.0);
  CHECK(structural["energy"]["at_mac_cost_pj"].get<double>() == 4800.0);
}

TEST_CASE("compare: the rule's accuracy-synapse front, checked and drawn", "[comparison]") {
  Fixture fixture;
  const auto front_file = fixture.folder.path() / "front.json";
  auto point = [](std::size_t hidden, std::size_t budget, std::size_t synapses, double accuracy) {
    return json{{"hidden", hidden},
                {"presynaptic_budget", budget},
                {"interneurons", 1},
                {"validation_accuracy", nullptr},
                {"test_accuracy", accuracy},
                {"nonzero_synapses", {{"input_hidden", synapses - 10}, {"total", synapses}}},
                {"energy_nj_per_test_image", 0.5}};
  };
  write(front_file, {{"points", {point(400, 64, 3000, 0.93), point(400, 32, 2000, 0.92)}}});
  fixture.request.structural_front = front_file;
  const sprout::results::ComparisonReport comparison = compare_runs(fixture.request);
  const json report = comparison.to_json();
  const json& points = report["structural_front"]["points"];
  REQUIRE(points.size() == 2);
  CHECK(points[0]["nonzero_synapses"] == 2000);  // ascending in synapses
  CHECK(points[0]["presynaptic_budget"] == 32);
  CHECK(points[1]["test_accuracy"] == 0.93);
  CHECK(report["provenance"]["config"]["inputs"]["structural_front"] == front_file.string());
  CHECK(sprout::results::ComparisonReport::from_json(report, "report.json").to_json() == report);
  CHECK_THAT(sprout::report::comparison_html(comparison),
             Catch::Matchers::Contains("structural rule front"));

  write(front_file, {{"points", {point(400, 64, 3000, 1.7)}}});
  CHECK_THAT(error_of(fixture.request), Catch::Matchers::Contains("front.json") &&
                                            Catch::Matchers::Contains("points.0.test_accuracy"));
  write(front_file, {{"points", json::array()}});
  CHECK_THAT(error_of(fixture.request), Catch::Matchers::Contains("points: no point"));
}

TEST_CASE("compare: C_S counts every training image when the confusion covers the first N",
          "[comparison]") {
  // `sprout train --measures-train-limit 1000` on 6,000 training images: the information
  // per sample comes from the 1,000 measured, the stored bits count all 6,000.
  Fixture fixture;
  results::TrainResults structural = sprout::testing::sample_train_results();
  structural.train_images = 6000;
  write(fixture.folder.path() / "structural.json", structural.to_json());
  const results::ComparisonReport report = compare_runs(fixture.request);
  const double information = std::log2(10.0) + 9.0 / (2.0 * 1000.0 * std::log(2.0));
  const results::SynapticCapacity& capacity = report.runs[0].synaptic_capacity;
  CHECK(capacity.training_samples == 6000);
  CHECK(capacity.bits_per_synapse == Approx(information * 6000.0 / 1000.0).epsilon(1e-12));
  CHECK(report.runs[0].information.train_prediction_label.samples == 1000);
  // bp's confusion covers its whole training set.
  CHECK(report.runs[1].synaptic_capacity.training_samples == 500);
}

TEST_CASE("compare: over-parameterisation and equal-accuracy ratio from a sweep", "[comparison]") {
  Fixture fixture;
  // One hidden size: dense 10000 synapses at 99%, 2500 at 98.8% (within 0.5 points),
  // 1000 at 90%. Structural: 1000 synapses at 100% -> no BP net reaches it.
  results::BpSweepResults sweep;
  sweep.provenance = sprout::testing::sample_provenance("bp sweep", json::object());
  for (const auto& [density, synapses, accuracy] :
       {std::tuple{1.0, std::size_t{10000}, 0.99}, std::tuple{0.25, std::size_t{2500}, 0.988},
        std::tuple{0.1, std::size_t{1000}, 0.9}}) {
    results::BpSweepPointResult point;
    point.hidden = 100;
    point.density = density;
    point.nonzero_synapses = {{{"input_hidden", synapses}}, synapses, {}, {}};
    point.dense_synapses = {{{"input_hidden", 10000}}, 10000, {}, {}};
    point.test_accuracy = accuracy;
    sweep.points.push_back(point);
  }
  write(fixture.folder.path() / "sweep.json", sweep.to_json());
  fixture.request.sweep = fixture.folder.path() / "sweep.json";
  const json report = compare_runs(fixture.request).to_json();
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
          bp + ": schema: \"sprout.bp/1\" is a results file of 'sprout bp', expected "
               "\"sprout.train/1\" (a results file of 'sprout train')");
  }
  SECTION("a missing file") {
    fixture.request.bp = {fixture.folder.path() / "none.json"};
    CHECK(error_of(fixture.request) ==
          (fixture.folder.path() / "none.json").string() + ": cannot open file");
  }
  SECTION("a missing field") {
    json document = sprout::testing::sample_bp_results().to_json();
    document["measures"].erase("train_confusion");
    write(bp, document);
    CHECK(error_of(fixture.request) == bp + ": measures.train_confusion: missing");
  }
  SECTION("a field of the wrong type") {
    json document = sprout::testing::sample_train_results().to_json();
    document["final"]["test_accuracy"] = "high";
    write(structural, document);
    CHECK(error_of(fixture.request) == structural + ": final.test_accuracy: expected a number");
  }
  SECTION("an unfinished training") {
    json document = sprout::testing::sample_train_results().to_json();
    document["complete"] = false;
    write(structural, document);
    CHECK(error_of(fixture.request).starts_with(structural + ": complete: "));
  }
}

TEST_CASE("compare: the HTML page is well formed and its numbers are report.json's",
          "[comparison]") {
  Fixture fixture;
  const results::ComparisonReport comparison = compare_runs(fixture.request);
  const std::string html = sprout::report::comparison_html(comparison);
  const json report = comparison.to_json();
  CHECK(sprout::testing::xml_problem(html).empty());
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  // The structural C_S cell: its path as id, its JSON value, four significant digits.
  const double cs = report["runs"][0]["synaptic_capacity"]["bits_per_synapse"].get<double>();
  const std::string cell = "id=\"runs.0.synaptic_capacity.bits_per_synapse\" data-value=\"" +
                           json(cs).dump() + "\">" + sprout::report::display_number(cs) + "<";
  CHECK(html.find(cell) != std::string::npos);
  CHECK(html.find("id=\"headline.1.test_accuracy\" data-value=\"1.0\">100<") != std::string::npos);
  // An estimate is shown beside its interval (winner: 1.25 in [1.15, 1.35]); the
  // undersampled joint code shows why instead of a number.
  CHECK(html.find("id=\"runs.0.information.hidden_code_label.winner.bits\"") != std::string::npos);
  CHECK(html.find(">[1.15, 1.35]<") != std::string::npos);
  CHECK(html.find("id=\"runs.0.information.hidden_code_label.joint.bits\"") == std::string::npos);
  CHECK(html.find(">not shown: undersampled: 12 occupied cells for 100 samples<") !=
        std::string::npos);
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

TEST_CASE("compare: several structural runs, by hidden size with their spread", "[comparison]") {
  Fixture fixture;
  const auto run = [&](const std::string& name, std::size_t hidden, std::size_t seed,
                       double accuracy, std::size_t synapses) {
    results::TrainResults results = sprout::testing::sample_train_results();
    results.provenance.config["network"] = {{"hidden", hidden}};
    results.provenance.config["seed"] = seed;
    results.final->epoch.test_accuracy = accuracy;
    results.final->nonzero_synapses.total = synapses;
    write(fixture.folder.path() / name, results.to_json());
    return fixture.folder.path() / name;
  };
  fixture.request.structural = run("s1.json", 400, 1, 0.90, 1000);
  fixture.request.more_structural = {run("s2.json", 400, 2, 0.92, 1200),
                                     run("s3.json", 400, 3, 0.94, 1400),
                                     run("s4.json", 100, 1, 0.80, 500)};
  const results::ComparisonReport comparison = compare_runs(fixture.request);
  REQUIRE(comparison.structural_runs.has_value());
  const results::StructuralRuns& runs = *comparison.structural_runs;
  CHECK(runs.points.size() == 4);
  CHECK(runs.points[0].seed == 1);
  REQUIRE(runs.groups.size() == 2);
  // Ascending hidden size; one run: no spread.
  CHECK(runs.groups[0].hidden == 100);
  CHECK(runs.groups[0].runs == 1);
  CHECK(runs.groups[0].test_accuracy.sd == 0.0);
  // 0.90, 0.92, 0.94: mean 0.92, sample sd sqrt((0.02^2 + 0 + 0.02^2) / 2) = 0.02.
  const results::StructuralRunGroup& group = runs.groups[1];
  CHECK(group.runs == 3);
  CHECK(group.test_accuracy.mean == Approx(0.92));
  CHECK(group.test_accuracy.sd == Approx(0.02));
  CHECK(group.test_accuracy.min == 0.90);
  CHECK(group.test_accuracy.max == 0.94);
  CHECK(group.nonzero_synapses.mean == Approx(1200));
  CHECK(group.nonzero_synapses.sd == Approx(200));
  CHECK(group.energy_pj.sd == Approx(0.0).margin(1e-9));  // the same SynOps in every run
  const json report = comparison.to_json();
  CHECK(results::ComparisonReport::from_json(report, "report.json").to_json() == report);
  const std::string html = sprout::report::comparison_html(comparison);
  CHECK(sprout::testing::xml_problem(html).empty());
  CHECK(html.find("structural runs (mean, min-max)") != std::string::npos);
  CHECK(html.find("id=\"structural_runs.groups.1.test_accuracy.sd\"") != std::string::npos);
  CHECK(html.find("class=\"spread\"") != std::string::npos);
  CHECK(html.find("Over 3 structural runs with 400 hidden neurons") != std::string::npos);

  // Runs of one hidden size that differ in more than their seed are not pooled.
  results::TrainResults longer = sprout::testing::sample_train_results();
  longer.provenance.config["network"] = {{"hidden", 400}};
  longer.provenance.config["epochs"] = 5;
  write(fixture.folder.path() / "s5.json", longer.to_json());
  fixture.request.more_structural.push_back(fixture.folder.path() / "s5.json");
  CHECK_THAT(error_of(fixture.request),
             Catch::Matchers::Contains("s5.json: provenance.config.epochs: differs from") &&
                 Catch::Matchers::Contains("s1.json"));
  // A run whose config does not name its hidden size is refused by file and key.
  results::TrainResults unnamed = sprout::testing::sample_train_results();
  write(fixture.folder.path() / "s5.json", unnamed.to_json());
  CHECK_THAT(error_of(fixture.request),
             Catch::Matchers::Contains("s5.json: provenance.config.network"));
}
