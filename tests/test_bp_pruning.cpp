// Magnitude pruning, its schedule, the L1 proximal step, and that pruned synapses stay at
// exactly zero through retraining (SGD with momentum, Adam, L1, pruned and budget runs).

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <vector>

#include "bp_test_data.hpp"
#include "models/bp/bp_pruning.hpp"
#include "models/bp/bp_training.hpp"

using namespace sprout::models;

namespace {

DenseLayer layer_from(std::vector<float> values) {
  DenseLayer layer;
  layer.weights = Eigen::Map<RowMatrix>(values.data(), 1, static_cast<Eigen::Index>(values.size()));
  layer.bias = Eigen::VectorXf::Zero(1);
  return layer;
}

bool is_positive_zero(float value) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits == 0;
}

BpConfig small_config() {
  BpConfig config;
  config.hidden = 24;
  config.batch_size = 16;
  config.epochs = 2;
  config.threads = 2;
  config.standardise_inputs = false;
  return config;
}

// Every pruned synapse of every masked layer holds +0.
std::size_t pruned_nonzero(const Mlp& network) {
  std::size_t bad = 0;
  for (const DenseLayer& layer : network.layers()) {
    if (!layer.is_masked()) continue;
    for (Eigen::Index i = 0; i < layer.weights.size(); ++i)
      if (layer.present.data()[i] == 0 && !is_positive_zero(layer.weights.data()[i])) ++bad;
  }
  return bad;
}

}  // namespace

TEST_CASE("split_synapse_count: equal fractions, exact total", "[bp][pruning]") {
  const std::vector<std::size_t> two{100, 300};
  CHECK(split_synapse_count(two, 40) == std::vector<std::size_t>{10, 30});
  CHECK(split_synapse_count(two, 400) == std::vector<std::size_t>{100, 300});
  // 4 of 9: each layer's share is 4/3; the one left over goes to the first layer.
  const std::vector<std::size_t> three{3, 3, 3};
  CHECK(split_synapse_count(three, 4) == std::vector<std::size_t>{2, 1, 1});
  const std::vector<std::size_t> uneven{78400, 1000};
  for (std::size_t total : {1UL, 794UL, 7940UL, 39700UL}) {
    const auto counts = split_synapse_count(uneven, total);
    CHECK(counts[0] + counts[1] == total);
  }
  CHECK_THROWS_AS(split_synapse_count(two, 401), std::invalid_argument);
}

TEST_CASE("pruning_schedule falls geometrically to the target", "[bp][pruning]") {
  CHECK(pruning_schedule(1000, 10, 2) == std::vector<std::size_t>{100, 10});
  CHECK(pruning_schedule(1000, 10, 1) == std::vector<std::size_t>{10});
  CHECK(pruning_schedule(64, 1, 3) == std::vector<std::size_t>{16, 4, 1});
  CHECK_THROWS_AS(pruning_schedule(10, 11, 2), std::invalid_argument);
  CHECK_THROWS_AS(pruning_schedule(10, 0, 2), std::invalid_argument);
}

TEST_CASE("prune_by_magnitude keeps the largest |w|, ties by index", "[bp][pruning]") {
  DenseLayer layer = layer_from({0.5F, -0.1F, 0.3F, -0.7F, 0.0F, 0.2F});
  const auto pruned = prune_by_magnitude(layer, 3);
  CHECK(pruned == std::vector<std::size_t>{1, 4, 5});
  CHECK(layer.present_synapses() == 3);
  CHECK(layer.nonzero_synapses() == 3);
  CHECK(layer.weights(0, 3) == -0.7F);
  CHECK(is_positive_zero(layer.weights(0, 1)));

  DenseLayer ties = layer_from({0.2F, -0.2F, 0.2F});
  CHECK(prune_by_magnitude(ties, 2) == std::vector<std::size_t>{2});
  // Pruning again to more than exist changes nothing.
  CHECK(prune_by_magnitude(ties, 3).empty());
  CHECK(ties.present_synapses() == 2);
}

TEST_CASE("l1_proximal_step shrinks by the threshold and prunes what reaches zero",
          "[bp][pruning]") {
  DenseLayer layer = layer_from({0.25F, -0.05F, -0.3F, 0.1F, -0.1F});
  layer.ensure_mask();
  l1_proximal_step(layer, 0.1F, {0, 1});
  CHECK(layer.weights(0, 0) == Approx(0.15F));
  CHECK(layer.weights(0, 2) == Approx(-0.2F));
  for (int i : {1, 3, 4}) {
    CHECK(is_positive_zero(layer.weights(0, i)));
    CHECK(layer.present(0, i) == 0);
  }
  CHECK(layer.present_synapses() == 2);
}

TEST_CASE("Pruned weights stay exactly zero through retraining", "[bp][pruning]") {
  const BpData data = sprout::testing::gaussian_data(20, 4, 21);
  for (const OptimizerKind kind : {OptimizerKind::kAdam, OptimizerKind::kSgdMomentum}) {
    BpConfig config = small_config();
    config.optimizer.kind = kind;
    config.optimizer.learning_rate = kind == OptimizerKind::kAdam ? 1e-2F : 5e-2F;
    BpTrainer trainer(config, data, make_network(config, data));
    trainer.train_epoch("train", {});
    const std::size_t keep = 48;  // of 20*24 + 24*4 = 576
    trainer.prune(LayerSelection::kAll, keep);
    const Mlp pruned = trainer.network();
    CHECK(pruned.nonzero_synapses() == keep);
    for (int epoch = 0; epoch < 3; ++epoch)
      trainer.train_epoch("retrain", {});
    const Mlp& retrained = trainer.network();
    CHECK(pruned_nonzero(retrained) == 0);
    CHECK(retrained.nonzero_synapses() == keep);
    // The kept synapses did learn, so the zeros are not an accident of a frozen net.
    CHECK(retrained.layers()[0].weights != pruned.layers()[0].weights);
  }
}

TEST_CASE("The pruned variant ends with exactly the target number of synapses", "[bp][pruning]") {
  const BpData data = sprout::testing::gaussian_data(20, 4, 22);
  BpConfig config = small_config();
  config.variant = BpVariant::kPruned;
  config.pruning.target_density = 0.1;
  config.pruning.rounds = 3;
  config.pruning.retrain_epochs = 1;
  const BpRun run = run_bp(config, data);
  CHECK(run.pruned_target == 58);  // round(0.1 * 576)
  CHECK(run.network.nonzero_synapses() == 58);
  CHECK(run.pruning_rounds.size() == 3);
  CHECK(run.pruning_rounds.back().kept_synapses == 58);
  CHECK(run.epochs.size() == 2 + 3);
  CHECK(pruned_nonzero(run.network) == 0);
  // Four well-separated clusters: still learnt with a tenth of the synapses.
  CHECK(run.test.accuracy() > 0.9);
}

TEST_CASE("Budget BP prunes only the input->hidden layer to the budget", "[bp][pruning]") {
  const BpData data = sprout::testing::gaussian_data(20, 4, 23);
  BpConfig config = small_config();
  config.variant = BpVariant::kBudget;
  config.budget.synapses = 37;
  config.pruning.rounds = 2;
  const BpRun run = run_bp(config, data);
  CHECK(run.network.layers()[0].nonzero_synapses() == 37);
  CHECK(run.network.layers()[1].nonzero_synapses() == 24 * 4);
  CHECK_FALSE(run.network.layers()[1].is_masked());

  config.budget.synapses = 20 * 24 + 1;
  CHECK_THROWS_WITH(run_bp(config, data), Catch::Contains("budget.synapses: 481"));
}

TEST_CASE("L1 training sparsifies, and its zeros stay zero", "[bp][pruning]") {
  const BpData data = sprout::testing::gaussian_data(20, 4, 24);
  BpConfig config = small_config();
  config.variant = BpVariant::kL1;
  config.optimizer.learning_rate = 1e-2F;
  config.l1.strength = 0.5F;
  BpTrainer trainer(config, data, make_network(config, data));
  trainer.train_epoch("train", {});
  const std::size_t after_one = trainer.network().nonzero_synapses();
  trainer.train_epoch("train", {});
  trainer.train_epoch("train", {});
  const Mlp& network = trainer.network();
  CHECK(after_one < network.dense_synapses());
  CHECK(network.nonzero_synapses() <= after_one);  // nothing that reached zero came back
  CHECK(pruned_nonzero(network) == 0);
  for (const DenseLayer& layer : network.layers())
    CHECK(layer.present_synapses() == layer.nonzero_synapses());
}

TEST_CASE("Non-negative L1 step: shrinks, clips at +0 and keeps pruned synapses at zero",
          "[bp][pruning][nonnegative]") {
  DenseLayer layer{
      RowMatrix{{0.5F, -0.2F, 0.05F}, {0.0F, 0.3F, -0.0F}}, Eigen::VectorXf::Zero(2), {}};
  nonnegative_l1_step(layer, 0.1F, {0, 2});
  CHECK(layer.weights(0, 0) == Approx(0.4F));
  CHECK(layer.weights(0, 1) == 0.0F);
  CHECK_FALSE(std::signbit(layer.weights(0, 1)));
  CHECK(layer.weights(0, 2) == 0.0F);
  CHECK(layer.weights(1, 1) == Approx(0.2F));
  CHECK_FALSE(std::signbit(layer.weights(1, 2)));
  CHECK(layer.nonzero_synapses() == 2);
  // Threshold 0: the projection onto w >= 0 alone.
  layer.weights(0, 1) = -1.0F;
  layer.weights(1, 0) = 0.7F;
  nonnegative_l1_step(layer, 0.0F, {1, 1});  // row 1 only
  CHECK(layer.weights(0, 1) == -1.0F);
  CHECK(layer.weights(1, 0) == 0.7F);
  // A pruned synapse stays at zero.
  layer.ensure_mask();
  layer.present(1, 0) = 0;
  nonnegative_l1_step(layer, 0.0F, {1, 1});
  CHECK(layer.weights(1, 0) == 0.0F);
}
