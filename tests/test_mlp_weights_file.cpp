// The BP weights file: bitwise round trip, errors naming the file, folding the input
// scaling into the first layer.

#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <limits>

#include "bp_test_data.hpp"
#include "models/bp/bp_pruning.hpp"
#include "models/bp/mlp_weights_file.hpp"
#include "test_helpers.hpp"

using namespace sprout::models;

TEST_CASE("MLP weights file round trip is exact, pruned zeros included", "[bp][weights]") {
  sprout::testing::TemporaryFolder folder;
  const std::vector<std::size_t> sizes{7, 5, 3};
  Mlp network(sizes);
  network.initialise(4);
  prune_by_magnitude(network.layers()[0], 10);
  const auto path = folder.path() / "weights.bin";
  write_mlp_weights(path, network);
  // 8 magic + 4 count + 3*4 sizes + 4*(7*5 + 5 + 5*3 + 3) floats.
  CHECK(std::filesystem::file_size(path) == 8 + 4 + 12 + 4 * (35 + 5 + 15 + 3));
  CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                      std::filesystem::directory_iterator()) == 1);  // no temporary left
  const Mlp loaded = read_mlp_weights(path);
  CHECK(loaded.layer_sizes() == network.layer_sizes());
  for (std::size_t layer = 0; layer < 2; ++layer) {
    CHECK(loaded.layers()[layer].weights == network.layers()[layer].weights);
    CHECK(loaded.layers()[layer].bias == network.layers()[layer].bias);
  }
  CHECK(loaded.nonzero_synapses() == 10 + 15);
}

TEST_CASE("MLP weights file: bad files are errors naming the file", "[bp][weights]") {
  sprout::testing::TemporaryFolder folder;
  const auto path = folder.path() / "w.bin";
  CHECK_THROWS_WITH(read_mlp_weights(path), Catch::Contains("w.bin: cannot open file"));
  const std::vector<std::size_t> sizes{4, 2};
  Mlp network(sizes);
  write_mlp_weights(path, network);
  // 8 magic + 4 layer count + 2 x 4 sizes + 4 x (4 x 2 weights + 2 biases) = 60 bytes.
  REQUIRE(std::filesystem::file_size(path) == 60);
  std::filesystem::resize_file(path, 58);
  CHECK_THROWS_WITH(read_mlp_weights(path),
                    Catch::Contains("w.bin: 58 bytes, but its layer sizes need 60"));
  {
    // Two layers of 2^24 neurons declared by a 20-byte file: refused before allocating.
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "SPRTMLP1";
    const std::uint32_t header[] = {1, 1U << 24U, 1U << 24U};
    out.write(reinterpret_cast<const char*>(header), sizeof header);
  }
  CHECK_THROWS_WITH(read_mlp_weights(path),
                    Catch::Contains("w.bin: 20 bytes, but its layer sizes"));
  network.layers()[0].weights(1, 2) = std::numeric_limits<float>::quiet_NaN();
  write_mlp_weights(path, network);
  CHECK_THROWS_WITH(read_mlp_weights(path),
                    Catch::Contains("w.bin: a weight or bias is not a finite"));
  {
    std::ofstream out(path, std::ios::binary);
    out << "NOTMLP01xxxxxxxxxxxx";
  }
  CHECK_THROWS_WITH(read_mlp_weights(path),
                    Catch::Contains("w.bin: not a Sprout MLP weights file"));
}

TEST_CASE("Folding the input scaling: same outputs on unscaled inputs", "[bp][weights]") {
  const std::vector<std::size_t> sizes{6, 8, 3};
  Mlp trained(sizes);
  trained.initialise(5);
  prune_by_magnitude(trained.layers()[0], 20);
  const auto data = sprout::testing::gaussian_clusters(10, 6, 3, 2, 0);
  const float offset = 0.13F;
  const float scale = 0.31F;
  const RowMatrix scaled = (data.features.array() - offset) / scale;
  Mlp folded = trained;
  fold_input_scaling(folded, offset, scale);
  CHECK(folded.nonzero_synapses() == trained.nonzero_synapses());
  MlpWorkspace a;
  MlpWorkspace b;
  ChunkPool pool(1);
  forward(trained, scaled, a, pool);
  forward(folded, data.features, b, pool);
  CHECK((a.activations.back() - b.activations.back()).cwiseAbs().maxCoeff() < 1e-4F);
}
