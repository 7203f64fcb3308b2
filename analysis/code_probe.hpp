#pragma once
// What limits a trained structural network's accuracy (`sprout probe`, docs/model.md,
// "What this reconstruction does not (yet) reach"). The same converged linear classifier
// (a probe) is fitted to two codes of the images and compared with the network's readout:
//  1. the network's own readout on the test set (as `sprout eval`);
//  2. a probe on the hidden spike counts the readout sees: far above (1) means the readout
//     rule, not the code, is the limit;
//  3. a probe on a noise-free code of the same input weights, the cosine similarity of the
//     image to each neuron's weight vector with the K largest kept: far above (2) means
//     the spiking (Poisson input, the inhibition race, the short window) loses what the
//     weights hold; near (2) means the weights, the features, are the limit.
// Every result is the same on any number of threads.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <vector>

#include "encoders/mnist.hpp"
#include "models/structural/readout.hpp"
#include "models/structural/structural_learner.hpp"
#include "results/probe_results.hpp"

namespace sprout::analysis {

// The values are results data (results/probe_results.hpp); this file computes them.
using results::CodeProbeReport;
using results::CosineProbe;
using results::ProbeAccuracy;

// cos(w_j, x) between images [0, count) and every hidden neuron's input weight vector:
// count x hidden, row-major. `weights` is hidden x inputs, post-major (as
// PotentialSynapses::weights()). A neuron without weights or a blank image gives 0.
// Parallel over images on `threads` threads; each value is computed alone, so the
// result does not depend on the thread count.
[[nodiscard]] std::vector<float> cosine_similarities(std::span<const float> weights,
                                                     const encoders::LabelledImages& images,
                                                     std::size_t count, int threads);

// The top-K code of one image's similarities s: the K largest s_j, each with value
// s_j - s_(K+1) (the (K+1)-th largest: a threshold that adapts to the image, as lateral
// inhibition does), the rest left out; indices ascending, ties to the lower index.
// Throws std::invalid_argument unless 1 <= K < s.size() (s_(K+1) must exist).
[[nodiscard]] models::SparseActivity top_k_code(std::span<const float> similarities, std::size_t k);

// top_k_code of every row of `similarities` (rows x hidden).
[[nodiscard]] std::vector<models::SparseActivity> cosine_top_k_code(
    std::span<const float> similarities, std::size_t hidden, std::size_t k);

// Spike counts (images x hidden) as the network's readout sees them: count / count_scale.
[[nodiscard]] std::vector<models::SparseActivity> spike_count_code(
    std::span<const std::uint32_t> counts, std::size_t hidden, double count_scale);

// The probe sees each input divided by its RMS over the training codes, then steps at
// learning_rate / (1 + learning_rate_decay e) / mean(1 + |y|^2) in epoch e (the mean over
// the training codes; the 1 is the bias input). Both make one rate fit codes of any scale.
// Defaults: on a 400-neuron network (docs/model.md) 3x the epochs change the test
// accuracies by at most 0.3 points and 3x the rate by at most 0.7; a third of the rate
// has not converged in 20 epochs. The training accuracy still creeps up, as it does for
// any softmax classifier without a penalty on the weights.
struct LinearProbeSettings {
  std::size_t epochs = 20;
  double learning_rate = 3.0;
  double learning_rate_decay = 0.3;
  std::uint64_t seed = 1;  // the order of the training codes, shuffled every epoch
};

struct LabelledCodes {
  std::span<const models::SparseActivity> codes;
  std::span<const std::uint8_t> labels;  // at least codes.size(); the first ones are used
};

// Fits a softmax linear classifier (models::LinearReadout, delta rule) to `train` and
// returns its accuracy on `train` and `test`. Throws std::invalid_argument for an empty
// set, zero epochs, too few labels, a label >= classes or a code index >= inputs.
[[nodiscard]] ProbeAccuracy fit_linear_probe(const LabelledCodes& train, const LabelledCodes& test,
                                             std::size_t inputs, std::size_t classes,
                                             const LinearProbeSettings& settings);

struct CodeProbeOptions {
  std::size_t probe_train_images = 20000;  // the first N training images
  std::size_t test_images = 10000;         // the first N test images
  std::vector<std::size_t> top_k = {40, 160};
  LinearProbeSettings probe;
};

// Called at the start of each long stage with what it does.
using ProgressReport = std::function<void(const std::string& stage)>;

// Measures 1-3 above. Simulates the training and test images through the network without
// learning (StructuralLearner::evaluate, on the learner's threads), so it takes as long as
// evaluating both. Options the network and data cannot meet (K outside 1..hidden-1, more
// images than the set holds, none, zero epochs) throw std::invalid_argument before any
// simulation.
[[nodiscard]] CodeProbeReport probe_network(const models::StructuralLearner& learner,
                                            const encoders::LabelledImages& train,
                                            const encoders::LabelledImages& test,
                                            const CodeProbeOptions& options,
                                            const ProgressReport& progress = {});

// The settings as the result's config records them.
void to_json(nlohmann::json& out, const LinearProbeSettings& settings);

}  // namespace sprout::analysis
