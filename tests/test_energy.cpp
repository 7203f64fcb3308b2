// SynOp / MAC energy accounting against hand-computed values.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <vector>

#include "analysis/energy.hpp"

using sprout::analysis::OperationKind;

TEST_CASE("Energy report of a spiking network: accumulates, and the MAC-cost view", "[energy]") {
  const sprout::analysis::NetworkOps spiking{
      "structural", OperationKind::kAccumulate, {{"input->hidden", 1e5}, {"hidden->output", 2e3}}};
  const auto report = sprout::analysis::energy_report(spiking);
  REQUIRE(report.layers.size() == 2);
  CHECK(report.layers[0].native_pj == Approx(0.9e5));
  CHECK(report.layers[0].at_mac_cost_pj == Approx(4.6e5));
  CHECK(report.operations_per_image == Approx(1.02e5));
  CHECK(report.native_pj == Approx(1.02e5 * 0.9));
  CHECK(report.at_mac_cost_pj == Approx(1.02e5 * 4.6));
}

TEST_CASE("Energy report of a BP network: MACs at MAC cost both ways", "[energy]") {
  const sprout::analysis::NetworkOps bp{
      "bp dense", OperationKind::kMultiplyAccumulate, {{"hidden", 78400}, {"output", 1000}}};
  const auto report =
      sprout::analysis::energy_report(bp, {.accumulate_pj = 1, .multiply_accumulate_pj = 3});
  CHECK(report.native_pj == Approx(79400 * 3.0));
  CHECK(report.at_mac_cost_pj == report.native_pj);
  const nlohmann::json json = report;
  CHECK(json["operation"] == "multiply-accumulate");
  CHECK(json["layers"][1]["native_pj"].get<double>() == Approx(3000));
  CHECK_THROWS_AS(sprout::analysis::energy_report({"bad", OperationKind::kAccumulate, {{"x", -1}}}),
                  std::invalid_argument);
}

TEST_CASE("MAC counts of a layer: dense, non-zero weights, active inputs", "[energy]") {
  // 2 outputs x 3 inputs; input 1's column is pruned entirely, input 2 has one weight.
  const std::vector<float> weights{0.5f,  0.0f, 0.0f,   //
                                   -1.0f, 0.0f, 2.0f};  //
  // Image A: inputs 0 and 2 active (fan-outs 2 + 1 = 3); image B: only input 1 (fan-out 0).
  const std::vector<float> inputs{1.0f, 0.0f, 3.0f,  //
                                  0.0f, 7.0f, 0.0f};
  const auto counts = sprout::analysis::count_layer_macs(weights, 3, inputs);
  CHECK(counts.dense == 6);
  CHECK(counts.nonzero_weights == 3);
  CHECK(counts.active == Approx(1.5));  // (3 + 0) / 2 images
  CHECK_THROWS_AS(sprout::analysis::count_layer_macs(weights, 4, inputs), std::invalid_argument);
}
