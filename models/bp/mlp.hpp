#pragma once
// The BP reference network: a multi-layer perceptron inputs-H-...-classes with ReLU
// hidden layers and a softmax cross-entropy output, in fp32 (as PyTorch). Layers are
// fully connected; a layer may carry a mask of pruned synapses, whose weights are
// exactly zero and stay zero.
//
// Work is split by output neuron (forward, weight gradients) and by input neuron (the
// propagated error) into chunks that depend only on the layer sizes (bp_parallel.hpp),
// so results are bitwise the same on any number of threads.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>
#include "models/bp/eigen_core.hpp"

#include "models/bp/bp_parallel.hpp"

namespace sprout::models {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MaskMatrix = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One fully connected layer. Row o of `weights` holds the synapses onto output neuron o.
struct DenseLayer {
  RowMatrix weights;     // outputs x inputs
  Eigen::VectorXf bias;  // outputs
  MaskMatrix present;    // empty: every synapse exists; else 1 = exists, 0 = pruned

  [[nodiscard]] std::ptrdiff_t inputs() const { return weights.cols(); }
  [[nodiscard]] std::ptrdiff_t outputs() const { return weights.rows(); }
  [[nodiscard]] bool is_masked() const { return present.size() != 0; }
  // Synapses (weights) that are not exactly zero. Biases are not synapses.
  [[nodiscard]] std::size_t nonzero_synapses() const;
  // Synapses that exist (not pruned), zero-valued or not.
  [[nodiscard]] std::size_t present_synapses() const;
  // Turns on the mask (all present) if the layer had none.
  void ensure_mask();
  // Sets the weights of pruned synapses of rows [begin, begin + count) to +0.
  void zero_pruned_rows(std::ptrdiff_t begin, std::ptrdiff_t count);
};

class Mlp {
 public:
  // sizes = {inputs, hidden..., classes}; at least {inputs, classes}. All weights zero.
  explicit Mlp(std::span<const std::size_t> layer_sizes);

  // PyTorch's nn.Linear default: weights and biases ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
  // drawn from the stream (seed, initialisation, layer index). Removes any masks.
  void initialise(std::uint64_t seed);

  [[nodiscard]] std::vector<std::size_t> layer_sizes() const;
  [[nodiscard]] std::size_t inputs() const;
  [[nodiscard]] std::size_t classes() const;
  [[nodiscard]] std::span<DenseLayer> layers() { return layers_; }
  [[nodiscard]] std::span<const DenseLayer> layers() const { return layers_; }

  [[nodiscard]] std::size_t nonzero_synapses() const;
  [[nodiscard]] std::size_t dense_synapses() const;

 private:
  std::vector<DenseLayer> layers_;
};

// Makes a network trained on inputs (x - offset) / scale take x itself: the first
// layer's weights are divided by `scale` and its biases absorb the offset. Zero weights
// stay exactly zero.
void fold_input_scaling(Mlp& network, float offset, float scale);

// Gradients of the mean loss over a batch, shaped like the network's parameters.
struct MlpGradients {
  std::vector<RowMatrix> weights;
  std::vector<Eigen::VectorXf> bias;

  explicit MlpGradients(const Mlp& network);
};

// Buffers of one batch (activations and errors), reused from batch to batch.
struct MlpWorkspace {
  RowMatrix input;                     // the gathered batch (batch x inputs), for callers
  std::vector<RowMatrix> activations;  // per layer; the last holds the logits
  std::vector<RowMatrix> errors;       // dLoss/dPreactivation per layer
};

// Sum of the per-sample losses and number of correctly classified samples.
struct BatchScore {
  double loss_sum = 0.0;
  std::size_t correct = 0;
  std::size_t samples = 0;

  BatchScore& operator+=(const BatchScore& other);
  [[nodiscard]] double mean_loss() const;
  [[nodiscard]] double accuracy() const;
};

using InputRows = Eigen::Ref<const RowMatrix>;

// Logits of every row of `inputs`, left in workspace.activations.back().
void forward(const Mlp& network, const InputRows& inputs, MlpWorkspace& workspace, ChunkPool& pool);

// Forward and backward pass on one batch: fills `gradients` with the gradients of the
// mean cross-entropy over the batch and returns the batch's score (before any update).
BatchScore compute_gradients(const Mlp& network, const InputRows& inputs,
                             std::span<const std::uint8_t> labels, MlpWorkspace& workspace,
                             MlpGradients& gradients, ChunkPool& pool);

// Scores `inputs` against `labels` in blocks of `block_rows` samples.
[[nodiscard]] BatchScore evaluate(const Mlp& network, const InputRows& inputs,
                                  std::span<const std::uint8_t> labels, ChunkPool& pool,
                                  std::ptrdiff_t block_rows = 1000);

}  // namespace sprout::models
