// Shared delivery of all-to-all lateral inhibition (Projection::enable_shared_delivery,
// LifState::receive_shared) against the hand-computed membrane and against delivery to
// every target one by one, which the other LIF tests check against closed forms.
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/spike_recorder.hpp"
#include "engine_test_network.hpp"
#include "models/spiking/feedforward_network.hpp"

using namespace sprout;
using sprout::engine::Projection;
using sprout::engine::Simulation;
using sprout::engine::SpikeRecorder;
using sprout::models::LifParameters;

namespace {

struct InhibitedNetwork {
  engine::Network network;
  engine::PopulationId source = 0;
  engine::PopulationId lif = 0;
  engine::ProjectionId inhibition = 0;
};

// `sources` inputs with random excitatory weights in [0, max_weight) onto LIF neurons
// with the given thresholds, which inhibit each other all-to-all with `weight` after
// `delay_ms`.
InhibitedNetwork inhibited_network(std::uint32_t sources, std::span<const double> thresholds,
                                   const LifParameters& p, double max_weight, double weight,
                                   double delay_ms, bool shared) {
  const auto neurons = static_cast<std::uint32_t>(thresholds.size());
  InhibitedNetwork out;
  out.source =
      out.network.add_population("source", std::make_shared<engine::SpikeSourceGroup>(sources));
  auto group = std::make_shared<models::LifGroup>(neurons, p);
  group->set_thresholds(thresholds);
  out.lif = out.network.add_population("lif", group);
  RandomStream random(7, 0, StreamPurpose::kFirstUserPurpose);
  std::vector<engine::SynapseSpec> synapses;
  for (std::uint32_t i = 0; i < sources; ++i) {
    for (std::uint32_t j = 0; j < neurons; ++j)
      synapses.push_back({i, j, static_cast<float>(random.uniform(0.0, max_weight)), 0.0f});
  }
  out.network.add_projection(
      Projection("input", out.source, out.lif, sources, neurons, std::move(synapses), 0.0));
  out.inhibition = out.network.add_projection(
      models::lateral_inhibition_projection(out.lif, neurons, weight, delay_ms, shared));
  return out;
}

struct Run {
  std::vector<engine::RecordedSpike> spikes;
  std::vector<double> final_potentials;
  std::uint64_t inhibitory_synaptic_events = 0;
};

// Poisson-like input (seeded) for 300 ms; every spike and the potentials at the end.
Run run(const InhibitedNetwork& network) {
  Simulation simulation(network.network);
  SpikeRecorder recorder(1'000'000);
  simulation.set_spike_recorder(&recorder);
  simulation.start_trial(1, 0);
  const std::uint32_t sources = network.network.population(network.source).size;
  RandomStream random(11, 0, StreamPurpose::kFirstUserPurpose);
  std::vector<double> times;
  std::vector<std::uint32_t> neurons;
  for (double t = 0.0; t < 300.0; t += 0.1) {
    for (std::uint32_t i = 0; i < sources; ++i) {
      if (random.uniform() < 0.01) {  // 100 Hz per input
        times.push_back(t);
        neurons.push_back(i);
      }
    }
  }
  simulation.add_source_spikes(network.source, times, neurons);
  simulation.run_until(300.0);
  Run result;
  result.spikes = recorder.sorted();
  const auto& info = network.network.population(network.lif);
  for (std::uint32_t j = 0; j < info.size; ++j)
    result.final_potentials.push_back(simulation.membrane_potential(info.offset + j, 300.0));
  result.inhibitory_synaptic_events =
      simulation.counters().projections[network.inhibition].synaptic_events;
  return result;
}

void check_same(const Run& shared, const Run& per_target) {
  REQUIRE(per_target.spikes.size() > 100);  // the inhibition has work to do
  REQUIRE(shared.spikes.size() == per_target.spikes.size());
  for (std::size_t k = 0; k < shared.spikes.size(); ++k) {
    CHECK(shared.spikes[k].neuron == per_target.spikes[k].neuron);
    CHECK(shared.spikes[k].t_ms == Approx(per_target.spikes[k].t_ms).margin(1e-9));
  }
  for (std::size_t j = 0; j < shared.final_potentials.size(); ++j)
    CHECK(shared.final_potentials[j] == Approx(per_target.final_potentials[j]).margin(1e-9));
  // SynOps count what the inhibition stands for, one per target.
  CHECK(shared.inhibitory_synaptic_events == per_target.inhibitory_synaptic_events);
}

}  // namespace

TEST_CASE("Shared inhibition: the hand-computed membrane, a neuron does not inhibit itself",
          "[lif][shared]") {
  // Neuron 0 fires at t = 1 on one strong input. Its inhibition (-0.5) arrives at t = 4,
  // after its 2 ms refractory period, so it would reach neuron 0 itself if the shared
  // event did not exclude it. Neuron 1 got 0.375 at t = 0.
  LifParameters p;  // tau 20 ms, threshold 1, reset 0, refractory 2 ms
  for (const bool shared : {false, true}) {
    auto net = testing::make_source_to_lif(2, 2, p, {{0, 0, 1.5f, 0.0f}, {1, 1, 0.375f, 0.0f}});
    net.network.add_projection(
        models::lateral_inhibition_projection(net.lif, 2, -0.5, 3.0, shared));
    Simulation simulation(net.network);
    simulation.start_trial(1, 0);
    simulation.add_source_spikes(net.source, std::vector<double>{0.0, 1.0},
                                 std::vector<std::uint32_t>{1, 0});
    const double tau = p.tau_m_ms;
    simulation.run_until(3.9);  // not yet arrived
    CHECK(simulation.membrane_potential(3, 3.9) == Approx(0.375 * std::exp(-3.9 / tau)));
    simulation.run_until(10.0);
    CHECK(simulation.membrane_potential(2, 10.0) == Approx(0.0).margin(1e-12));
    CHECK(simulation.membrane_potential(3, 10.0) ==
          Approx(0.375 * std::exp(-10.0 / tau) - 0.5 * std::exp(-6.0 / tau)).epsilon(1e-12));
  }
}

TEST_CASE("Shared inhibition: the same spikes as delivery to every target", "[lif][shared]") {
  LifParameters p;  // tau 20 ms, threshold 1, reset 0, refractory 2 ms
  const std::vector<double> one_threshold(30, 1.0);
  auto same_both_ways = [&](std::span<const double> thresholds, double max_weight,
                            double delay_ms) {
    const auto per_target =
        inhibited_network(20, thresholds, p, max_weight, -0.15, delay_ms, false);
    const auto shared = inhibited_network(20, thresholds, p, max_weight, -0.15, delay_ms, true);
    check_same(run(shared), run(per_target));
  };
  SECTION("delay shorter than the refractory period, one threshold") {
    same_both_ways(one_threshold, 0.4, 0.5);
  }
  SECTION("delay longer than the refractory period, a threshold per neuron") {
    std::vector<double> thresholds;
    for (int j = 0; j < 30; ++j)
      thresholds.push_back(0.8 + 0.02 * j);
    same_both_ways(thresholds, 0.4, 3.0);
  }
  SECTION("a reset below rest") {
    p.v_reset = -0.3;
    same_both_ways(one_threshold, 0.4, 0.5);
  }
  SECTION("a fast membrane: exp(t / tau) passes e^500 and the state is re-based") {
    p.tau_m_ms = 0.5;
    p.refractory_ms = 0.2;
    same_both_ways(one_threshold, 1.5, 0.1);
  }
}

TEST_CASE("Shared inhibition: only an all-to-all projection of one weight <= 0 qualifies",
          "[projection][shared]") {
  auto build = [](std::vector<engine::SynapseSpec> synapses, std::optional<double> delay) {
    return Projection("lateral", 0, 0, 3, 3, std::move(synapses), delay);
  };
  const std::vector<engine::SynapseSpec> all = {{0, 1, -0.5f, 0.0f}, {0, 2, -0.5f, 0.0f},
                                                {1, 0, -0.5f, 0.0f}, {1, 2, -0.5f, 0.0f},
                                                {2, 0, -0.5f, 0.0f}, {2, 1, -0.5f, 0.0f}};
  Projection good = build(all, 1.0);
  good.enable_shared_delivery();
  CHECK(good.shared_delivery());
  CHECK(good.shared_weight() == -0.5f);

  auto missing = all;
  missing.pop_back();
  CHECK_THROWS_WITH(build(missing, 1.0).enable_shared_delivery(),
                    Catch::Contains("projection 'lateral': shared delivery needs every neuron"));
  auto self = all;
  self.back() = {2, 2, -0.5f, 0.0f};
  CHECK_THROWS_WITH(build(self, 1.0).enable_shared_delivery(), Catch::Contains("every neuron"));
  auto mixed = all;
  mixed.front().weight = -0.25f;
  CHECK_THROWS_WITH(build(mixed, 1.0).enable_shared_delivery(), Catch::Contains("one weight"));
  auto excitatory = all;
  for (auto& s : excitatory)
    s.weight = 0.5f;
  CHECK_THROWS_WITH(build(excitatory, 1.0).enable_shared_delivery(),
                    Catch::Contains("a weight <= 0"));
  CHECK_THROWS_WITH(build(all, std::nullopt).enable_shared_delivery(),
                    Catch::Contains("one delay"));
  CHECK_THROWS_WITH(build({}, 1.0).enable_shared_delivery(), Catch::Contains("every neuron"));
  CHECK_FALSE(build(all, 1.0).shared_delivery());  // off unless asked for
}
