#pragma once
// The MNIST data set: 28x28 grey images (uint8) with labels 0-9, read from the original
// IDX files (plain or .gz) in one folder.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace sprout::encoders {

inline constexpr std::size_t kMnistClasses = 10;

struct LabelledImages {
  std::size_t count = 0;
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<std::uint8_t> pixels;  // count * rows * cols, image-major
  std::vector<std::uint8_t> labels;  // count, each in 0..9

  [[nodiscard]] std::size_t pixels_per_image() const { return rows * cols; }
  [[nodiscard]] std::span<const std::uint8_t> image(std::size_t index) const {
    return std::span(pixels).subspan(index * pixels_per_image(), pixels_per_image());
  }
  [[nodiscard]] std::array<std::size_t, kMnistClasses> class_counts() const;
  // A copy of images [first, first + n); throws std::out_of_range past the end.
  [[nodiscard]] LabelledImages slice(std::size_t first, std::size_t n) const;
};

struct Mnist {
  LabelledImages train;
  LabelledImages test;
};

// Reads an images file (rank 3) and a labels file (rank 1) and checks that they agree.
[[nodiscard]] LabelledImages load_labelled_images(const std::filesystem::path& images_file,
                                                  const std::filesystem::path& labels_file);

// Finds the four MNIST files in `folder` (each as `name` or `name.gz`, with the usual
// `-idx3-ubyte` or `.idx3-ubyte` spelling) and loads them. Throws DataError naming the
// missing or bad file.
[[nodiscard]] Mnist load_mnist(const std::filesystem::path& folder);

// One of the two sets, for commands that need only the test set.
enum class MnistSplit { kTrain, kTest };
[[nodiscard]] LabelledImages load_mnist_split(const std::filesystem::path& folder,
                                              MnistSplit split);

}  // namespace sprout::encoders
