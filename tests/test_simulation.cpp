// The simulation loop: delays, counters, recorders, and reproducibility across threads.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <vector>

#include "encoders/mnist.hpp"
#include "engine/membrane_recorder.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulation.hpp"
#include "engine/spike_recorder.hpp"
#include "engine_test_network.hpp"
#include "models/spiking/feedforward_network.hpp"
#include "models/spiking/image_simulation.hpp"
#include "test_helpers.hpp"

using namespace sprout;
using sprout::testing::make_source_to_lif;
using sprout::testing::spike_times_of;

TEST_CASE("Simulation: SynOps count one per spike per realised synapse", "[simulation]") {
  models::LifParameters p;
  p.v_threshold = 100.0;  // never fires: only deliveries are counted
  // Source 0 reaches 3 targets, source 1 reaches 1, source 2 none.
  auto net = make_source_to_lif(
      3, 4, p, {{0, 0, 0.1f, 0}, {0, 1, 0.1f, 0}, {0, 3, 0.1f, 0}, {1, 2, 0.1f, 0}});
  engine::Simulation simulation(net.network);
  simulation.start_trial(1, 0);
  simulation.add_source_spikes(net.source, std::vector<double>{1, 2, 3, 4, 5},
                               std::vector<std::uint32_t>{0u, 0u, 1u, 2u, 2u});
  simulation.run_until(10.0);
  const auto& counters = simulation.counters();
  CHECK(counters.projections[0].synaptic_events == 3 + 3 + 1);
  CHECK(counters.projections[0].queue_events == 3);  // source 2 has no synapses: no event
  CHECK(counters.populations[net.source].spikes == 5);
  CHECK(counters.populations[net.lif].state_updates == 7);
}

TEST_CASE("Simulation: delays shift arrival, events at or after t_end wait", "[simulation]") {
  models::LifParameters p;
  auto net = make_source_to_lif(1, 1, p, {{0, 0, 1.5f, 0}}, 2.5);
  engine::Simulation simulation(net.network);
  engine::SpikeRecorder recorder(10);
  simulation.set_spike_recorder(&recorder);
  simulation.start_trial(1, 0);
  simulation.add_source_spikes(net.source, std::vector<double>{1.0, 8.0},
                               std::vector<std::uint32_t>{0u, 0u});
  simulation.run_until(10.5);  // the second arrival is at 10.5: not yet
  CHECK(spike_times_of(recorder, 1) == std::vector<double>{3.5});
  simulation.run_until(11.0);
  CHECK(spike_times_of(recorder, 1) == std::vector<double>{3.5, 10.5});
}

TEST_CASE("Spike recorder: a full recorder drops and counts instead of growing", "[recorder]") {
  engine::SpikeRecorder recorder(3);
  for (int k = 0; k < 5; ++k)
    recorder.record(5.0 - k, static_cast<engine::NeuronId>(k));
  CHECK(recorder.spikes().size() == 3);
  CHECK(recorder.dropped() == 2);
  CHECK(recorder.truncated());
  CHECK(recorder.sorted().front().t_ms == 3.0);
}

TEST_CASE("Raster files: binary round-trips exactly, CSV has a header", "[recorder]") {
  testing::TemporaryFolder folder;
  const std::vector<engine::RecordedSpike> spikes = {{0.125, 3}, {1.0 / 3.0, 783}, {349.9, 1000}};
  engine::write_raster_binary(folder.path() / "r.bin", spikes);
  const auto back = engine::read_raster_binary(folder.path() / "r.bin");
  REQUIRE(back.size() == 3);
  CHECK(back[1].t_ms == spikes[1].t_ms);
  CHECK(back[2].neuron == 1000);
  CHECK(std::filesystem::file_size(folder.path() / "r.bin") == 16 + 3 * 12);
  engine::write_raster_csv(folder.path() / "r.csv", spikes);
  std::ifstream csv(folder.path() / "r.csv");
  std::string header, first;
  std::getline(csv, header);
  std::getline(csv, first);
  CHECK(header == "t_ms,neuron");
  CHECK(first == "0.125,3");
}

TEST_CASE("Membrane recorder: exact samples, and a budget it refuses to exceed", "[recorder]") {
  CHECK_THROWS_WITH(engine::MembraneRecorder({0, 1, 2}, 0.01, 1000.0, 1'000'000),
                    Catch::Contains("over the budget") && Catch::Contains("3 neurons"));
  models::LifParameters p;
  p.v_threshold = 10.0;
  auto net = make_source_to_lif(1, 1, p, {{0, 0, 0.5f, 0}});
  engine::Simulation simulation(net.network);
  engine::MembraneRecorder recorder({1}, 1.0, 10.0, 1'000'000);
  simulation.set_membrane_recorder(&recorder);
  simulation.start_trial(1, 0);
  simulation.add_source_spikes(net.source, std::vector<double>{2.5},
                               std::vector<std::uint32_t>{0u});
  simulation.run_until(10.0);
  REQUIRE(recorder.samples_taken() == 10);  // t = 0, 1, ..., 9
  CHECK(recorder.value(0, 2) == 0.0);
  CHECK(recorder.value(0, 3) == Approx(0.5 * std::exp(-0.5 / 20.0)).epsilon(1e-12));
  CHECK(recorder.value(0, 9) == Approx(0.5 * std::exp(-6.5 / 20.0)).epsilon(1e-12));
}

namespace {

encoders::LabelledImages random_images(std::size_t count) {
  encoders::LabelledImages images;
  images.count = count;
  images.rows = 28;
  images.cols = 28;
  RandomStream random(99, 0, StreamPurpose::kFirstUserPurpose);
  for (std::size_t k = 0; k < count * 784; ++k) {
    images.pixels.push_back(random.uniform() < 0.8 ? 0
                                                   : static_cast<std::uint8_t>(random.below(256)));
  }
  images.labels.assign(count, 0);
  return images;
}

}  // namespace

TEST_CASE("Determinism: the same seed gives identical results on 1 and 2 threads",
          "[simulation][determinism]") {
  models::FeedForwardSpec spec;
  spec.hidden = 200;
  spec.inhibition_weight = -0.05;  // exercise recurrent events and delays too
  const auto net = models::build_feedforward(spec);
  const auto images = random_images(12);
  models::PresentationOptions options;
  options.seed = 5;
  options.raster_max_spikes = 100000;
  options.threads = 1;
  const auto one = models::present_images(net, images, 0, images.count, options);
  options.threads = 2;
  const auto two = models::present_images(net, images, 0, images.count, options);
  CHECK(one.hidden_counts == two.hidden_counts);
  CHECK(one.counters.synaptic_events() == two.counters.synaptic_events());
  CHECK(one.counters.projections[1].synaptic_events == two.counters.projections[1].synaptic_events);
  REQUIRE(one.first_image_raster.size() == two.first_image_raster.size());
  for (std::size_t k = 0; k < one.first_image_raster.size(); ++k) {
    REQUIRE(one.first_image_raster[k].t_ms == two.first_image_raster[k].t_ms);
    REQUIRE(one.first_image_raster[k].neuron == two.first_image_raster[k].neuron);
  }
  // Activity is real: inputs spike, hidden neurons spike, inhibition delivers events.
  CHECK(one.counters.populations[net.input].spikes > 1000);
  CHECK(one.counters.populations[net.hidden].spikes > 100);
  // Each delivered inhibition event reaches the other hidden neurons. Spikes in the last
  // inhibition_delay_ms of a presentation arrive after its end and are not delivered.
  const auto& inhibition = one.counters.projections[1];
  CHECK(inhibition.synaptic_events == inhibition.queue_events * (spec.hidden - 1));
  CHECK(inhibition.queue_events <= one.counters.populations[net.hidden].spikes);
  CHECK(inhibition.queue_events * 10 >= one.counters.populations[net.hidden].spikes * 9);
  // A different seed changes the input spikes.
  options.seed = 6;
  const auto other = models::present_images(net, images, 0, images.count, options);
  CHECK(other.hidden_counts != one.hidden_counts);
}
