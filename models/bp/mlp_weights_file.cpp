#include "models/bp/mlp_weights_file.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <vector>

#include "engine/atomic_file.hpp"

namespace sprout::models {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the weights file is little-endian; add byte swapping for this platform");

constexpr std::string_view kMagic = "SPRTMLP1";
constexpr std::uint32_t kMaxLayerSize = 1U << 24U;

template <typename Value>
void write_values(std::ostream& out, const Value* values, std::size_t count) {
  out.write(reinterpret_cast<const char*>(values),
            static_cast<std::streamsize>(count * sizeof(Value)));
}

class Reader {
 public:
  explicit Reader(const std::filesystem::path& path) : path_(path), in_(path, std::ios::binary) {
    if (!in_) fail("cannot open file");
  }

  template <typename Value>
  void read(Value* values, std::size_t count, std::string_view what) {
    in_.read(reinterpret_cast<char*>(values), static_cast<std::streamsize>(count * sizeof(Value)));
    if (!in_) fail(fmt::format("truncated (while reading {})", what));
  }

  void expect_end() {
    if (in_.peek() != std::char_traits<char>::eof()) fail("unexpected bytes after the last layer");
  }

  [[noreturn]] void fail(std::string_view problem) const {
    throw std::runtime_error(fmt::format("{}: {}", path_.string(), problem));
  }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
};

}  // namespace

void write_mlp_weights(const std::filesystem::path& path, const Mlp& network) {
  write_file_atomically(path, [&network](std::ostream& out) {
    out.write(kMagic.data(), static_cast<std::streamsize>(kMagic.size()));
    const auto layers = static_cast<std::uint32_t>(network.layers().size());
    write_values(out, &layers, 1);
    for (std::size_t size : network.layer_sizes()) {
      const auto size32 = static_cast<std::uint32_t>(size);
      write_values(out, &size32, 1);
    }
    for (const DenseLayer& layer : network.layers()) {
      write_values(out, layer.weights.data(), static_cast<std::size_t>(layer.weights.size()));
      write_values(out, layer.bias.data(), static_cast<std::size_t>(layer.bias.size()));
    }
  });
}

Mlp read_mlp_weights(const std::filesystem::path& path) {
  Reader reader(path);
  std::string magic(kMagic.size(), '\0');
  reader.read(magic.data(), magic.size(), "the header");
  if (magic != kMagic) reader.fail("not a Sprout MLP weights file (bad magic)");
  std::uint32_t layers = 0;
  reader.read(&layers, 1, "the header");
  if (layers == 0 || layers > 64) reader.fail(fmt::format("implausible layer count {}", layers));
  std::vector<std::uint32_t> sizes32(layers + 1);
  reader.read(sizes32.data(), sizes32.size(), "the layer sizes");
  std::vector<std::size_t> sizes;
  for (std::uint32_t size : sizes32) {
    if (size == 0 || size > kMaxLayerSize)
      reader.fail(fmt::format("implausible layer size {}", size));
    sizes.push_back(size);
  }
  // The sizes must add up to the file's size before anything is allocated.
  std::uint64_t values = 0;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
    values += std::uint64_t{sizes[l] + 1} * sizes[l + 1];
  const std::uint64_t expected = kMagic.size() + 4 * (std::uint64_t{layers} + 2) + 4 * values;
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec || size != expected) {
    reader.fail(fmt::format("{} bytes, but its layer sizes need {}", size, expected));
  }
  Mlp network(sizes);
  for (DenseLayer& layer : network.layers()) {
    reader.read(layer.weights.data(), static_cast<std::size_t>(layer.weights.size()), "weights");
    reader.read(layer.bias.data(), static_cast<std::size_t>(layer.bias.size()), "biases");
    if (!layer.weights.allFinite() || !layer.bias.allFinite())
      reader.fail("a weight or bias is not a finite number");
  }
  reader.expect_end();
  return network;
}

}  // namespace sprout::models
