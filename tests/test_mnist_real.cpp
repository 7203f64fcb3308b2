// Checks against the real MNIST files (scripts/fetch-mnist puts them in data/mnist).
#include <catch2/catch.hpp>
#include <chrono>

#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "test_helpers.hpp"

TEST_CASE("Real MNIST: label counts of both sets equal the published counts", "[mnist]") {
  const auto folder = sprout::testing::mnist_folder();
  INFO("MNIST folder: " << folder << " (run scripts/fetch-mnist)");
  const auto start = std::chrono::steady_clock::now();
  const auto mnist = sprout::encoders::load_mnist(folder);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WARN("loaded both MNIST sets in " << seconds << " s");

  CHECK(mnist.train.count == 60000);
  CHECK(mnist.test.count == 10000);
  CHECK(mnist.train.rows == 28);
  CHECK(mnist.train.cols == 28);
  using Counts = std::array<std::size_t, 10>;
  CHECK(mnist.train.class_counts() ==
        Counts{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949});
  CHECK(mnist.test.class_counts() == Counts{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009});
}

TEST_CASE("Real MNIST: digits 1, 2 and 6 only, renumbered 0, 1, 2", "[mnist][classes]") {
  const sprout::encoders::ClassList classes{1, 2, 6};
  const auto mnist = sprout::encoders::load_mnist(sprout::testing::mnist_folder(), classes);
  CHECK(mnist.train.count == 6742 + 5958 + 5918);
  CHECK(mnist.test.count == 1135 + 1032 + 958);
  using Counts = std::array<std::size_t, 10>;
  CHECK(mnist.train.class_counts() == Counts{6742, 5958, 5918, 0, 0, 0, 0, 0, 0, 0});
  CHECK(mnist.test.class_counts() == Counts{1135, 1032, 958, 0, 0, 0, 0, 0, 0, 0});
}
