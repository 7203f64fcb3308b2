#include "models/bp/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/bp/bp_parallel.hpp"
#include "models/bp/bp_random.hpp"

namespace sprout::models {
namespace {

// out = input * W^T + b, with ReLU for hidden layers; chunked over output neurons.
template <typename Input>
void forward_layer(const DenseLayer& layer, const Input& input, RowMatrix& out, bool relu,
                   ChunkPool& pool) {
  out.resize(input.rows(), layer.outputs());
  pool.for_each_chunk(layer.outputs(), [&](IndexRange range) {
    auto block = out.middleCols(range.begin, range.size);
    block.noalias() = input * layer.weights.middleRows(range.begin, range.size).transpose();
    block.rowwise() += layer.bias.segment(range.begin, range.size).transpose();
    if (relu) block = block.cwiseMax(0.0F);
  });
}

// Weight and bias gradients of one layer from its error (batch x outputs) and input.
template <typename Input>
void layer_gradients(const RowMatrix& error, const Input& input, RowMatrix& weight_gradient,
                     Eigen::VectorXf& bias_gradient, ChunkPool& pool) {
  pool.for_each_chunk(error.cols(), [&](IndexRange range) {
    const auto error_block = error.middleCols(range.begin, range.size);
    weight_gradient.middleRows(range.begin, range.size).noalias() = error_block.transpose() * input;
    bias_gradient.segment(range.begin, range.size) = error_block.colwise().sum().transpose();
  });
}

// Error of the layer below: (error * W) masked by the ReLU's derivative; chunked over
// the layer's inputs.
void propagate_error(const DenseLayer& layer, const RowMatrix& error,
                     const RowMatrix& activation_below, RowMatrix& error_below, ChunkPool& pool) {
  error_below.resize(error.rows(), layer.inputs());
  pool.for_each_chunk(layer.inputs(), [&](IndexRange range) {
    auto block = error_below.middleCols(range.begin, range.size);
    block.noalias() = error * layer.weights.middleCols(range.begin, range.size);
    block =
        (activation_below.middleCols(range.begin, range.size).array() > 0.0F).select(block, 0.0F);
  });
}

// Softmax cross-entropy of each row of `logits`. When `error` is given, it receives
// dLoss/dLogits of the mean loss: (softmax - onehot) / rows.
BatchScore score_logits(const RowMatrix& logits, std::span<const std::uint8_t> labels,
                        RowMatrix* error) {
  const std::ptrdiff_t rows = logits.rows();
  if (static_cast<std::size_t>(rows) != labels.size())
    throw std::invalid_argument("score_logits: one label per row is needed");
  if (error != nullptr) error->resize(rows, logits.cols());
  BatchScore score;
  score.samples = labels.size();
  for (std::ptrdiff_t row = 0; row < rows; ++row) {
    const auto values = logits.row(row);
    const std::ptrdiff_t label = labels[static_cast<std::size_t>(row)];
    if (label >= logits.cols()) throw std::invalid_argument("score_logits: label out of range");
    Eigen::Index predicted = 0;
    const float largest = values.maxCoeff(&predicted);  // the first of equal maxima
    const double log_sum =
        largest + std::log((values.array() - largest).exp().cast<double>().sum());
    score.loss_sum += log_sum - values(label);
    if (predicted == label) ++score.correct;
    if (error != nullptr) {
      auto out = error->row(row);
      out = ((values.array().cast<double>() - log_sum).exp() / static_cast<double>(rows))
                .cast<float>();
      out(label) -= 1.0F / static_cast<float>(rows);
    }
  }
  return score;
}

}  // namespace

std::size_t DenseLayer::nonzero_synapses() const {
  return static_cast<std::size_t>((weights.array() != 0.0F).count());
}

std::size_t DenseLayer::present_synapses() const {
  if (!is_masked()) return static_cast<std::size_t>(weights.size());
  return static_cast<std::size_t>((present.array() != 0).count());
}

void DenseLayer::ensure_mask() {
  if (!is_masked()) present = MaskMatrix::Ones(weights.rows(), weights.cols());
}

void DenseLayer::zero_pruned_rows(std::ptrdiff_t begin, std::ptrdiff_t count) {
  if (!is_masked()) return;
  auto rows = weights.middleRows(begin, count);
  rows = (present.middleRows(begin, count).array() != 0).select(rows, 0.0F);
}

Mlp::Mlp(std::span<const std::size_t> layer_sizes) {
  use_fixed_eigen_blocking();
  if (layer_sizes.size() < 2) throw std::invalid_argument("Mlp: needs inputs and classes");
  for (std::size_t size : layer_sizes)
    if (size == 0) throw std::invalid_argument("Mlp: every layer needs at least one neuron");
  for (std::size_t index = 1; index < layer_sizes.size(); ++index) {
    const auto inputs = static_cast<std::ptrdiff_t>(layer_sizes[index - 1]);
    const auto outputs = static_cast<std::ptrdiff_t>(layer_sizes[index]);
    layers_.push_back({RowMatrix::Zero(outputs, inputs), Eigen::VectorXf::Zero(outputs), {}});
  }
}

void Mlp::initialise(std::uint64_t seed) {
  for (std::size_t index = 0; index < layers_.size(); ++index) {
    DenseLayer& layer = layers_[index];
    RandomStream stream(seed, index, kBpInitialisationStream);
    const float bound = 1.0F / std::sqrt(static_cast<float>(layer.inputs()));
    const auto draw = [&] { return bound * (2.0F * uniform_unit_float(stream) - 1.0F); };
    for (Eigen::Index i = 0; i < layer.weights.size(); ++i)
      layer.weights.data()[i] = draw();
    for (Eigen::Index i = 0; i < layer.bias.size(); ++i)
      layer.bias[i] = draw();
    layer.present.resize(0, 0);
  }
}

std::vector<std::size_t> Mlp::layer_sizes() const {
  std::vector<std::size_t> sizes{inputs()};
  for (const DenseLayer& layer : layers_)
    sizes.push_back(static_cast<std::size_t>(layer.outputs()));
  return sizes;
}

std::size_t Mlp::inputs() const {
  return static_cast<std::size_t>(layers_.front().inputs());
}
std::size_t Mlp::classes() const {
  return static_cast<std::size_t>(layers_.back().outputs());
}

std::size_t Mlp::nonzero_synapses() const {
  std::size_t total = 0;
  for (const DenseLayer& layer : layers_)
    total += layer.nonzero_synapses();
  return total;
}

std::size_t Mlp::dense_synapses() const {
  std::size_t total = 0;
  for (const DenseLayer& layer : layers_)
    total += static_cast<std::size_t>(layer.weights.size());
  return total;
}

void fold_input_scaling(Mlp& network, float offset, float scale) {
  DenseLayer& first = network.layers().front();
  first.weights /= scale;
  first.bias -= offset * first.weights.rowwise().sum();
}

MlpGradients::MlpGradients(const Mlp& network) {
  for (const DenseLayer& layer : network.layers()) {
    weights.push_back(RowMatrix::Zero(layer.outputs(), layer.inputs()));
    bias.push_back(Eigen::VectorXf::Zero(layer.outputs()));
  }
}

BatchScore& BatchScore::operator+=(const BatchScore& other) {
  loss_sum += other.loss_sum;
  correct += other.correct;
  samples += other.samples;
  return *this;
}

double BatchScore::mean_loss() const {
  return samples == 0 ? 0.0 : loss_sum / static_cast<double>(samples);
}

double BatchScore::accuracy() const {
  return samples == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(samples);
}

void forward(const Mlp& network, const InputRows& inputs, MlpWorkspace& workspace,
             ChunkPool& pool) {
  const auto layers = network.layers();
  if (inputs.cols() != layers.front().inputs())
    throw std::invalid_argument("forward: input width differs from the network's inputs");
  workspace.activations.resize(layers.size());
  for (std::size_t index = 0; index < layers.size(); ++index) {
    const bool hidden = index + 1 < layers.size();
    if (index == 0) {
      forward_layer(layers[0], inputs, workspace.activations[0], hidden, pool);
    } else {
      forward_layer(layers[index], workspace.activations[index - 1], workspace.activations[index],
                    hidden, pool);
    }
  }
}

BatchScore compute_gradients(const Mlp& network, const InputRows& inputs,
                             std::span<const std::uint8_t> labels, MlpWorkspace& workspace,
                             MlpGradients& gradients, ChunkPool& pool) {
  forward(network, inputs, workspace, pool);
  const auto layers = network.layers();
  const std::size_t last = layers.size() - 1;
  workspace.errors.resize(layers.size());
  const BatchScore score =
      score_logits(workspace.activations[last], labels, &workspace.errors[last]);
  for (std::size_t index = last + 1; index-- > 0;) {
    if (index == 0) {
      layer_gradients(workspace.errors[0], inputs, gradients.weights[0], gradients.bias[0], pool);
    } else {
      layer_gradients(workspace.errors[index], workspace.activations[index - 1],
                      gradients.weights[index], gradients.bias[index], pool);
      propagate_error(layers[index], workspace.errors[index], workspace.activations[index - 1],
                      workspace.errors[index - 1], pool);
    }
  }
  return score;
}

BatchScore evaluate(const Mlp& network, const InputRows& inputs,
                    std::span<const std::uint8_t> labels, ChunkPool& pool,
                    std::ptrdiff_t block_rows) {
  if (static_cast<std::size_t>(inputs.rows()) != labels.size())
    throw std::invalid_argument("evaluate: one label per row is needed");
  MlpWorkspace workspace;
  BatchScore total;
  for (std::ptrdiff_t start = 0; start < inputs.rows(); start += block_rows) {
    const std::ptrdiff_t rows = std::min(block_rows, inputs.rows() - start);
    forward(network, inputs.middleRows(start, rows), workspace, pool);
    total += score_logits(
        workspace.activations.back(),
        labels.subspan(static_cast<std::size_t>(start), static_cast<std::size_t>(rows)), nullptr);
  }
  return total;
}

}  // namespace sprout::models
