// Synaptic capacity and storage cost against hand-computed values and Stirling's formula.
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "analysis/synaptic_capacity.hpp"

using sprout::analysis::log2_binomial;

TEST_CASE("C_S: stored task information per non-zero synapse", "[synaptic_capacity]") {
  // 2.5 bits per sample over 60,000 samples = 150,000 bits on 10,000 synapses: 15 bits each.
  const auto capacity = sprout::analysis::synaptic_capacity(2.5, std::log2(10.0), 60000, 10000);
  CHECK(capacity.stored_bits == Approx(150000.0));
  CHECK(capacity.bits_per_synapse == Approx(15.0));

  // The corrected estimate may stray out of [0, H(label)]: stored bits stay inside.
  CHECK(sprout::analysis::synaptic_capacity(3.5, std::log2(10.0), 100, 10).stored_bits ==
        Approx(100 * std::log2(10.0)));
  CHECK(sprout::analysis::synaptic_capacity(-0.001, 1.0, 100, 10).stored_bits == 0.0);
  CHECK_THROWS_AS(sprout::analysis::synaptic_capacity(1.0, 1.0, 100, 0), std::invalid_argument);
}

TEST_CASE("log2 C(n, k) through lgamma", "[synaptic_capacity]") {
  CHECK(log2_binomial(10, 3) == Approx(std::log2(120.0)).epsilon(1e-12));
  CHECK(log2_binomial(50, 0) == Approx(0.0).margin(1e-12));
  CHECK(log2_binomial(50, 50) == Approx(0.0).margin(1e-12));
  // Against an independent sum of logs: log C(1000, 300) = sum_{i=1..300} log((700 + i) / i).
  double sum = 0;
  for (int i = 1; i <= 300; ++i)
    sum += std::log2((700.0 + i) / i);
  CHECK(log2_binomial(1000, 300) == Approx(sum).epsilon(1e-12));
  // Huge counts (784,000 potential synapses is small; 10^9 must still work): Stirling gives
  // log2 C(n, n/2) = n - 0.5 log2(pi n / 2) + O(1/n).
  const double n = 1e9;
  CHECK(log2_binomial(n, n / 2) ==
        Approx(n - 0.5 * std::log2(std::numbers::pi * n / 2)).margin(1e-3));
  CHECK_THROWS_AS(log2_binomial(5, 6), std::invalid_argument);
}

TEST_CASE("Storage cost of quantised weights and of the structure", "[synaptic_capacity]") {
  SECTION("hand-computed: 4 of 8 potential synapses, two weight values") {
    const std::vector<float> weights{0.2f, 0.9f, 0.9f, 0.2f};
    const auto cost = sprout::analysis::storage_cost(weights, 8, 2);
    CHECK(cost.weight_entropy_bits_per_synapse == Approx(1.0));  // two equally likely levels
    CHECK(cost.structure_bits == Approx(std::log2(70.0)));       // C(8, 4) = 70
    CHECK(cost.bits_per_synapse == Approx(1.0 + std::log2(70.0) / 4));
    CHECK(cost.total_bits == Approx(4 + std::log2(70.0)));
  }
  SECTION("256 distinct levels used once each: 8 bits; dense: no structure bits") {
    std::vector<float> weights;
    for (int k = 0; k < 256; ++k)
      weights.push_back(-1.0f + 2.0f * static_cast<float>(k) / 255);
    const auto cost = sprout::analysis::storage_cost(weights, weights.size(), 256);
    CHECK(cost.weight_entropy_bits_per_synapse == Approx(8.0));
    CHECK(cost.structure_bits == Approx(0.0).margin(1e-9));
    // Four levels at -1, -1/3, 1/3, 1 (rounding to the nearest): k = 0..42, 43..127,
    // 128..212, 213..255, i.e. 43, 85, 85, 43 of the 256 weights.
    double expected = 0;
    for (const double count : {43.0, 85.0, 85.0, 43.0})
      expected -= count / 256 * std::log2(count / 256);
    CHECK(sprout::analysis::storage_cost(weights, 256, 4).weight_entropy_bits_per_synapse ==
          Approx(expected).epsilon(1e-12));
  }
  SECTION("bad input") {
    const std::vector<float> three{1, 2, 3};
    CHECK_THROWS_AS(sprout::analysis::storage_cost(three, 2), std::invalid_argument);
    CHECK_THROWS_AS(sprout::analysis::storage_cost(three, 5, 0), std::invalid_argument);
  }
}

TEST_CASE("Non-zero synapse count", "[synaptic_capacity]") {
  const std::vector<float> weights{0.0f, -0.5f, 0.0f, 1e-30f, -0.0f};
  CHECK(sprout::analysis::count_nonzero(weights) == 2);
}
