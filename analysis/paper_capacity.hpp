#pragma once
// The synaptic capacity of Stricker, Röhrbein & Knoblauch (2026), here "C_S (VIB, paper)":
//   c_s_paper = I(X;Z) / (non-silent input→hidden synapses)   [bits per synapse]
// with I(X;Z) from the variational encoder on the hidden code (variational_information.hpp)
// and a synapse non-silent when its weight is not exactly zero. Only input→hidden synapses
// count (so a dense BP network of H hidden units has 784·H). It differs from Sprout's
// "C_S (label)" (synaptic_capacity.hpp: label information of the outputs, all layers'
// synapses, times the training images). docs/metrics.md compares the two.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <span>

#include "analysis/variational_information.hpp"
#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/mlp.hpp"
#include "models/structural/structural_learner.hpp"

namespace sprout::analysis {

struct PaperCapacity {
  double i_xz_bits = 0;
  std::size_t nonsilent_input_synapses = 0;
  double c_s_paper = 0;  // bits per non-silent input→hidden synapse
  VibResult vib;         // how I(X;Z) was measured
};

// From a measured I(X;Z); throws std::invalid_argument when there is no synapse.
[[nodiscard]] PaperCapacity paper_capacity(const VibResult& vib,
                                           std::size_t nonsilent_input_synapses);

// Non-zero weights of the first layer (input→hidden).
[[nodiscard]] std::size_t nonsilent_input_synapses(const models::Mlp& network);
// Realised input→hidden synapses whose weight is not zero (the structural rule's states
// "silent" and "consolidated" both transmit; only a zero weight is silent here).
[[nodiscard]] std::size_t nonsilent_input_synapses(const models::StructuralLearner& learner);

// A trained BP network on its data (as trained: standardised features): the encoder learns
// from the first hidden layer's ReLU activations of the training set, I(X;Z) on the test set.
[[nodiscard]] PaperCapacity paper_capacity_of_bp(const models::Mlp& network,
                                                 const models::BpData& data,
                                                 const VibSettings& settings, int threads);

// A structural network: the hidden spike counts of images [0, train_count) of `train` and
// [0, test_count) of `test` (each presented as in an evaluation), labels as the network's
// classes (load the sets with the network's data.classes).
[[nodiscard]] PaperCapacity paper_capacity_of_structural(const models::StructuralLearner& learner,
                                                         const encoders::LabelledImages& train,
                                                         std::size_t train_count,
                                                         const encoders::LabelledImages& test,
                                                         std::size_t test_count,
                                                         const VibSettings& settings);
// The same from hidden spike counts already recorded that way (images x hidden, e.g. a
// training run's final evaluations), with the labels of those images.
[[nodiscard]] PaperCapacity paper_capacity_of_structural(
    const models::StructuralLearner& learner, std::span<const std::uint32_t> train_counts,
    std::span<const std::uint8_t> train_labels, std::span<const std::uint32_t> test_counts,
    std::span<const std::uint8_t> test_labels, const VibSettings& settings);

// The same from files, on the first `train_limit` / `test_limit` images (0: all) of the
// MNIST-format data in `data_dir`. A BP weights file (`sprout bp`'s weights.bin, which takes
// pixel/255) needs the classes it learnt, in order (its output count must match); a
// structural network file names its own.
[[nodiscard]] PaperCapacity paper_capacity_of_bp_file(const std::filesystem::path& weights,
                                                      const std::filesystem::path& data_dir,
                                                      const encoders::ClassList& classes,
                                                      std::size_t train_limit,
                                                      std::size_t test_limit,
                                                      const VibSettings& settings, int threads);
[[nodiscard]] PaperCapacity paper_capacity_of_network_file(
    const std::filesystem::path& network, const std::filesystem::path& data_dir,
    std::size_t train_limit, std::size_t test_limit, const VibSettings& settings, int threads);

void to_json(nlohmann::json& out, const PaperCapacity& capacity);

}  // namespace sprout::analysis
