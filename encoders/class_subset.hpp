#pragma once
// Class subsets of a labelled data set (e.g. MNIST's digits 1, 2 and 6): which of the
// labels 0-9 a run learns, and a data set restricted to them. A run on classes
// {c_0, ..., c_(K-1)} sees label c_k as class k, so its readout or output layer has K
// units; the list itself (in the config and the results) names the original labels.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "encoders/mnist.hpp"

namespace sprout::encoders {

// Original labels; position k is class k.
using ClassList = std::vector<std::uint8_t>;

// 0, 1, ..., 9: every MNIST class, each keeping its own label.
[[nodiscard]] ClassList all_classes();

// Whether `classes` is 0, 1, ..., 9 in this order (filtering would change nothing).
[[nodiscard]] bool is_all_classes(std::span<const std::uint8_t> classes);

// Why `classes` is not a valid subset (fewer than 2 or more than 10 labels, a label
// outside 0-9, a duplicate), or "" if it is one.
[[nodiscard]] std::string class_list_problem(std::span<const std::size_t> classes);

// Reads "1,2,6" (the --classes option); throws std::invalid_argument "<option>: <problem>".
[[nodiscard]] ClassList parse_class_list(std::string_view text, std::string_view option);

// The images of `images` whose label is in `kept`, in their original order, each
// relabelled as the position of its label in `order` (which must hold every kept label).
[[nodiscard]] LabelledImages select_classes(const LabelledImages& images,
                                            std::span<const std::uint8_t> kept,
                                            std::span<const std::uint8_t> order);

// The images of `classes`, label classes[k] becoming k. Throws DataError "<source>: ..."
// when a class has no image in the set.
[[nodiscard]] LabelledImages filter_classes(const LabelledImages& images,
                                            std::span<const std::uint8_t> classes,
                                            std::string_view source);

// load_mnist and load_mnist_split restricted to `classes` (no copy for all_classes()).
[[nodiscard]] Mnist load_mnist(const std::filesystem::path& folder,
                               std::span<const std::uint8_t> classes);
[[nodiscard]] LabelledImages load_mnist_split(const std::filesystem::path& folder, MnistSplit split,
                                              std::span<const std::uint8_t> classes);

// The images of `kept` for a network that learnt `network_classes`, each labelled with
// its class number in that network. Throws std::invalid_argument "<option>: ..." when a
// kept label is not one of the network's classes, DataError when it has no image.
[[nodiscard]] LabelledImages load_mnist_split_for(const std::filesystem::path& folder,
                                                  MnistSplit split,
                                                  std::span<const std::uint8_t> kept,
                                                  std::span<const std::uint8_t> network_classes,
                                                  std::string_view option);

}  // namespace sprout::encoders
