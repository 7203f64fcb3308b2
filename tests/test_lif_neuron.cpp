// Exactness of the event-driven LIF/IF neuron against closed-form solutions.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "engine_test_network.hpp"

using sprout::engine::Simulation;
using sprout::engine::SpikeRecorder;
using sprout::models::LifParameters;
using sprout::testing::make_source_to_lif;
using sprout::testing::spike_times_of;

namespace {

constexpr double kTimeTolerance = 1e-9;  // ms

// Regular input train: times start, start + period, ... below end.
std::vector<double> regular_times(double start_ms, double period_ms, double end_ms) {
  std::vector<double> times;
  for (double t = start_ms; t < end_ms; t += period_ms)
    times.push_back(t);
  return times;
}

// Index (0-based) of the first input of a regular train after which
// v_n = w * sum_{k<n} q^k, q = exp(-period/tau), reaches the threshold.
int first_crossing_input(double w, double period_ms, double tau_ms, double threshold) {
  const double q = std::exp(-period_ms / tau_ms);
  for (int n = 1; n < 10000; ++n) {
    const double v = w * (1.0 - std::pow(q, n)) / (1.0 - q);
    if (v >= threshold) return n - 1;
  }
  return -1;
}

// Spike times of one LIF neuron driven by a regular train of weight w from `start_ms`,
// simulated until `end_ms`.
std::vector<double> spikes_under_regular_train(const LifParameters& p, double w, double period_ms,
                                               double start_ms, double end_ms) {
  auto net = make_source_to_lif(1, 1, p, {{0, 0, static_cast<float>(w), 0.0f}});
  Simulation simulation(net.network);
  SpikeRecorder recorder(100000);
  simulation.set_spike_recorder(&recorder);
  simulation.start_trial(1, 0);
  const auto times = regular_times(start_ms, period_ms, end_ms);
  simulation.add_source_spikes(net.source, times, std::vector<std::uint32_t>(times.size(), 0));
  simulation.run_until(end_ms);
  return spike_times_of(recorder, 1);
}

}  // namespace

TEST_CASE("LIF: a regular input train reaches threshold at the analytic time", "[lif]") {
  LifParameters p;  // tau 20 ms, threshold 1, reset 0, refractory 2 ms
  const double w = 0.3, period = 5.0, start = 1.0;
  const auto spikes = spikes_under_regular_train(p, w, period, start, 200.0);
  // Closed form: 6 inputs reach 1 (v_6 = 1.0097); after the reset the same again.
  const int n = first_crossing_input(w, period, p.tau_m_ms, p.v_threshold);
  REQUIRE(n == 5);
  REQUIRE(spikes.size() >= 3);
  CHECK(spikes[0] == Approx(start + n * period).margin(kTimeTolerance));
  CHECK(spikes[1] == Approx(start + 2 * (n + 1) * period - period).margin(kTimeTolerance));
  CHECK(spikes[2] == Approx(spikes[1] + (n + 1) * period).margin(kTimeTolerance));
}

TEST_CASE("LIF: the membrane between events follows the exact exponential decay", "[lif]") {
  LifParameters p;
  p.v_threshold = 10.0;
  auto net = make_source_to_lif(1, 1, p, {{0, 0, 0.375f, 0.0f}});  // exact in float
  Simulation simulation(net.network);
  simulation.start_trial(1, 0);
  const std::vector<double> times = {2.0, 7.0};
  simulation.add_source_spikes(net.source, times, std::vector<std::uint32_t>{0u, 0u});
  simulation.run_until(100.0);
  const double v_at_7 = 0.375 * std::exp(-5.0 / 20.0) + 0.375;
  CHECK(simulation.membrane_potential(1, 7.0) == Approx(v_at_7).epsilon(1e-12));
  CHECK(simulation.membrane_potential(1, 50.0) ==
        Approx(v_at_7 * std::exp(-43.0 / 20.0)).epsilon(1e-12));
}

TEST_CASE("LIF: reset and absolute refractoriness drop inputs, then integration resumes", "[lif]") {
  LifParameters p;
  p.refractory_ms = 2.5;
  auto net = make_source_to_lif(1, 1, p, {{0, 0, 0.6f, 0.0f}});
  Simulation simulation(net.network);
  SpikeRecorder recorder(100);
  simulation.set_spike_recorder(&recorder);
  simulation.start_trial(1, 0);
  // Inputs every 1 ms from t = 10: the 2nd input fires the neuron (0.6 e^{-1/20} + 0.6 > 1).
  const auto times = regular_times(10.0, 1.0, 15.5);
  simulation.add_source_spikes(net.source, times, std::vector<std::uint32_t>(times.size(), 0));
  simulation.run_until(15.5);
  // 10: v = 0.6; 11: 0.6 e^{-1/20} + 0.6 = 1.17 fires. Refractory until 13.5: the
  // inputs at 12 and 13 are lost (had they counted, 13 would fire). 14: 0.6 from reset;
  // 15: 1.17 fires again.
  const auto spikes = spike_times_of(recorder, 1);
  REQUIRE(spikes.size() == 2);
  CHECK(spikes[0] == Approx(11.0).margin(kTimeTolerance));
  CHECK(spikes[1] == Approx(15.0).margin(kTimeTolerance));
}

TEST_CASE("LIF: the membrane is clamped at reset while refractory", "[lif]") {
  LifParameters p;
  p.refractory_ms = 2.5;
  p.v_reset = -0.2;
  auto net = make_source_to_lif(1, 1, p, {{0, 0, 1.5f, 0.0f}});
  Simulation simulation(net.network);
  simulation.start_trial(1, 0);
  simulation.add_source_spikes(net.source, std::vector<double>{10.0, 11.0, 14.0},
                               std::vector<std::uint32_t>{0u, 0u, 0u});
  // Potentials are asked for at or after the last processed event, as the API requires.
  simulation.run_until(12.4);
  CHECK(simulation.spike_counts(net.lif)[0] == 1);
  CHECK(simulation.membrane_potential(1, 12.4) == -0.2);
  simulation.run_until(12.9);
  CHECK(simulation.membrane_potential(1, 12.9) == Approx(-0.2 * std::exp(-0.4 / 20.0)));
  simulation.run_until(16.4);
  // After 12.5 the reset value relaxes towards rest (0); the input at 14 adds 1.5: fires.
  CHECK(simulation.spike_counts(net.lif)[0] == 2);
  CHECK(simulation.membrane_potential(1, 16.4) == -0.2);
  simulation.run_until(20.0);
  CHECK(simulation.membrane_potential(1, 18.0) ==
        Approx(-0.2 * std::exp(-(18.0 - 16.5) / 20.0)).epsilon(1e-12));
}

TEST_CASE("LIF: inputs at the same time apply in (time, source) order", "[lif][order]") {
  LifParameters p;
  // Source 0: -0.5 (inhibitory), source 1: +1.2. Both arrive at t = 5.
  SECTION("inhibition from the lower source id first: no spike") {
    auto net = make_source_to_lif(2, 1, p, {{0, 0, -0.5f, 0.0f}, {1, 0, 1.2f, 0.0f}});
    Simulation simulation(net.network);
    simulation.start_trial(1, 0);
    simulation.add_source_spikes(net.source, std::vector<double>{5.0, 5.0},
                                 std::vector<std::uint32_t>{1u, 0u});
    simulation.run_until(10.0);
    CHECK(simulation.spike_counts(net.lif)[0] == 0);
    CHECK(simulation.membrane_potential(2, 5.0) == Approx(0.7));
  }
  SECTION("excitation from the lower source id first: spike, then the inhibition is lost") {
    auto net = make_source_to_lif(2, 1, p, {{0, 0, 1.2f, 0.0f}, {1, 0, -0.5f, 0.0f}});
    Simulation simulation(net.network);
    simulation.start_trial(1, 0);
    simulation.add_source_spikes(net.source, std::vector<double>{5.0, 5.0},
                                 std::vector<std::uint32_t>{1u, 0u});
    simulation.run_until(10.0);
    CHECK(simulation.spike_counts(net.lif)[0] == 1);
    CHECK(simulation.membrane_potential(2, 9.0) == 0.0);
  }
}

TEST_CASE("IF: without leak, n inputs of weight w fire at the ceil(threshold/w)-th", "[lif][if]") {
  LifParameters p;
  p.tau_m_ms = std::numeric_limits<double>::infinity();
  auto net = make_source_to_lif(1, 1, p, {{0, 0, 0.25f, 0.0f}});
  Simulation simulation(net.network);
  SpikeRecorder recorder(100);
  simulation.set_spike_recorder(&recorder);
  simulation.start_trial(1, 0);
  // Inputs 17 ms apart: a leaky neuron would forget; the IF neuron does not.
  const auto times = regular_times(3.0, 17.0, 200.0);
  simulation.add_source_spikes(net.source, times, std::vector<std::uint32_t>(times.size(), 0));
  simulation.run_until(185.0);
  // Three inputs (139, 156, 173) since the last spike, none of them decayed.
  CHECK(simulation.membrane_potential(1, 185.0) == 0.75);
  simulation.run_until(200.0);
  const auto spikes = spike_times_of(recorder, 1);
  REQUIRE(spikes.size() == 3);
  CHECK(spikes[0] == Approx(3.0 + 3 * 17.0).margin(kTimeTolerance));
  CHECK(spikes[1] == Approx(3.0 + 7 * 17.0).margin(kTimeTolerance));
  CHECK(spikes[2] == Approx(3.0 + 11 * 17.0).margin(kTimeTolerance));
}

TEST_CASE("LIF: rest above threshold fires periodically at tau ln((reset-rest)/(thr-rest))",
          "[lif][drift]") {
  LifParameters p;
  p.v_rest = 1.5;
  p.v_reset = 0.0;
  p.v_threshold = 1.0;
  p.refractory_ms = 2.0;
  auto net = make_source_to_lif(1, 1, p, {});
  Simulation simulation(net.network);
  SpikeRecorder recorder(100);
  simulation.set_spike_recorder(&recorder);
  simulation.start_trial(1, 0);
  simulation.run_until(200.0);
  const double rise = 20.0 * std::log(1.5 / 0.5);  // from 0 to 1, relaxing towards 1.5
  const auto spikes = spike_times_of(recorder, 1);
  REQUIRE(spikes.size() == 8);
  for (std::size_t k = 0; k < spikes.size(); ++k) {
    CHECK(spikes[k] == Approx(rise + k * (rise + 2.0)).margin(kTimeTolerance));
  }
}

TEST_CASE("LIF: long runs re-base the scaled state without losing exactness", "[lif]") {
  LifParameters p;  // tau 20: exp(t/tau) passes e^500 at t = 10 s, forcing a re-base
  const auto spikes = spikes_under_regular_train(p, 0.3, 5.0, 1.0, 30000.0);
  // Each cycle: 6 inputs from reset (first_crossing_input = 5), i.e. a spike every 30 ms.
  REQUIRE(spikes.size() == 1000);
  for (std::size_t k = 0; k < spikes.size(); ++k) {
    REQUIRE(spikes[k] == Approx(26.0 + 30.0 * static_cast<double>(k)).margin(kTimeTolerance));
  }
}

TEST_CASE("LIF: parameters out of range are rejected with the parameter's name", "[lif]") {
  LifParameters p;
  p.v_reset = 2.0;
  CHECK_THROWS_WITH(sprout::models::LifGroup(3, p), Catch::Contains("v_reset"));
  p = LifParameters{};
  p.tau_m_ms = -1;
  CHECK_THROWS_WITH(sprout::models::LifGroup(3, p), Catch::Contains("tau_m_ms"));
  sprout::models::LifGroup group(2, LifParameters{});
  CHECK_THROWS_WITH(group.set_thresholds(std::vector<double>{1.0, -0.5}),
                    Catch::Contains("not above v_reset"));
}
