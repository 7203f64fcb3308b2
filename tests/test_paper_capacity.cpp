// The paper's C_S, "C_S (VIB, paper)" = I(X;Z) / non-silent input->hidden synapses
// (analysis/paper_capacity.hpp): the ratio, the synapse counts of a dense and a
// non-negative sparse BP network and of a structural network, and the whole measurement.

#include <catch2/catch.hpp>

#include "analysis/paper_capacity.hpp"
#include "bp_test_data.hpp"
#include "encoders/class_subset.hpp"
#include "models/bp/bp_training.hpp"
#include "test_helpers.hpp"

using namespace sprout;
using namespace sprout::analysis;

TEST_CASE("C_S (VIB, paper): bits of I(X,Z) per non-silent input synapse", "[paper_capacity]") {
  VibResult vib;
  vib.i_xz_bits = 3.0;
  const PaperCapacity capacity = paper_capacity(vib, 1500);
  CHECK(capacity.i_xz_bits == 3.0);
  CHECK(capacity.nonsilent_input_synapses == 1500);
  CHECK(capacity.c_s_paper == Approx(0.002));
  CHECK_THROWS_AS(paper_capacity(vib, 0), std::invalid_argument);
  const nlohmann::json json = capacity;
  CHECK(json["c_s_paper"] == Approx(0.002));
  CHECK(json["nonsilent_input_synapses"] == 1500);
  CHECK(json["vib"]["settings"]["z_dimension"] == 8);
}

TEST_CASE("C_S (VIB, paper) of BP: 784·H synapses when dense, the non-zero ones when sparse",
          "[paper_capacity][bp]") {
  const models::BpData data = testing::gaussian_data(784, 3, 41);
  models::BpConfig config;
  config.hidden = 10;
  config.epochs = 2;
  config.batch_size = 50;
  const models::BpRun dense = models::run_bp(config, data);
  CHECK(nonsilent_input_synapses(dense.network) == 784 * 10);
  VibSettings settings;
  settings.epochs = 5;
  const PaperCapacity capacity = paper_capacity_of_bp(dense.network, data, settings, 2);
  CHECK(capacity.nonsilent_input_synapses == 7840);
  CHECK(capacity.i_xz_bits > 0.1);  // the hidden code separates the three clusters
  CHECK(capacity.c_s_paper == Approx(capacity.i_xz_bits / 7840));
  CHECK(capacity.vib.features == 10);
  CHECK(capacity.vib.test_samples == 300);
  // Thread count does not matter.
  CHECK(paper_capacity_of_bp(dense.network, data, settings, 1).i_xz_bits == capacity.i_xz_bits);

  config.variant = models::BpVariant::kNonnegative;
  config.nonnegative.strength = 0.5F;
  const models::BpRun sparse = models::run_bp(config, data);
  const std::size_t nonzero = sparse.network.layers()[0].nonzero_synapses();
  CHECK(nonsilent_input_synapses(sparse.network) == nonzero);
  CHECK(nonzero < 7840);
}

TEST_CASE("C_S (VIB, paper) of a structural network counts its non-zero realised synapses",
          "[paper_capacity][structural][mnist]") {
  const encoders::ClassList classes{1, 2, 6};
  const encoders::Mnist mnist = encoders::load_mnist(testing::mnist_folder(), classes);
  models::StructuralConfig config;
  config.data.classes = classes;
  config.network.hidden = 20;
  config.hebbian.winners = 2;
  config.encoder.duration_ms = 100.0;
  models::StructuralLearner learner(config, mnist.train.pixels_per_image());
  const auto counts = learner.synapses().counts();
  // Initial weights are uniform in [0, 0.3): none is exactly zero.
  CHECK(nonsilent_input_synapses(learner) == counts.realised);
  VibSettings settings;
  settings.epochs = 5;
  const PaperCapacity capacity =
      paper_capacity_of_structural(learner, mnist.train, 90, mnist.test, 30, settings);
  CHECK(capacity.nonsilent_input_synapses == counts.realised);
  CHECK(capacity.vib.train_samples == 90);
  CHECK(capacity.vib.test_samples == 30);
  CHECK(capacity.vib.features == 20);
  CHECK(capacity.i_xz_bits >= 0.0);
  CHECK(capacity.c_s_paper == Approx(capacity.i_xz_bits / static_cast<double>(counts.realised)));
}
