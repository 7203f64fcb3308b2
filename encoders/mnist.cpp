#include "encoders/mnist.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "encoders/idx_file.hpp"

namespace sprout::encoders {
namespace {

// `stem` is e.g. "train-images" and `kind` "idx3-ubyte"; both spellings MNIST mirrors use.
std::filesystem::path find_file(const std::filesystem::path& folder, const std::string& stem,
                                const std::string& kind) {
  for (const char* separator : {"-", "."}) {
    for (const char* suffix : {"", ".gz"}) {
      auto candidate = folder / (stem + separator + kind + suffix);
      if (std::filesystem::exists(candidate)) return candidate;
    }
  }
  throw DataError(fmt::format("{}: file not found (also looked for .gz and '.{}' spellings)",
                              (folder / (stem + "-" + kind)).string(), kind));
}

}  // namespace

std::array<std::size_t, kMnistClasses> LabelledImages::class_counts() const {
  std::array<std::size_t, kMnistClasses> counts{};
  for (std::uint8_t label : labels)
    ++counts[label];
  return counts;
}

LabelledImages LabelledImages::slice(std::size_t first, std::size_t n) const {
  if (first > count || n > count - first) {
    throw std::out_of_range(
        fmt::format("images {}..{} requested of a set of {}", first, first + n, count));
  }
  LabelledImages part{n, rows, cols, {}, {}};
  const auto pixels_from = pixels.begin() + static_cast<std::ptrdiff_t>(first * pixels_per_image());
  part.pixels.assign(pixels_from,
                     pixels_from + static_cast<std::ptrdiff_t>(n * pixels_per_image()));
  const auto labels_from = labels.begin() + static_cast<std::ptrdiff_t>(first);
  part.labels.assign(labels_from, labels_from + static_cast<std::ptrdiff_t>(n));
  return part;
}

LabelledImages load_labelled_images(const std::filesystem::path& images_file,
                                    const std::filesystem::path& labels_file) {
  IdxArray images = read_idx(images_file);
  IdxArray labels = read_idx(labels_file);
  if (images.dims.size() != 3) {
    throw DataError(fmt::format("{}: expected a rank-3 image array, found rank {}",
                                images_file.string(), images.dims.size()));
  }
  if (labels.dims.size() != 1) {
    throw DataError(fmt::format("{}: expected a rank-1 label array, found rank {}",
                                labels_file.string(), labels.dims.size()));
  }
  if (images.dims[0] != labels.dims[0]) {
    throw DataError(fmt::format("{}: holds {} labels but {} holds {} images", labels_file.string(),
                                labels.dims[0], images_file.string(), images.dims[0]));
  }
  // An empty set has no accuracy and nothing to learn from: refused here, where the file
  // is known, rather than found later as a division by zero.
  if (images.dims[0] == 0) {
    throw DataError(
        fmt::format("{}: holds no images; a data set needs at least one", images_file.string()));
  }
  if (images.dims[1] == 0 || images.dims[2] == 0) {
    throw DataError(fmt::format("{}: images of {}x{} pixels; an image needs at least one",
                                images_file.string(), images.dims[1], images.dims[2]));
  }
  const auto bad = std::find_if(labels.values.begin(), labels.values.end(),
                                [](std::uint8_t label) { return label >= kMnistClasses; });
  if (bad != labels.values.end()) {
    throw DataError(fmt::format("{}: label {} at index {} is outside 0-9", labels_file.string(),
                                *bad, bad - labels.values.begin()));
  }
  LabelledImages set;
  set.count = images.dims[0];
  set.rows = images.dims[1];
  set.cols = images.dims[2];
  set.pixels = std::move(images.values);
  set.labels = std::move(labels.values);
  return set;
}

LabelledImages load_mnist_split(const std::filesystem::path& folder, MnistSplit split) {
  const std::string prefix = split == MnistSplit::kTrain ? "train" : "t10k";
  // Looked up one after the other so that the first missing file is the one named.
  const auto images_file = find_file(folder, prefix + "-images", "idx3-ubyte");
  const auto labels_file = find_file(folder, prefix + "-labels", "idx1-ubyte");
  return load_labelled_images(images_file, labels_file);
}

Mnist load_mnist(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder)) {
    throw DataError(
        fmt::format("{}: data folder not found (run scripts/fetch-mnist, or set "
                    "--data-dir / SPROUT_DATA_DIR)",
                    folder.string()));
  }
  Mnist mnist{load_mnist_split(folder, MnistSplit::kTrain),
              load_mnist_split(folder, MnistSplit::kTest)};
  if (mnist.train.rows != mnist.test.rows || mnist.train.cols != mnist.test.cols) {
    throw DataError(fmt::format("{}: training images are {}x{} but test images are {}x{}",
                                folder.string(), mnist.train.rows, mnist.train.cols,
                                mnist.test.rows, mnist.test.cols));
  }
  return mnist;
}

}  // namespace sprout::encoders
