// BP result documents: synapse counts, MACs, and the over-parameterisation factor of a
// sweep, checked on hand-made sweep points.

#include <catch2/catch.hpp>

#include "analysis/bp_report.hpp"

using namespace sprout;
using models::BpSweepPoint;

namespace {

BpSweepPoint point(std::size_t hidden, double density, std::size_t input_hidden,
                   std::size_t hidden_output, double accuracy) {
  return {
      hidden, density, {input_hidden, hidden_output}, {784 * hidden, hidden * 10}, accuracy, 0.1,
      5,      1.0};
}

}  // namespace

TEST_CASE("BP synapse counts name the layers and sum them", "[bp][report]") {
  const std::vector<std::size_t> counts{78400, 1000};
  const results::LayerCounts named = analysis::bp_synapse_counts(counts);
  CHECK(named.layers.at("input_hidden") == 78400);
  CHECK(named.layers.at("hidden_output") == 1000);
  CHECK(named.total == 79400);
  CHECK(analysis::bp_layer_name(2, 4) == "layer_2");
}

TEST_CASE("BP sweep report: over-parameterisation within and across hidden sizes", "[bp][report]") {
  const std::vector<BpSweepPoint> points{
      point(100, 1.0, 78400, 1000, 0.975),  // dense, 79400 synapses
      point(100, 0.5, 39200, 500, 0.974),
      point(100, 0.1, 7840, 100, 0.972),  // 7940: the smallest within 0.5 points of 97.5%
      point(100, 0.05, 3920, 50, 0.960),
      point(50, 1.0, 39200, 500, 0.969),  // dense, 39700 synapses
      point(50, 0.1, 3920, 50, 0.967),    // 3970: within 0.5 points of 96.9%
  };
  models::BpSweepConfig config;
  const results::BpSweepResults report =
      analysis::bp_sweep_results(points, config, "bp sweep", 12.5);
  const results::SweepOverparameterisation& factors = report.overparameterisation;
  CHECK(factors.tolerance_points == 0.5);
  REQUIRE(factors.per_hidden.size() == 2);
  const results::HiddenSizeFactor& h100 = factors.per_hidden[0];
  CHECK(h100.hidden == 100);
  CHECK(h100.dense_synapses == 79400);
  CHECK(h100.same_hidden.factor == Approx(10.0));
  CHECK(h100.same_hidden.density == 0.1);
  // Across sizes, nothing of hidden 50 is within 0.5 points of 97.5%.
  CHECK(h100.any_hidden.factor == Approx(10.0));
  const results::HiddenSizeFactor& h50 = factors.per_hidden[1];
  CHECK(h50.same_hidden.factor == Approx(10.0));
  // Across sizes, hidden 100 at 5% has as few synapses (3970) but is not within 0.5 points.
  CHECK(h50.any_hidden.hidden == 50);
  CHECK(factors.max_same_hidden == Approx(10.0));
  REQUIRE(report.points.size() == 6);
  CHECK(report.points[3].macs_per_image.sparse == 3970);
  CHECK(report.points[3].macs_per_image.dense == 79400);
  CHECK(report.provenance.command == "bp sweep");

  const std::string csv = analysis::bp_sweep_csv(points);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 7);
  CHECK(csv.find("100,0.1,7840,100,7940,79400,0.972000,") != std::string::npos);
}
