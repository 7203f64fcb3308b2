// The mechanisms that bound what the structural network costs: presynaptic competition
// for a limited number of synapses per input, and inhibition through a pool of
// inhibitory interneurons instead of all-to-all lateral synapses.
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/simulation.hpp"
#include "models/spiking/feedforward_network.hpp"
#include "models/structural/potential_synapses.hpp"
#include "models/structural/structural_config.hpp"
#include "structural_test_synapses.hpp"

using namespace sprout;
using namespace sprout::models;

namespace {

void realise(PotentialSynapses& synapses, std::size_t input, std::size_t neuron, float trace,
             SynapseState state = SynapseState::kSilent) {
  const std::size_t k = synapses.index(input, neuron);
  synapses.states()[k] = state;
  synapses.weights()[k] = 0.5f;
  synapses.traces()[k] = trace;
  synapses.ages()[k] = 100;  // mature: older than min_age_batches (20)
}

}  // namespace

TEST_CASE("Presynaptic competition: an input keeps its budget's strongest traces",
          "[structural][economy]") {
  StructuralSettings settings;
  auto synapses = testing::empty_synapses(3, 5, settings);
  // Input 0 reaches all five neurons; neuron 4's synapse is consolidated.
  const std::vector<float> traces = {0.3f, 0.5f, 0.1f, 0.5f, 0.45f};
  for (std::size_t j = 0; j < 5; ++j)
    realise(synapses, 0, j, traces[j],
            j == 4 ? SynapseState::kConsolidated : SynapseState::kSilent);
  // Input 1 reaches two neurons, within any budget of 2 or more.
  realise(synapses, 1, 0, 0.01f);
  realise(synapses, 1, 2, 0.02f);

  CHECK(presynaptic_competition(synapses, 3, PresynapticSignal::kTrace, 20) == 2);
  // Kept: 0.5 (neuron 1), 0.5 (neuron 3), 0.45 (neuron 4, consolidated stays so).
  CHECK(synapses.states()[synapses.index(0, 1)] == SynapseState::kSilent);
  CHECK(synapses.states()[synapses.index(0, 3)] == SynapseState::kSilent);
  CHECK(synapses.states()[synapses.index(0, 4)] == SynapseState::kConsolidated);
  // Lost, with weight, trace and age reset: 0.3 (neuron 0) and 0.1 (neuron 2).
  for (std::size_t j : {0, 2}) {
    const std::size_t k = synapses.index(0, j);
    CHECK(synapses.states()[k] == SynapseState::kAbsent);
    CHECK(synapses.weights()[k] == 0.0f);
    CHECK(synapses.traces()[k] == 0.0f);
    CHECK(synapses.ages()[k] == 0);
  }
  CHECK(synapses.counts().realised == 5);  // 3 of input 0, 2 of input 1

  // Budget 1: of the two equal traces the lower neuron index stays; a consolidated
  // synapse with a weaker trace loses too.
  CHECK(presynaptic_competition(synapses, 1, PresynapticSignal::kTrace, 20) == 3);
  CHECK(synapses.states()[synapses.index(0, 1)] == SynapseState::kSilent);
  CHECK(synapses.states()[synapses.index(0, 3)] == SynapseState::kAbsent);
  CHECK(synapses.states()[synapses.index(0, 4)] == SynapseState::kAbsent);
  CHECK(synapses.states()[synapses.index(1, 2)] == SynapseState::kSilent);  // 0.02 > 0.01
  CHECK(synapses.states()[synapses.index(1, 0)] == SynapseState::kAbsent);
  CHECK(synapses.counts().realised == 2);
}

TEST_CASE("Presynaptic competition: by weight, the largest shares of the prototypes stay",
          "[structural][economy]") {
  StructuralSettings settings;
  auto synapses = testing::empty_synapses(3, 5, settings);
  // Traces favour neurons 0 and 1, weights neurons 2 and 3.
  const std::vector<float> traces = {0.6f, 0.5f, 0.2f, 0.1f};
  const std::vector<float> weights = {0.1f, 0.2f, 0.9f, 0.4f};
  for (std::size_t j = 0; j < 4; ++j) {
    realise(synapses, 2, j, traces[j]);
    synapses.weights()[synapses.index(2, j)] = weights[j];
  }
  CHECK(presynaptic_competition(synapses, 2, PresynapticSignal::kWeight, 20) == 2);
  CHECK(synapses.states()[synapses.index(2, 2)] == SynapseState::kSilent);
  CHECK(synapses.states()[synapses.index(2, 3)] == SynapseState::kSilent);
  CHECK(synapses.states()[synapses.index(2, 0)] == SynapseState::kAbsent);
  CHECK(synapses.states()[synapses.index(2, 1)] == SynapseState::kAbsent);
}

TEST_CASE("Presynaptic competition: a new synapse competes once it is mature",
          "[structural][economy]") {
  StructuralSettings settings;
  settings.growth_rate = 1.0;  // grows with probability = mean input x activity
  settings.min_age_batches = 3;
  settings.presynaptic_budget = 2;
  auto synapses = testing::empty_synapses(3, 5, settings);
  // Input 0 holds three mature silent synapses; neuron 4 was fully active and always saw
  // input 0, so a synapse grows there (silent, trace new_trace = 0.2, age 0).
  realise(synapses, 0, 0, 0.30f);
  realise(synapses, 0, 1, 0.35f);
  realise(synapses, 0, 2, 0.25f);
  std::vector<float> mean_input(15, 0.0f);
  mean_input[synapses.index(0, 4)] = 1.0f;
  const std::vector<float> activity = {0.0f, 0.0f, 0.0f, 0.0f, 1.0f};
  RandomStream random(1, 0, StreamPurpose::kFirstUserPurpose);
  auto stats = structural_step(synapses, mean_input, activity, settings, random);
  CHECK(stats.grown == 1);
  CHECK(stats.eliminated == 1);  // of the mature three, the weakest trace (neuron 2)
  CHECK(synapses.states()[synapses.index(0, 2)] == SynapseState::kAbsent);
  CHECK(synapses.states()[synapses.index(0, 4)] == SynapseState::kSilent);
  CHECK(synapses.counts().realised == 3);  // the young one is beyond the budget, exempt
  // Once older than min_age_batches with a stronger trace, it takes the weakest's place.
  const std::vector<float> idle(5, 0.0f);
  synapses.traces()[synapses.index(0, 4)] = 0.32f;
  for (int batch = 0; batch < 3; ++batch) {
    stats = structural_step(synapses, mean_input, idle, settings, random);
    CHECK(stats.eliminated == 0);
  }
  stats = structural_step(synapses, mean_input, idle, settings, random);
  CHECK(stats.eliminated == 1);
  CHECK(synapses.states()[synapses.index(0, 0)] == SynapseState::kAbsent);  // 0.30
  CHECK(synapses.states()[synapses.index(0, 1)] == SynapseState::kSilent);  // 0.35
  CHECK(synapses.states()[synapses.index(0, 4)] == SynapseState::kSilent);  // 0.32
  // Off (0): no competition.
  settings.presynaptic_budget = 0;
  realise(synapses, 0, 3, 0.1f);
  stats = structural_step(synapses, mean_input, idle, settings, random);
  CHECK(stats.eliminated == 0);
  CHECK(synapses.counts().realised == 3);  // neurons 1, 3 and 4: more than 2, kept
}

TEST_CASE(
    "Config: presynaptic_budget and the interneuron pool read, and the pool scales "
    "the inhibition weight by its input weight",
    "[config][economy]") {
  const auto config = parse_structural_config(
      nlohmann::json::parse(R"({"network": {"hidden": 400, "interneurons": 2,
        "interneuron_input_weight": 0.25}, "structural": {"presynaptic_budget": 30}})"),
      "test");
  CHECK(config.structural.presynaptic_budget == 30);
  CHECK(config.structural.presynaptic_signal == PresynapticSignal::kTrace);
  CHECK(config.network.interneurons == 2);
  // -20 / (p* = 0.2 x 400 hidden x 0.25 pool spikes per hidden spike) = -1.
  CHECK(config.network.inhibition_weight == Approx(-1.0));
  const auto lateral = parse_structural_config(
      nlohmann::json::parse(R"({"network": {"hidden": 400, "interneurons": 0}})"), "test");
  CHECK(lateral.network.inhibition_weight == Approx(-0.25));  // -20 / (0.2 x 400)
  CHECK(to_json(parse_structural_config(to_json(config), "round trip")) == to_json(config));
  CHECK_THROWS_WITH(
      parse_structural_config(
          nlohmann::json::parse(R"({"network": {"interneuron_input_weight": 0}})"), "t"),
      Catch::Contains("network.interneuron_input_weight"));
}

namespace {

// 2 inputs -> 3 hidden LIF neurons (input i drives hidden i with 1.5: a spike at once),
// inhibition through `pool` interneurons that each hidden spike excites by 0.6.
struct PoolRun {
  FeedForwardNetwork net;
  engine::SimulationCounters counters;
  std::vector<std::uint32_t> interneuron_spikes;
  double silent_neuron_potential = 0;  // hidden 2 at 2.2 ms
};

PoolRun run_pool(std::uint32_t pool) {
  FeedForwardSpec spec;
  spec.inputs = 2;
  spec.hidden = 3;
  spec.connectivity = 0.0;
  spec.lif = NetworkSettings{}.lif;    // rest = reset = 0, refractory 2 ms
  REQUIRE(spec.lif.tau_m_ms == 20.0);  // the hand computation below uses these two
  REQUIRE(spec.lif.v_threshold == 1.0);
  spec.inhibition_weight = -0.3;
  spec.inhibition_delay_ms = 0.5;
  spec.interneurons = pool;
  spec.interneuron_input_weight = 0.6;
  PoolRun out{build_feedforward(spec), {}, {}, 0};
  FeedForwardNetwork& net = out.net;
  net.network.replace_projection(net.input_to_hidden,
                                 engine::Projection("input_to_hidden", net.input, net.hidden, 2, 3,
                                                    {{0, 0, 1.5f, 0.0f}, {1, 1, 1.5f, 0.0f}}, 0.0));
  engine::Simulation simulation(net.network);
  simulation.start_trial(1, 0);
  const std::vector<double> t_ms = {1.0, 1.1};
  const std::vector<std::uint32_t> neuron = {0, 1};
  simulation.add_source_spikes(net.input, t_ms, neuron);
  simulation.run_until(2.2);
  out.silent_neuron_potential =
      simulation.membrane_potential(net.network.population(net.hidden).offset + 2, 2.2);
  simulation.run_until(10.0);
  out.counters = simulation.counters();
  const auto spikes = simulation.spike_counts(*net.interneurons);
  out.interneuron_spikes.assign(spikes.begin(), spikes.end());
  return out;
}

}  // namespace

TEST_CASE("Interneuron pool: its SynOps are the spikes it receives and delivers",
          "[spiking][economy]") {
  SECTION("one interneuron sums two hidden spikes and inhibits every hidden neuron") {
    const PoolRun run = run_pool(1);
    REQUIRE(run.net.interneurons);
    CHECK_FALSE(run.net.lateral_inhibition);
    // Hidden spikes at 1.0 and 1.1 reach the interneuron at 1.5 and 1.6:
    // 0.6 exp(-0.1 / 20) + 0.6 = 1.197 >= 1, one spike at 1.6, which reaches the hidden
    // layer at 2.1.
    CHECK(run.interneuron_spikes == std::vector<std::uint32_t>{1});
    CHECK(run.counters.populations[run.net.hidden].spikes == 2);
    CHECK(run.counters.projections[*run.net.hidden_to_interneurons].synaptic_events == 2);
    CHECK(run.counters.projections[*run.net.interneurons_to_hidden].synaptic_events == 3);
    // The neuron that never fired took the inhibition at 2.1 and leaks back for 0.1 ms.
    // (The synapse stores the weight as a float.)
    CHECK(run.silent_neuron_potential ==
          Approx(static_cast<double>(-0.3f) * std::exp(-0.1 / 20.0)).epsilon(1e-9));
  }
  SECTION("two interneurons each get one hidden spike, stay below threshold, cost nothing") {
    const PoolRun run = run_pool(2);
    CHECK(run.interneuron_spikes == std::vector<std::uint32_t>{0, 0});
    CHECK(run.counters.projections[*run.net.hidden_to_interneurons].synaptic_events == 2);
    CHECK(run.counters.projections[*run.net.interneurons_to_hidden].synaptic_events == 0);
    CHECK(run.silent_neuron_potential == 0.0);
  }
}
