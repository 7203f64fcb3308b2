#include "encoders/class_subset.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>

#include "encoders/idx_file.hpp"

namespace sprout::encoders {

ClassList all_classes() {
  ClassList classes(kMnistClasses);
  for (std::size_t label = 0; label < kMnistClasses; ++label)
    classes[label] = static_cast<std::uint8_t>(label);
  return classes;
}

bool is_all_classes(std::span<const std::uint8_t> classes) {
  const ClassList all = all_classes();
  return std::equal(classes.begin(), classes.end(), all.begin(), all.end());
}

std::string class_list_problem(std::span<const std::size_t> classes) {
  const auto allowed =
      fmt::format("allowed: 2 to {} distinct labels 0-{}", kMnistClasses, kMnistClasses - 1);
  if (classes.size() < 2 || classes.size() > kMnistClasses) {
    return fmt::format("{} given ({}); {}",
                       classes.size() == 1 ? "1 class" : fmt::format("{} classes", classes.size()),
                       fmt::join(classes, ","), allowed);
  }
  for (std::size_t k = 0; k < classes.size(); ++k) {
    if (classes[k] >= kMnistClasses)
      return fmt::format("unknown class label {}; {}", classes[k], allowed);
    if (std::find(classes.begin(), classes.begin() + static_cast<std::ptrdiff_t>(k), classes[k]) !=
        classes.begin() + static_cast<std::ptrdiff_t>(k)) {
      return fmt::format("class {} given twice; {}", classes[k], allowed);
    }
  }
  return "";
}

ClassList parse_class_list(std::string_view text, std::string_view option) {
  std::vector<std::size_t> values;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    const std::string_view item = text.substr(begin, end - begin);
    std::size_t value = 0;
    const auto [rest, error] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (item.empty() || error != std::errc() || rest != item.data() + item.size()) {
      throw std::invalid_argument(fmt::format(
          "{}: '{}' is not a label in \"{}\"; expected a comma-separated list such as 1,2,6",
          option, item, text));
    }
    values.push_back(value);
    begin = end + 1;
  }
  if (const std::string problem = class_list_problem(values); !problem.empty())
    throw std::invalid_argument(fmt::format("{}: {}", option, problem));
  return {values.begin(), values.end()};
}

LabelledImages select_classes(const LabelledImages& images, std::span<const std::uint8_t> kept,
                              std::span<const std::uint8_t> order) {
  // new_label[l]: the class of original label l, or kMnistClasses if it is not kept.
  std::array<std::uint8_t, kMnistClasses> new_label{};
  new_label.fill(static_cast<std::uint8_t>(kMnistClasses));
  for (std::uint8_t label : kept) {
    const auto position = std::find(order.begin(), order.end(), label);
    if (label >= kMnistClasses || position == order.end())
      throw std::invalid_argument("select_classes: a kept label is not in the order");
    new_label[label] = static_cast<std::uint8_t>(position - order.begin());
  }
  LabelledImages selected{0, images.rows, images.cols, {}, {}};
  for (std::size_t index = 0; index < images.count; ++index) {
    const std::uint8_t label = new_label[images.labels[index]];
    if (label == kMnistClasses) continue;
    const auto pixels = images.image(index);
    selected.pixels.insert(selected.pixels.end(), pixels.begin(), pixels.end());
    selected.labels.push_back(label);
    ++selected.count;
  }
  return selected;
}

LabelledImages filter_classes(const LabelledImages& images, std::span<const std::uint8_t> classes,
                              std::string_view source) {
  LabelledImages selected = select_classes(images, classes, classes);
  const auto counts = selected.class_counts();
  for (std::size_t k = 0; k < classes.size(); ++k) {
    if (counts[k] != 0) continue;
    std::vector<std::size_t> present;
    const auto all_counts = images.class_counts();
    for (std::size_t label = 0; label < kMnistClasses; ++label)
      if (all_counts[label] != 0) present.push_back(label);
    throw DataError(fmt::format("{}: class {} has no image; the labels present are {}", source,
                                classes[k], fmt::join(present, ",")));
  }
  return selected;
}

Mnist load_mnist(const std::filesystem::path& folder, std::span<const std::uint8_t> classes) {
  Mnist mnist = load_mnist(folder);
  if (is_all_classes(classes)) return mnist;
  return {filter_classes(mnist.train, classes, (folder / "training set").string()),
          filter_classes(mnist.test, classes, (folder / "test set").string())};
}

LabelledImages load_mnist_split(const std::filesystem::path& folder, MnistSplit split,
                                std::span<const std::uint8_t> classes) {
  LabelledImages images = load_mnist_split(folder, split);
  if (is_all_classes(classes)) return images;
  const char* name = split == MnistSplit::kTrain ? "training set" : "test set";
  return filter_classes(images, classes, (folder / name).string());
}

LabelledImages load_mnist_split_for(const std::filesystem::path& folder, MnistSplit split,
                                    std::span<const std::uint8_t> kept,
                                    std::span<const std::uint8_t> network_classes,
                                    std::string_view option) {
  for (std::uint8_t label : kept) {
    if (std::find(network_classes.begin(), network_classes.end(), label) == network_classes.end()) {
      throw std::invalid_argument(fmt::format("{}: {} is not one of the network's classes {}",
                                              option, label, fmt::join(network_classes, ",")));
    }
  }
  LabelledImages images = load_mnist_split(folder, split, network_classes);
  if (kept.size() == network_classes.size()) return images;
  // Kept labels by their class number in the network, which the images now carry.
  ClassList kept_numbers;
  for (std::uint8_t label : kept) {
    kept_numbers.push_back(
        static_cast<std::uint8_t>(std::find(network_classes.begin(), network_classes.end(), label) -
                                  network_classes.begin()));
  }
  return select_classes(images, kept_numbers, all_classes());
}

}  // namespace sprout::encoders
