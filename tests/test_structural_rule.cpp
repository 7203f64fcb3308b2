// The parts of the structural-plasticity rule on hand-made cases.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <vector>

#include "models/structural/competitive_hebbian.hpp"
#include "models/structural/homeostasis.hpp"
#include "models/structural/potential_synapses.hpp"
#include "models/structural/readout.hpp"
#include "models/structural/structural_config.hpp"
#include "models/structural/structural_learner.hpp"
#include "structural_test_synapses.hpp"
#include "test_helpers.hpp"

using namespace sprout;
using namespace sprout::models;

namespace {

// Eight 4 x 4 images of vertical (label 0) and horizontal (label 1) bars.
encoders::LabelledImages bar_images() {
  encoders::LabelledImages images;
  images.count = 8;
  images.rows = 4;
  images.cols = 4;
  for (std::size_t k = 0; k < images.count; ++k) {
    for (std::size_t p = 0; p < 16; ++p) {
      const bool on = k % 2 == 0 ? p % 4 == k % 4 : p / 4 == k % 4;
      images.pixels.push_back(on ? 255 : 10);
    }
    images.labels.push_back(static_cast<std::uint8_t>(k % 2));
  }
  return images;
}

// A 16 -> 4 network that spikes a lot on bar_images().
StructuralConfig tiny_config() {
  StructuralConfig c;
  c.network.hidden = 4;
  c.hebbian.winners = 2;
  c.encoder.max_rate_hz = 500;
  c.network.input_gain = 1.0;
  c.structural.initial_connectivity = 1.0;
  c.hebbian.learning_rate = 0.1;
  c.readout.learning_rate = 0.04;
  c.threads = 1;
  // The plain rule these tests were written for: a constant Hebbian rate, no readout
  // normalisation, one epoch that learns everything, no schedule.
  c.hebbian.annealed = false;
  c.homeostasis.target_firing_probability = 0.1;
  c.network.inhibition_weight = -0.5;
  c.readout.normalisation_rate = 0.0;
  c.epochs = 1;
  c.learning_rate_decay = 1.0;
  c.feature_learning_epochs = 0;
  c.replay_frozen_responses = false;
  return c;
}

}  // namespace

TEST_CASE("Structure: a consolidated synapse is never eliminated", "[structural]") {
  StructuralSettings settings;
  settings.growth_rate = 0.0;
  auto synapses = testing::empty_synapses(4, 2, settings);
  const std::size_t k = synapses.index(2, 1);
  synapses.states()[k] = SynapseState::kConsolidated;
  synapses.weights()[k] = 0.5f;
  synapses.traces()[k] = 0.0f;  // no co-activity at all
  synapses.ages()[k] = 1000;
  const std::vector<float> mean_input(8, 0.0f), activity(2, 0.0f);
  RandomStream random(1, 0, StreamPurpose::kFirstUserPurpose);
  for (int batch = 0; batch < 100; ++batch) {
    structural_step(synapses, mean_input, activity, settings, random);
  }
  CHECK(synapses.states()[k] == SynapseState::kConsolidated);
  CHECK(synapses.weights()[k] == 0.5f);

  // Reversible consolidation: below the deconsolidation threshold it turns silent first,
  // and only then can it be eliminated (it is old enough already).
  settings.deconsolidation_threshold = 0.2;
  auto stats = structural_step(synapses, mean_input, activity, settings, random);
  CHECK(stats.deconsolidated == 1);
  CHECK(stats.eliminated == 0);
  CHECK(synapses.states()[k] == SynapseState::kSilent);
  stats = structural_step(synapses, mean_input, activity, settings, random);
  CHECK(stats.eliminated == 1);
  CHECK(synapses.states()[k] == SynapseState::kAbsent);
}

TEST_CASE("Structure: a consolidated synapse whose trace stays high stays consolidated",
          "[structural]") {
  StructuralSettings settings;
  settings.growth_rate = 0.0;
  settings.deconsolidation_threshold = 0.2;
  auto synapses = testing::empty_synapses(4, 2, settings);
  const std::size_t k = synapses.index(0, 0);
  synapses.states()[k] = SynapseState::kConsolidated;
  synapses.traces()[k] = 0.25f;  // above 0.2, below the consolidation threshold 0.4
  const std::vector<float> mean_input(8, 0.0f), activity(2, 0.0f);
  RandomStream random(1, 0, StreamPurpose::kFirstUserPurpose);
  const auto stats = structural_step(synapses, mean_input, activity, settings, random);
  CHECK(stats.deconsolidated == 0);
  CHECK(synapses.states()[k] == SynapseState::kConsolidated);
}

TEST_CASE("Structure: a silent synapse whose trace stays low is eliminated once old enough",
          "[structural]") {
  StructuralSettings settings;
  settings.growth_rate = 0.0;
  settings.min_age_batches = 3;
  settings.elimination_threshold = 0.1;
  auto synapses = testing::empty_synapses(4, 2, settings);
  const std::size_t low = synapses.index(0, 0), high = synapses.index(1, 0);
  for (std::size_t k : {low, high}) {
    synapses.states()[k] = SynapseState::kSilent;
    synapses.weights()[k] = 0.2f;
  }
  synapses.traces()[low] = 0.05f;  // below elimination
  synapses.traces()[high] = 0.3f;  // between elimination and consolidation (0.4)
  const std::vector<float> mean_input(8, 0.0f), activity(2, 0.0f);
  RandomStream random(1, 0, StreamPurpose::kFirstUserPurpose);
  for (int batch = 0; batch < 3; ++batch) {
    structural_step(synapses, mean_input, activity, settings, random);
    CHECK(synapses.states()[low] == SynapseState::kSilent);  // still young
  }
  const auto stats = structural_step(synapses, mean_input, activity, settings, random);
  CHECK(stats.eliminated == 1);
  CHECK(synapses.states()[low] == SynapseState::kAbsent);
  CHECK(synapses.weights()[low] == 0.0f);
  CHECK(synapses.states()[high] == SynapseState::kSilent);
  synapses.traces()[high] = 0.45f;
  structural_step(synapses, mean_input, activity, settings, random);
  CHECK(synapses.states()[high] == SynapseState::kConsolidated);
  CHECK(synapses.counts().realised == 1);
  CHECK(synapses.counts().consolidated == 1);
}

TEST_CASE("Structure: activity-guided growth only where the active neuron saw input",
          "[structural]") {
  StructuralSettings settings;
  settings.growth_rate = 1.0;  // probability = mean input when active x activity
  auto synapses = testing::empty_synapses(4, 2, settings);
  std::vector<float> mean_input(8, 0.0f);
  mean_input[synapses.index(3, 0)] = 1.0f;  // neuron 0 always saw input 3
  mean_input[synapses.index(1, 1)] = 1.0f;  // neuron 1 saw input 1, but was silent
  const std::vector<float> activity = {1.0f, 0.0f};
  RandomStream random(1, 0, StreamPurpose::kFirstUserPurpose);
  const auto stats = structural_step(synapses, mean_input, activity, settings, random);
  CHECK(stats.grown == 1);
  CHECK(synapses.states()[synapses.index(3, 0)] == SynapseState::kSilent);
  CHECK(synapses.weights()[synapses.index(3, 0)] == static_cast<float>(settings.new_weight));
  CHECK(synapses.states()[synapses.index(1, 1)] == SynapseState::kAbsent);
}

TEST_CASE("Structure: the engine projection holds realised synapses at weight x gain",
          "[structural]") {
  StructuralSettings settings;
  auto synapses = testing::empty_synapses(4, 2, settings);
  synapses.states()[synapses.index(2, 1)] = SynapseState::kSilent;
  synapses.weights()[synapses.index(2, 1)] = 0.5f;
  synapses.states()[synapses.index(0, 0)] = SynapseState::kConsolidated;
  synapses.weights()[synapses.index(0, 0)] = 0.25f;
  const auto projection = synapses.to_projection(0, 1, 2.0, 0.0);
  REQUIRE(projection.synapse_count() == 2);
  CHECK(projection.row_end(0) - projection.row_begin(0) == 1);
  CHECK(projection.weights()[0] == 0.5f);
  CHECK(projection.targets()[1] == 1);
  CHECK(projection.weights()[1] == 1.0f);
}

TEST_CASE("Hebbian: winners by count, ties to the lower index, instar moves towards x",
          "[hebbian]") {
  const std::vector<std::uint32_t> counts = {3, 0, 7, 3, 1};
  const auto winners = select_winners(counts, 3);
  REQUIRE(winners.size() == 3);
  CHECK(winners[0].neuron == 2);
  CHECK(winners[1].neuron == 0);
  CHECK(winners[2].neuron == 3);
  CHECK(winners[1].activity == Approx(3.0 / 7.0));
  CHECK(select_winners(std::vector<std::uint32_t>{0, 0}, 2).empty());

  StructuralSettings settings;
  settings.initial_connectivity = 0.0;
  PotentialSynapses synapses(4, 2, settings, 1);
  synapses.states()[synapses.index(0, 1)] = SynapseState::kSilent;
  synapses.states()[synapses.index(1, 1)] = SynapseState::kConsolidated;
  synapses.weights()[synapses.index(1, 1)] = 1.0f;
  const std::vector<float> x = {1.0f, 0.0f, 1.0f, 1.0f};
  instar_update(synapses, Winner{1, 0.5f}, x, 0.2);
  CHECK(synapses.weights()[synapses.index(0, 1)] == Approx(0.1));  // 0 + 0.2*0.5*(1-0)
  CHECK(synapses.weights()[synapses.index(1, 1)] == Approx(0.9));  // 1 + 0.1*(0-1)
  CHECK(synapses.weights()[synapses.index(2, 1)] == 0.0f);         // absent: untouched
}

TEST_CASE("Hebbian: synaptic scaling targets weight_norm x / |x| and fixes the L2 norm",
          "[hebbian]") {
  const std::vector<float> x = {3.0f, 0.0f, 4.0f, 0.0f};  // |x| = 5
  const auto target = instar_target(x, 2.0);
  CHECK(target[0] == Approx(1.2));  // 2 * 3 / 5
  CHECK(target[2] == Approx(1.6));  // 2 * 4 / 5
  CHECK(target[1] == 0.0f);
  CHECK(instar_target(x, 0.0) == x);  // no scaling: plain instar
  CHECK(instar_target(std::vector<float>(4, 0.0f), 2.0) == std::vector<float>(4, 0.0f));

  StructuralSettings settings;
  PotentialSynapses synapses = testing::empty_synapses(4, 2, settings);
  synapses.states()[synapses.index(0, 1)] = SynapseState::kSilent;
  synapses.states()[synapses.index(2, 1)] = SynapseState::kConsolidated;
  synapses.weights()[synapses.index(0, 1)] = 0.3f;
  synapses.weights()[synapses.index(2, 1)] = 0.4f;  // |w| = 0.5
  scale_to_norm(synapses, 1, 2.0);
  CHECK(synapses.weights()[synapses.index(0, 1)] == Approx(1.2));
  CHECK(synapses.weights()[synapses.index(2, 1)] == Approx(1.6));
  CHECK(synapses.weights()[synapses.index(1, 1)] == 0.0f);  // absent stays 0
  scale_to_norm(synapses, 0, 2.0);                          // no weight: left alone
  CHECK(synapses.weights()[synapses.index(0, 0)] == 0.0f);
  scale_to_norm(synapses, 1, 0.0);  // norm 0: synaptic scaling off, weights unchanged
  CHECK(synapses.weights()[synapses.index(0, 1)] == Approx(1.2));
  CHECK(synapses.weights()[synapses.index(2, 1)] == Approx(1.6));
}

TEST_CASE("Hebbian: the anti-Hebbian step shrinks weights on active inputs, never below 0",
          "[hebbian]") {
  StructuralSettings settings;
  PotentialSynapses synapses = testing::empty_synapses(4, 2, settings);
  for (std::size_t i = 0; i < 3; ++i)
    synapses.states()[synapses.index(i, 0)] = SynapseState::kSilent;
  synapses.weights()[synapses.index(0, 0)] = 0.5f;
  synapses.weights()[synapses.index(1, 0)] = 0.05f;
  synapses.weights()[synapses.index(2, 0)] = 0.5f;
  const std::vector<float> x = {1.0f, 1.0f, 0.0f, 1.0f};
  anti_hebbian_update(synapses, Winner{0, 0.5f}, x, 0.4);
  CHECK(synapses.weights()[synapses.index(0, 0)] == Approx(0.3));  // 0.5 - 0.4*0.5*1
  CHECK(synapses.weights()[synapses.index(1, 0)] == 0.0f);         // 0.05 - 0.2: clipped
  CHECK(synapses.weights()[synapses.index(2, 0)] == Approx(0.5));  // inactive input
  CHECK(synapses.weights()[synapses.index(3, 0)] == 0.0f);         // absent stays 0
  CHECK(synapses.weights()[synapses.index(0, 1)] == 0.0f);         // other neuron untouched
}

TEST_CASE("Hebbian: annealed rates make a prototype the weighted mean of the inputs it won",
          "[hebbian]") {
  CHECK(annealed_learning_rate(0.0, 0.003, 0.05) == 0.05);      // no wins yet: the maximum
  CHECK(annealed_learning_rate(4.0, 0.003, 0.05) == 0.05);      // 1/4 capped
  CHECK(annealed_learning_rate(100.0, 0.003, 0.05) == 0.01);    // 1/100
  CHECK(annealed_learning_rate(1000.0, 0.003, 0.05) == 0.003);  // 1/1000 floored

  // One neuron wins three inputs with activities 1, 0.5 and 1; with the rate 1/mass
  // (bounds 0 and 1) its weights end at (1 x1 + 0.5 x2 + 1 x3) / 2.5.
  StructuralSettings settings;
  PotentialSynapses synapses = testing::empty_synapses(4, 2, settings);
  for (std::size_t i = 0; i < 4; ++i)
    synapses.states()[synapses.index(i, 0)] = SynapseState::kSilent;
  const std::vector<std::vector<float>> inputs = {
      {1.0f, 0.0f, 0.5f, 0.0f}, {0.0f, 1.0f, 0.5f, 0.0f}, {0.0f, 0.0f, 1.0f, 1.0f}};
  const std::vector<float> activities = {1.0f, 0.5f, 1.0f};
  double mass = 0;
  for (std::size_t s = 0; s < inputs.size(); ++s) {
    mass += activities[s];
    instar_update(synapses, Winner{0, activities[s]}, inputs[s],
                  annealed_learning_rate(mass, 0.0, 1.0));
  }
  const std::vector<double> mean = {1.0 / 2.5, 0.5 / 2.5, 1.75 / 2.5, 1.0 / 2.5};
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(synapses.weights()[synapses.index(i, 0)] == Approx(mean[i]));
}

TEST_CASE("Hebbian: the learner anneals per neuron and keeps the win mass in its file",
          "[hebbian]") {
  const encoders::LabelledImages images = bar_images();
  StructuralConfig config = tiny_config();
  config.hebbian.learning_rate = 0.5;  // above 1 / mass after a neuron's first few wins
  const std::vector<std::size_t> batch = {0, 1, 2, 3, 4, 5, 6, 7};
  StructuralLearner constant(config, 16);
  constant.train_batch(images, batch, 0);
  CHECK(std::all_of(constant.win_mass().begin(), constant.win_mass().end(),
                    [](double m) { return m >= 0; }));
  // Two winners per sample, activities in (0, 1], the first one 1: 8 <= sum <= 16.
  const auto& mass = constant.win_mass();
  const double total = std::accumulate(mass.begin(), mass.end(), 0.0);
  CHECK(total >= 8.0);
  CHECK(total <= 16.0);

  config.hebbian.annealed = true;
  config.hebbian.minimum_learning_rate = 0.01;
  StructuralLearner annealed(config, 16);
  annealed.train_batch(images, batch, 0);
  const auto wa = annealed.synapses().weights(), wc = constant.synapses().weights();
  CHECK_FALSE(std::equal(wa.begin(), wa.end(), wc.begin()));

  const testing::TemporaryFolder dir;
  annealed.save(dir.path() / "net.bin");
  const StructuralLearner loaded = StructuralLearner::load(dir.path() / "net.bin");
  CHECK(std::equal(loaded.win_mass().begin(), loaded.win_mass().end(), annealed.win_mass().begin(),
                   annealed.win_mass().end()));
}

TEST_CASE("Homeostasis: a silent neuron's threshold falls, a busy one's rises", "[homeostasis]") {
  std::vector<double> thresholds = {1.0, 1.0, 1.0, 0.052};
  const std::vector<double> wins = {0.0, 0.05, 0.5, 0.0};
  homeostasis_step(thresholds, wins, 0.05, 0.1, 0.05);
  CHECK(thresholds[0] == Approx(0.9));  // never wins: down by 1 - eta
  CHECK(thresholds[1] == Approx(1.0));  // at target: unchanged
  CHECK(thresholds[2] == Approx(1.1));  // 10x the target: up by 1 + eta
  CHECK(thresholds[3] == 0.05);         // 0.052 * 0.9 is clipped at the minimum
}

namespace {

// Two classes, separable by which of two hidden neurons fires.
SparseActivity activity_for(std::uint32_t label) {
  return SparseActivity{{label == 0 ? 0u : 1u, 2u}, {1.0f, 0.5f}};
}

double mean_loss(const LinearReadout& readout) {
  return 0.5 * (readout.loss(activity_for(0), 0) + readout.loss(activity_for(1), 1));
}

}  // namespace

TEST_CASE("Readout: cross-entropy of known scores", "[readout]") {
  CHECK(cross_entropy(std::vector<double>{0.0, 0.0}, 0) == Approx(std::log(2.0)));
  CHECK(cross_entropy(std::vector<double>{1000.0, 0.0}, 0) == Approx(0.0).margin(1e-12));
}

TEST_CASE("Readout: weight perturbation reduces the loss on a separable problem", "[readout]") {
  LinearReadout readout(2, 3);
  ReadoutSettings settings;
  settings.learning_rate = 0.5;
  settings.perturbations = 8;
  const double before = mean_loss(readout);
  REQUIRE(before == Approx(std::log(2.0)));
  for (std::uint64_t step = 0; step < 200; ++step) {
    RandomStream random(3, step, StreamPurpose::kFirstUserPurpose);
    const auto label = static_cast<std::uint32_t>(step % 2);
    readout.weight_perturbation_update(activity_for(label), label, settings, random);
  }
  CHECK(mean_loss(readout) < 0.2 * before);
  CHECK(readout.predict(activity_for(0)) == 0);
  CHECK(readout.predict(activity_for(1)) == 1);
}

TEST_CASE("Readout: node perturbation reduces the loss and estimates the delta rule's step",
          "[readout]") {
  LinearReadout readout(2, 3);
  ReadoutSettings settings;
  settings.learning_rate = 0.5;
  settings.perturbations = 8;
  settings.normalisation_rate = 0.0;  // the plain step, compared with the plain delta rule
  const double before = mean_loss(readout);
  for (std::uint64_t step = 0; step < 200; ++step) {
    RandomStream random(5, step, StreamPurpose::kFirstUserPurpose);
    const auto label = static_cast<std::uint32_t>(step % 2);
    readout.node_perturbation_update(activity_for(label), label, settings, random);
  }
  CHECK(mean_loss(readout) < 0.2 * before);
  CHECK(readout.predict(activity_for(1)) == 1);

  // The step is an unbiased estimate of the delta rule's (E[xi xi^T] = I): with two classes
  // each sign direction measures either 0 or twice the gradient, with probability 1/2, so
  // the mean over n = 2000 directions is within 5 standard errors (5 / sqrt(n) = 11%).
  LinearReadout perturbed(2, 3), delta(2, 3);
  settings.perturbations = 2000;
  settings.perturbation_sigma = 1e-4;
  RandomStream random(7, 0, StreamPurpose::kFirstUserPurpose);
  perturbed.node_perturbation_update(activity_for(0), 0, settings, random);
  delta.delta_rule_update(activity_for(0), 0, settings.learning_rate);
  for (std::size_t k = 0; k < 6; ++k) {
    CHECK(perturbed.weights()[k] == Approx(delta.weights()[k]).epsilon(0.12));
  }
  CHECK(perturbed.biases()[0] == Approx(delta.biases()[0]).epsilon(0.12));
}

TEST_CASE("Readout: the delta rule reduces the loss too", "[readout]") {
  LinearReadout readout(2, 3);
  const double before = mean_loss(readout);
  for (std::uint32_t step = 0; step < 200; ++step) {
    readout.delta_rule_update(activity_for(step % 2), step % 2, 0.5);
  }
  CHECK(mean_loss(readout) < 0.2 * before);
}

TEST_CASE("Readout: input statistics are a plain mean, then an exponential one", "[readout]") {
  LinearReadout readout(2, 2);
  // rate 0.5: weights max(0.5, 1/n) = 1, 0.5, 0.5 for the first three samples.
  readout.observe(SparseActivity{{0}, {2.0f}}, 0.5);  // v0 = 4
  readout.observe(SparseActivity{{}, {}}, 0.5);       // v0 = 4 x 0.5 = 2
  readout.observe(SparseActivity{{0, 1}, {1.0f, 3.0f}}, 0.5);
  CHECK(readout.mean_squares()[0] == Approx(2 * 0.5 + 0.5 * 1));  // 1.5
  CHECK(readout.mean_squares()[1] == Approx(0.5 * 9));
  CHECK(readout.observed() == 3);
}

TEST_CASE("Readout: normalised steps learn a weak and a strong input equally fast", "[readout]") {
  // Input 0 always at 0.1, input 1 always at 1: their mean squares are 0.01 and 1. With
  // normalisation the step of W_c0 is 10 times W_c1's, so both move the scores by the
  // same amount (eta g / H each); without it input 0 moves them 100 times less.
  const SparseActivity y{{0, 1}, {0.1f, 1.0f}};
  ReadoutSettings settings;
  settings.learning_rate = 0.4;
  settings.normalisation_rate = 0.01;
  LinearReadout normalised(2, 2), plain(2, 2);
  normalised.observe(y, settings.normalisation_rate);
  normalised.delta_rule_update(y, 0, settings);
  plain.delta_rule_update(y, 0, settings.learning_rate);
  // At zero weights softmax = (1/2, 1/2): the class-0 score step is g = -1/2.
  const double per_input = 0.4 * 0.5 / 2;  // eta |g| / H
  CHECK(normalised.weights()[0] * 0.1 == Approx(per_input));
  CHECK(normalised.weights()[1] * 1.0 == Approx(per_input));
  CHECK(normalised.biases()[0] == Approx(per_input));
  CHECK(plain.weights()[0] * 0.1 == Approx(0.4 * 0.5 * 0.01));
  CHECK(plain.weights()[1] * 1.0 == Approx(0.4 * 0.5));
}

TEST_CASE("Config: unknown keys, wrong types and bad values name the key", "[config]") {
  using nlohmann::json;
  CHECK_THROWS_WITH(parse_structural_config(json{{"hebbian", {{"winnerz", 3}}}}, "c.json"),
                    Catch::Contains("c.json: hebbian.winnerz: unknown key"));
  CHECK_THROWS_WITH(parse_structural_config(json{{"epochs", "two"}}, "c.json"),
                    Catch::Contains("c.json: epochs: expected an integer"));
  CHECK_THROWS_WITH(parse_structural_config(json{{"structural", {{"growth_rate", 2.0}}}}, "c.json"),
                    Catch::Contains("structural.growth_rate: must be in"));
  CHECK_THROWS_WITH(parse_structural_config(json{{"readout", {{"rule", "backprop"}}}}, "c.json"),
                    Catch::Contains("readout.rule: expected one of"));
  CHECK_THROWS_WITH(
      parse_structural_config(
          json{{"readout", {{"rule", "weight_perturbation"}, {"normalisation_rate", 0.1}}}},
          "c.json"),
      Catch::Contains("c.json: readout.normalisation_rate: applies to node_perturbation"));
  CHECK_THROWS_WITH(
      parse_structural_config(
          json{{"hebbian", {{"annealed", true}, {"minimum_learning_rate", 0.5}}}}, "c.json"),
      Catch::Contains("c.json: hebbian.minimum_learning_rate: 0.5 exceeds"));
  const auto config = parse_structural_config(json{{"network", {{"hidden", 50}}}}, "c.json");
  CHECK(config.network.hidden == 50);
  CHECK(parse_structural_config(to_json(config), "round trip").network.hidden == 50);
  CHECK_THROWS_WITH(parse_structural_config(json{{"learning_rate_decay", 1.5}}, "c.json"),
                    Catch::Contains("learning_rate_decay: must be in"));
  CHECK(parse_structural_config(json{{"learning_rate_decay", 0.5}}, "c.json").learning_rate_decay ==
        0.5);
  const auto held_out = parse_structural_config(json{{"validation_images", 10000}}, "c.json");
  CHECK(held_out.validation_images == 10000);
  CHECK(parse_structural_config(to_json(held_out), "round trip").validation_images == 10000);
  CHECK_THROWS_WITH(parse_structural_config(json{{"validation_images", -1}}, "c.json"),
                    Catch::Contains("c.json: validation_images"));
}

TEST_CASE("Structure: coactive neurons beyond the Hebbian winners learn traces, not weights",
          "[structural]") {
  const encoders::LabelledImages images = bar_images();
  StructuralConfig one_winner = tiny_config();
  one_winner.hebbian.winners = 1;
  one_winner.structural.trace_decay = 0;  // only learning moves a trace
  StructuralConfig wider = one_winner;
  wider.structural.coactive_neurons = 3;
  const std::vector<std::size_t> batch = {0};  // one sample: one winner
  StructuralLearner a(one_winner, 16), b(wider, 16);
  a.train_batch(images, batch, 0);
  b.train_batch(images, batch, 0);
  // The Hebbian step and its clock see only the winner: the weights are bit-identical.
  const auto wa = a.synapses().weights(), wb = b.synapses().weights();
  CHECK(std::equal(wa.begin(), wa.end(), wb.begin()));
  CHECK(std::equal(a.win_mass().begin(), a.win_mass().end(), b.win_mass().begin()));
  // More neurons' traces moved: each moves away from its initial value only if it learned.
  auto neurons_with_moved_traces = [](const StructuralLearner& learner) {
    const StructuralLearner fresh(learner.config(), 16);
    const auto t = learner.synapses().traces(), t0 = fresh.synapses().traces();
    std::size_t moved = 0;
    for (std::size_t j = 0; j < 4; ++j)
      moved += !std::equal(t.begin() + j * 16, t.begin() + (j + 1) * 16, t0.begin() + j * 16);
    return moved;
  };
  CHECK(neurons_with_moved_traces(a) == 1);
  CHECK(neurons_with_moved_traces(b) > 1);
}

TEST_CASE("Schedule: epoch e learns at learning_rate_decay^e times the configured rates",
          "[schedule]") {
  // Halving both rates by hand must give bit-identical weights to the schedule's second
  // epoch (halving is exact in binary).
  const encoders::LabelledImages images = bar_images();
  StructuralConfig scheduled = tiny_config();
  scheduled.learning_rate_decay = 0.5;
  StructuralConfig halved = scheduled;
  halved.hebbian.learning_rate = 0.05;
  halved.readout.learning_rate = 0.02;
  halved.learning_rate_decay = 1.0;

  StructuralLearner a(scheduled, 16), b(halved, 16), c(scheduled, 16);
  a.set_epoch(1);
  b.set_epoch(1);  // decay 1: no change
  const std::vector<std::size_t> batch = {0, 1, 2, 3, 4, 5, 6, 7};
  a.train_batch(images, batch, 0);
  b.train_batch(images, batch, 0);
  c.train_batch(images, batch, 0);  // epoch 0: the configured rates
  const auto wa = a.synapses().weights(), wb = b.synapses().weights(), wc = c.synapses().weights();
  CHECK(std::equal(wa.begin(), wa.end(), wb.begin()));
  CHECK(std::equal(a.readout().weights().begin(), a.readout().weights().end(),
                   b.readout().weights().begin()));
  CHECK_FALSE(std::equal(wa.begin(), wa.end(), wc.begin()));
}

TEST_CASE("Schedule: after feature_learning_epochs only the readout learns", "[schedule]") {
  const encoders::LabelledImages images = bar_images();
  StructuralConfig config = tiny_config();
  config.feature_learning_epochs = 1;
  config.structural.growth_rate = 0.5;  // structure would change within one batch
  StructuralLearner learner(config, 16);
  learner.set_epoch(1);
  const std::vector<float> weights(learner.synapses().weights().begin(),
                                   learner.synapses().weights().end());
  const std::vector<double> thresholds(learner.thresholds().begin(), learner.thresholds().end());
  const std::vector<float> readout(learner.readout().weights().begin(),
                                   learner.readout().weights().end());
  const std::vector<std::size_t> batch = {0, 1, 2, 3, 4, 5, 6, 7};
  learner.train_batch(images, batch, 0);
  const auto w = learner.synapses().weights();
  CHECK(std::equal(w.begin(), w.end(), weights.begin()));
  CHECK(std::equal(learner.thresholds().begin(), learner.thresholds().end(), thresholds.begin()));
  CHECK_FALSE(std::equal(learner.readout().weights().begin(), learner.readout().weights().end(),
                         readout.begin()));

  StructuralLearner learning(config, 16);
  learning.set_epoch(0);  // within feature_learning_epochs: the hidden layer learns
  learning.train_batch(images, batch, 0);
  const auto wl = learning.synapses().weights();
  CHECK_FALSE(std::equal(wl.begin(), wl.end(), weights.begin()));
}

TEST_CASE("Schedule: after structural_learning_epochs the structure is fixed, the weights learn",
          "[schedule]") {
  const encoders::LabelledImages images = bar_images();
  StructuralConfig config = tiny_config();
  config.feature_learning_epochs = 2;
  config.structural_learning_epochs = 1;
  config.structural.initial_connectivity = 0.5;
  config.structural.growth_rate = 0.5;  // structure would change within one batch
  const std::vector<std::size_t> batch = {0, 1, 2, 3, 4, 5, 6, 7};
  auto states_of = [](const StructuralLearner& l) {
    return std::vector<SynapseState>(l.synapses().states().begin(), l.synapses().states().end());
  };

  StructuralLearner fixed(config, 16);
  fixed.set_epoch(1);  // past structural_learning_epochs, within feature_learning_epochs
  const std::vector<SynapseState> states = states_of(fixed);
  const std::vector<float> weights(fixed.synapses().weights().begin(),
                                   fixed.synapses().weights().end());
  const std::vector<float> traces(fixed.synapses().traces().begin(),
                                  fixed.synapses().traces().end());
  fixed.train_batch(images, batch, 0);
  CHECK(states_of(fixed) == states);
  const auto t = fixed.synapses().traces();
  CHECK(std::equal(t.begin(), t.end(), traces.begin()));
  const auto w = fixed.synapses().weights();
  CHECK_FALSE(std::equal(w.begin(), w.end(), weights.begin()));
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (!fixed.synapses().realised(k)) CHECK(w[k] == 0.0f);  // no weight grows where none is
  }

  StructuralLearner growing(config, 16);
  growing.set_epoch(0);  // within structural_learning_epochs: synapses grow
  growing.train_batch(images, batch, 0);
  CHECK(states_of(growing) != states);
}

TEST_CASE("Schedule: readout steps are normalised only in the readout-only epochs", "[schedule]") {
  const encoders::LabelledImages images = bar_images();
  StructuralConfig config = tiny_config();
  config.feature_learning_epochs = 1;
  config.readout.normalisation_rate = 0.01;
  const std::vector<std::size_t> batch = {0, 1, 2, 3, 4, 5, 6, 7};
  StructuralLearner learning(config, 16);
  learning.set_epoch(0);
  learning.train_batch(images, batch, 0);
  CHECK(learning.readout().observed() == 0);  // the code still moves: plain steps
  // Epoch 0 learned like a run without normalisation.
  config.readout.normalisation_rate = 0;
  StructuralLearner plain(config, 16);
  plain.set_epoch(0);
  plain.train_batch(images, batch, 0);
  const auto wl = learning.readout().weights();
  CHECK(std::equal(wl.begin(), wl.end(), plain.readout().weights().begin()));

  learning.set_epoch(1);
  plain.set_epoch(1);
  learning.train_batch(images, batch, 8);
  plain.train_batch(images, batch, 8);
  CHECK(learning.readout().observed() == batch.size());
  const auto ms = learning.readout().mean_squares();
  CHECK(std::any_of(ms.begin(), ms.end(), [](float v) { return v > 0; }));
  CHECK_FALSE(std::equal(wl.begin(), wl.end(), plain.readout().weights().begin()));
}

TEST_CASE("Responses: a frozen network answers the same again, a learning batch revises it",
          "[schedule][replay]") {
  const encoders::LabelledImages images = bar_images();
  StructuralConfig config = tiny_config();
  config.feature_learning_epochs = 1;
  StructuralLearner learner(config, 16);
  const std::vector<std::size_t> batch = {0, 1, 2, 3, 4, 5, 6, 7};

  learner.set_epoch(1);  // readout only
  const RecordedResponses before = learner.respond(images, images.count);
  REQUIRE(before.presentation.images == images.count);
  learner.train_batch(images, batch, 0);
  const RecordedResponses after = learner.respond(images, images.count);
  CHECK(after.network_revision == before.network_revision);
  CHECK(after.presentation.hidden_counts == before.presentation.hidden_counts);
  CHECK(std::accumulate(after.presentation.hidden_counts.begin(),
                        after.presentation.hidden_counts.end(), 0u) > 0);
  // evaluate() is classify() of these responses.
  const EvaluationResult direct = learner.evaluate(images, images.count);
  const EvaluationResult classified = learner.classify(after, images.labels);
  CHECK(direct.predictions == classified.predictions);
  CHECK(direct.counters.synaptic_events() == classified.counters.synaptic_events());

  learner.set_epoch(0);  // the hidden layer learns: a new revision
  learner.train_batch(images, batch, 8);
  CHECK(learner.network_revision() != before.network_revision);
}

TEST_CASE("Replay: the readout learns from each image's recorded counts, in batch order",
          "[schedule][replay]") {
  const encoders::LabelledImages images = bar_images();
  StructuralConfig config = tiny_config();
  config.feature_learning_epochs = 1;
  config.readout.rule = ReadoutRule::kDeltaRule;  // deterministic: the expectation is exact
  config.readout.normalisation_rate = 0;          // plain steps at the configured rate
  StructuralLearner learner(config, 16);
  learner.set_epoch(1);
  const RecordedResponses recorded = learner.respond(images, images.count);
  const std::vector<float> weights(learner.synapses().weights().begin(),
                                   learner.synapses().weights().end());
  const std::vector<double> thresholds(learner.thresholds().begin(), learner.thresholds().end());

  // The same updates by hand: image 5, then 2, then 7, each from its recorded counts.
  const std::vector<std::size_t> batch = {5, 2, 7};
  const LinearReadout untrained = learner.readout();
  LinearReadout expected = untrained;
  for (std::size_t image : batch) {
    expected.delta_rule_update(
        readout_input(recorded.presentation.counts_of(image), config.readout.count_scale),
        images.labels[image], config.readout);
  }
  const BatchStats stats = learner.train_batch_replayed(recorded, images, batch, 100);
  CHECK(stats.samples == 3);
  CHECK(stats.synaptic_events == 0);  // nothing simulated
  CHECK(learner.readout().weights().size() == expected.weights().size());
  CHECK(std::equal(learner.readout().weights().begin(), learner.readout().weights().end(),
                   expected.weights().begin()));
  CHECK(std::equal(learner.readout().biases().begin(), learner.readout().biases().end(),
                   expected.biases().begin()));
  CHECK_FALSE(std::equal(learner.readout().weights().begin(), learner.readout().weights().end(),
                         untrained.weights().begin()));
  // The network itself does not move.
  const auto w = learner.synapses().weights();
  CHECK(std::equal(w.begin(), w.end(), weights.begin()));
  CHECK(std::equal(learner.thresholds().begin(), learner.thresholds().end(), thresholds.begin()));
  CHECK(learner.network_revision() == recorded.network_revision);

  const std::vector<std::size_t> beyond = {8};
  CHECK_THROWS_AS(learner.train_batch_replayed(recorded, images, beyond, 200), std::logic_error);
  learner.set_epoch(0);  // the hidden layer learns: replay is refused
  CHECK_THROWS_AS(learner.train_batch_replayed(recorded, images, batch, 300), std::logic_error);
  learner.train_batch(images, batch, 300);
  learner.set_epoch(1);  // frozen again, but at a new revision: the recording is stale
  CHECK_THROWS_AS(learner.train_batch_replayed(recorded, images, batch, 400), std::logic_error);
}

TEST_CASE("Config: replay_frozen_responses round-trips and rejects a non-boolean",
          "[schedule][replay]") {
  using nlohmann::json;
  const auto replay = parse_structural_config(json{{"replay_frozen_responses", true}}, "c.json");
  CHECK(replay.replay_frozen_responses);
  CHECK(parse_structural_config(to_json(replay), "round trip").replay_frozen_responses);
  CHECK(parse_structural_config(json::object(), "c.json").replay_frozen_responses);  // default
  CHECK_FALSE(parse_structural_config(json{{"replay_frozen_responses", false}}, "c.json")
                  .replay_frozen_responses);
  CHECK_THROWS_WITH(parse_structural_config(json{{"replay_frozen_responses", 1}}, "c.json"),
                    Catch::Contains("c.json: replay_frozen_responses"));
}
