#pragma once
// Optimizers of the BP reference, with PyTorch's update rules (torch.optim.SGD with
// momentum, dampening 0, no Nesterov; torch.optim.Adam without weight decay), so that a
// learning rate means the same thing on both sides.

#include <cstddef>
#include <span>
#include <vector>

namespace sprout::models {

enum class OptimizerKind { kSgdMomentum, kAdam };

struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::kAdam;
  float learning_rate = 1e-3F;
  float momentum = 0.9F;  // SGD only
  float beta1 = 0.9F;     // Adam only
  float beta2 = 0.999F;   // Adam only
  float epsilon = 1e-8F;  // Adam only
};

// Holds the optimizer state (momentum buffer, or Adam's two moments) of a list of
// parameter tensors, each seen as a flat array.
class Optimizer {
 public:
  Optimizer(const OptimizerSettings& settings, std::span<const std::size_t> parameter_sizes);

  // Starts a step; Adam's bias correction counts steps.
  void begin_step();

  // Updates values[i] of parameter `parameter` from gradient[i], where i runs over the
  // slice [offset, offset + values.size()) of that parameter. Disjoint slices of one step
  // may be updated in parallel.
  void update(std::size_t parameter, std::size_t offset, std::span<float> values,
              std::span<const float> gradient);

  // The learning rate of the following steps (a schedule); the state is kept.
  void set_learning_rate(float learning_rate) { settings_.learning_rate = learning_rate; }

  // Clears the state of one element, e.g. of a synapse that was just pruned.
  void clear_state(std::size_t parameter, std::size_t index);

  [[nodiscard]] const OptimizerSettings& settings() const { return settings_; }
  [[nodiscard]] long steps() const { return steps_; }

 private:
  OptimizerSettings settings_;
  long steps_ = 0;
  float step_size_ = 0.0F;                  // Adam: lr / (1 - beta1^t)
  float inverse_root_correction_ = 0.0F;    // Adam: 1 / sqrt(1 - beta2^t)
  std::vector<std::vector<float>> first_;   // momentum buffer, or Adam's first moment
  std::vector<std::vector<float>> second_;  // Adam's second moment
};

}  // namespace sprout::models
