#include "models/bp/optimizers.hpp"

#include <cmath>
#include <stdexcept>
#include "models/bp/eigen_core.hpp"

namespace sprout::models {
namespace {

using FlatArray = Eigen::Map<Eigen::ArrayXf>;
using ConstFlatArray = Eigen::Map<const Eigen::ArrayXf>;

FlatArray view(std::span<float> values) {
  return {values.data(), static_cast<Eigen::Index>(values.size())};
}

FlatArray view(std::vector<float>& state, std::size_t offset, std::size_t count) {
  return {state.data() + offset, static_cast<Eigen::Index>(count)};
}

}  // namespace

Optimizer::Optimizer(const OptimizerSettings& settings,
                     std::span<const std::size_t> parameter_sizes)
    : settings_(settings) {
  for (std::size_t size : parameter_sizes) {
    first_.emplace_back(size, 0.0F);
    if (settings_.kind == OptimizerKind::kAdam) second_.emplace_back(size, 0.0F);
  }
}

void Optimizer::begin_step() {
  ++steps_;
  if (settings_.kind == OptimizerKind::kAdam) {
    // As torch.optim.Adam: the corrections are computed in double, applied in float.
    const double correction1 = 1.0 - std::pow(static_cast<double>(settings_.beta1), steps_);
    const double correction2 = 1.0 - std::pow(static_cast<double>(settings_.beta2), steps_);
    step_size_ = static_cast<float>(settings_.learning_rate / correction1);
    inverse_root_correction_ = static_cast<float>(1.0 / std::sqrt(correction2));
  }
}

void Optimizer::update(std::size_t parameter, std::size_t offset, std::span<float> values,
                       std::span<const float> gradient) {
  if (values.size() != gradient.size() || offset + values.size() > first_.at(parameter).size())
    throw std::invalid_argument("Optimizer::update: slice does not fit the parameter");
  auto value = view(values);
  const ConstFlatArray grad(gradient.data(), static_cast<Eigen::Index>(gradient.size()));
  auto first = view(first_[parameter], offset, values.size());
  if (settings_.kind == OptimizerKind::kSgdMomentum) {
    first = settings_.momentum * first + grad;
    value -= settings_.learning_rate * first;
    return;
  }
  auto second = view(second_[parameter], offset, values.size());
  first = settings_.beta1 * first + (1.0F - settings_.beta1) * grad;
  second = settings_.beta2 * second + (1.0F - settings_.beta2) * grad.square();
  value -= step_size_ * first / (second.sqrt() * inverse_root_correction_ + settings_.epsilon);
}

void Optimizer::clear_state(std::size_t parameter, std::size_t index) {
  first_.at(parameter).at(index) = 0.0F;
  if (!second_.empty()) second_[parameter].at(index) = 0.0F;
}

}  // namespace sprout::models
