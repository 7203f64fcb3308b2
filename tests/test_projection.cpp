#include <catch2/catch.hpp>
#include <vector>

#include "engine/network.hpp"
#include "engine/projection.hpp"

using sprout::engine::Projection;
using sprout::engine::SynapseSpec;

TEST_CASE("Projection: rows by presynaptic neuron, targets sorted, any input order",
          "[projection]") {
  const std::vector<SynapseSpec> synapses = {
      {2, 1, 0.5f, 0}, {0, 3, 0.1f, 0}, {2, 0, 0.7f, 0}, {0, 1, 0.2f, 0}, {1, 2, 0.3f, 0}};
  const Projection p("p", 0, 1, 3, 4, synapses, 1.5);
  REQUIRE(p.synapse_count() == 5);
  CHECK(p.row_begin(0) == 0);
  CHECK(p.row_end(0) == 2);
  CHECK(p.row_end(1) == 3);
  CHECK(p.row_end(2) == 5);
  CHECK(std::vector<std::uint32_t>(p.targets().begin(), p.targets().end()) ==
        std::vector<std::uint32_t>{1, 3, 2, 0, 1});
  CHECK(std::vector<float>(p.weights().begin(), p.weights().end()) ==
        std::vector<float>{0.2f, 0.1f, 0.3f, 0.7f, 0.5f});
  CHECK(p.sources() == std::vector<std::uint32_t>{0, 0, 1, 2, 2});
  // One delay: one segment per non-empty row.
  CHECK(p.last_segment(0) - p.first_segment(0) == 1);
  CHECK(p.segment(p.first_segment(2)).delay_ms == 1.5);
  // Hot path: uint32 target + float weight. Total adds row offsets and segments:
  // (4*4 offsets + 5*8 synapses + 4*4 segment offsets + 4*4 segment begins + 3*8 delays) / 5.
  CHECK(Projection::hot_path_bytes_per_synapse() == 8.0);
  CHECK(p.total_bytes_per_synapse() == Approx((16.0 + 40.0 + 16.0 + 16.0 + 24.0) / 5.0));
}

TEST_CASE("Projection: per-synapse delays group a row into delay segments", "[projection]") {
  const std::vector<SynapseSpec> synapses = {
      {0, 0, 1.0f, 2.0f}, {0, 1, 1.0f, 1.0f}, {0, 2, 1.0f, 2.0f}, {0, 3, 1.0f, 1.0f}};
  const Projection p("p", 0, 1, 1, 4, synapses, std::nullopt);
  REQUIRE(p.last_segment(0) - p.first_segment(0) == 2);
  const auto early = p.segment(p.first_segment(0));
  const auto late = p.segment(p.first_segment(0) + 1);
  CHECK(early.delay_ms == 1.0);
  CHECK(late.delay_ms == 2.0);
  CHECK(std::vector<std::uint32_t>(p.targets().begin() + early.begin,
                                   p.targets().begin() + early.end) ==
        std::vector<std::uint32_t>{1, 3});
  CHECK(std::vector<std::uint32_t>(p.targets().begin() + late.begin,
                                   p.targets().begin() + late.end) ==
        std::vector<std::uint32_t>{0, 2});
  CHECK(p.synapse_delay_ms(late.begin) == 2.0f);
}

TEST_CASE("Projection: bad synapses and bad networks are rejected by name", "[projection]") {
  CHECK_THROWS_WITH(Projection("bad", 0, 1, 2, 2, {{2, 0, 1.0f, 0.0f}}, 0.0),
                    Catch::Contains("'bad'") && Catch::Contains("outside 2x2"));
  CHECK_THROWS_WITH(Projection("neg", 0, 1, 2, 2, {{0, 0, 1.0f, 0.0f}}, -1.0),
                    Catch::Contains("negative"));
  sprout::engine::Network network;
  const auto a = network.add_population("a", std::make_shared<sprout::engine::SpikeSourceGroup>(2));
  const auto b = network.add_population("b", std::make_shared<sprout::engine::SpikeSourceGroup>(3));
  CHECK_THROWS_WITH(network.add_projection(Projection("into_source", a, b, 2, 3, {}, 0.0)),
                    Catch::Contains("spike source"));
  CHECK_THROWS_WITH(network.add_projection(Projection("shape", a, b, 2, 2, {}, 0.0)),
                    Catch::Contains("does not match"));
  CHECK(network.population_of(0) == a);
  CHECK(network.population_of(4) == b);
}
