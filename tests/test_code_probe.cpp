// The code probe of `sprout probe`: the cosine top-K code against hand-computed values,
// and the linear probe on separable and on label-free data.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "analysis/code_probe.hpp"
#include "engine/random_stream.hpp"

using sprout::analysis::cosine_similarities;
using sprout::analysis::cosine_top_k_code;
using sprout::analysis::fit_linear_probe;
using sprout::analysis::LinearProbeSettings;
using sprout::analysis::top_k_code;
using sprout::encoders::LabelledImages;
using sprout::models::SparseActivity;

namespace {

// 2 x 2 images (4 inputs), one label each (unused by the cosine code).
LabelledImages tiny_images(const std::vector<std::uint8_t>& pixels) {
  LabelledImages images;
  images.rows = 2;
  images.cols = 2;
  images.count = pixels.size() / 4;
  images.pixels = pixels;
  images.labels.assign(images.count, 0);
  return images;
}

// 3 neurons x 4 inputs, post-major.
const std::vector<float> kTinyWeights = {
    1.0F, 0.0F, 0.0F, 0.0F,  // w0
    0.5F, 0.5F, 0.5F, 0.5F,  // w1, |w1| = 1
    0.0F, 0.0F, 3.0F, 4.0F,  // w2, |w2| = 5
};

void check_code(const SparseActivity& code, const std::vector<std::uint32_t>& index,
                const std::vector<double>& value) {
  REQUIRE(code.index == index);
  REQUIRE(code.value.size() == value.size());
  for (std::size_t a = 0; a < value.size(); ++a)
    CHECK(code.value[a] == Approx(value[a]).margin(1e-6));
}

}  // namespace

TEST_CASE("Cosine top-K code on a hand-computed case", "[code_probe]") {
  // Image 0: x = (1, 1, 1, 1), |x| = 2: cos = 1/2, 2/2, 7/10.
  // Image 1: x = (3, 0, 0, 4), |x| = 5: cos = 3/5, 3.5/5, 16/25.
  // Image 2: blank: every cosine is 0.
  const LabelledImages images = tiny_images({1, 1, 1, 1, 3, 0, 0, 4, 0, 0, 0, 0});
  const std::vector<float> s = cosine_similarities(kTinyWeights, images, 3, 1);
  REQUIRE(s.size() == 9);
  const std::vector<double> expected = {0.5, 1.0, 0.7, 0.6, 0.7, 0.64, 0, 0, 0};
  for (std::size_t k = 0; k < expected.size(); ++k)
    CHECK(s[k] == Approx(expected[k]).margin(1e-6));

  // K = 1: the best neuron, minus the second best. Blank: a tie, to the lower index.
  const auto k1 = cosine_top_k_code(s, 3, 1);
  REQUIRE(k1.size() == 3);
  check_code(k1[0], {1}, {1.0 - 0.7});
  check_code(k1[1], {1}, {0.7 - 0.64});
  check_code(k1[2], {0}, {0.0});
  // K = 2: the two best in index order, minus the third.
  const auto k2 = cosine_top_k_code(s, 3, 2);
  check_code(k2[0], {1, 2}, {1.0 - 0.5, 0.7 - 0.5});
  check_code(k2[1], {1, 2}, {0.7 - 0.6, 0.64 - 0.6});
  check_code(k2[2], {0, 1}, {0.0, 0.0});

  // K must leave a (K+1)-th value.
  CHECK_THROWS_AS(top_k_code(std::span(s).first(3), 0), std::invalid_argument);
  CHECK_THROWS_AS(top_k_code(std::span(s).first(3), 3), std::invalid_argument);
}

TEST_CASE("Cosine similarities: a neuron without weights gives 0", "[code_probe]") {
  std::vector<float> weights = kTinyWeights;
  std::fill(weights.begin() + 4, weights.begin() + 8, 0.0F);
  const auto s = cosine_similarities(weights, tiny_images({1, 1, 1, 1}), 1, 1);
  CHECK(s[1] == 0.0F);
  CHECK(s[0] == Approx(0.5));
}

TEST_CASE("Cosine similarities do not depend on the thread count", "[code_probe]") {
  constexpr std::size_t kImages = 101, kHidden = 37, kPixels = 28 * 28;
  sprout::RandomStream random(11, 0, sprout::StreamPurpose::kFirstUserPurpose);
  LabelledImages images;
  images.rows = 28;
  images.cols = 28;
  images.count = kImages;
  for (std::size_t i = 0; i < kImages * kPixels; ++i)
    images.pixels.push_back(static_cast<std::uint8_t>(random.below(256)));
  images.labels.assign(kImages, 0);
  std::vector<float> weights(kHidden * kPixels);
  for (float& w : weights)
    w = static_cast<float>(random.uniform());
  CHECK(cosine_similarities(weights, images, kImages, 1) ==
        cosine_similarities(weights, images, kImages, 2));
}

TEST_CASE("Spike count code is what the readout sees", "[code_probe]") {
  const std::vector<std::uint32_t> counts = {0, 4, 0, 2, 0, 0};  // 2 images x 3 neurons
  const auto codes = sprout::analysis::spike_count_code(counts, 3, 10.0);
  REQUIRE(codes.size() == 2);
  check_code(codes[0], {1}, {0.4});
  check_code(codes[1], {0}, {0.2});
}

TEST_CASE("Linear probe separates a linearly separable set", "[code_probe]") {
  // 3 classes, 6 inputs: input c (value 1) marks class c; inputs 3-5 carry a distractor
  // of up to 0.9 that has nothing to do with the class. W = [I 0] separates every sample.
  std::vector<SparseActivity> codes;
  std::vector<std::uint8_t> labels;
  for (std::uint32_t i = 0; i < 90; ++i) {
    const std::uint32_t label = i % 3;
    const std::uint32_t distractor = 3 + (i / 3) % 3;
    codes.push_back({{label, distractor}, {1.0F, 0.1F * static_cast<float>(i % 10)}});
    labels.push_back(static_cast<std::uint8_t>(label));
  }
  const std::span<const SparseActivity> all(codes);
  const std::span<const std::uint8_t> all_labels(labels);
  const auto accuracy = fit_linear_probe({all.first(60), all_labels.first(60)},
                                         {all.last(30), all_labels.last(30)}, 6, 3, {});
  CHECK(accuracy.train == 1.0);
  CHECK(accuracy.test == 1.0);
}

TEST_CASE("Linear probe on random labels stays at chance on the test set", "[code_probe]") {
  // Test labels drawn independently of everything the probe sees: each test prediction is
  // right with probability 1/10 whatever the probe learnt, so the test accuracy is
  // Binomial(1000, 0.1) / 1000: mean 0.1, sd 0.0095. The Chernoff bound
  // P(A >= 0.15) <= exp(-1000 KL(0.15 || 0.1)) = exp(-12.2) ~ 5e-6 (P(A <= 0.05) <=
  // exp(-16.7)); the data are fixed by the seed, so this is a fixed pass, not a flaky one.
  // The 2,000 training samples of 50 inputs leave room to fit training noise, which the
  // probe does: its train accuracy lies above 0.13, chance plus 4.5 sd of
  // Binomial(2000, 0.1) / 2000, what a probe that learnt nothing would score. None of that
  // reaches the test set.
  constexpr std::size_t kTrain = 2000, kTest = 1000, kInputs = 50, kClasses = 10;
  sprout::RandomStream random(5, 0, sprout::StreamPurpose::kFirstUserPurpose);
  std::vector<SparseActivity> codes;
  std::vector<std::uint8_t> labels;
  for (std::size_t i = 0; i < kTrain + kTest; ++i) {
    SparseActivity code;
    for (std::uint32_t j = 0; j < kInputs; ++j) {
      if (random.uniform() < 0.2) {
        code.index.push_back(j);
        code.value.push_back(static_cast<float>(random.uniform(0.1, 3.0)));
      }
    }
    codes.push_back(code);
    labels.push_back(static_cast<std::uint8_t>(random.below(kClasses)));
  }
  const std::span<const SparseActivity> all(codes);
  const std::span<const std::uint8_t> all_labels(labels);
  const auto accuracy =
      fit_linear_probe({all.first(kTrain), all_labels.first(kTrain)},
                       {all.last(kTest), all_labels.last(kTest)}, kInputs, kClasses, {});
  INFO("train " << accuracy.train << " test " << accuracy.test);
  CHECK(accuracy.test < 0.15);
  CHECK(accuracy.test > 0.05);
  CHECK(accuracy.train > 0.13);
}

TEST_CASE("Linear probe rejects labels and inputs out of range", "[code_probe]") {
  const std::vector<SparseActivity> codes = {{{0}, {1.0F}}, {{1}, {1.0F}}};
  const std::vector<std::uint8_t> labels = {0, 1};
  const std::vector<std::uint8_t> bad_labels = {0, 2};
  CHECK_THROWS_AS(fit_linear_probe({codes, bad_labels}, {codes, labels}, 2, 2, {}),
                  std::invalid_argument);
  CHECK_THROWS_AS(fit_linear_probe({codes, labels}, {codes, labels}, 1, 2, {}),
                  std::invalid_argument);
  LinearProbeSettings no_epochs;
  no_epochs.epochs = 0;
  CHECK_THROWS_AS(fit_linear_probe({codes, labels}, {codes, labels}, 2, 2, no_epochs),
                  std::invalid_argument);
}
