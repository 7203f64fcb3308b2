#pragma once
// Synaptic operations and their energy per test image (docs/metrics.md, "Operations and
// energy"). A spiking network performs one accumulate (AC) per synaptic event (SynOp); a
// BP network one multiply-accumulate (MAC) per weight and input. Each report prices the
// operations at their own cost ("native") and, for an honest comparison, also at MAC cost.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "results/metric_values.hpp"

namespace sprout::analysis {

// The values are results data (results/metric_values.hpp); these functions compute them.
using results::EnergyCosts;
using results::EnergyReport;
using results::LayerEnergy;
using results::operation_name;
using results::OperationKind;

struct LayerOps {
  std::string name{};
  double operations_per_image = 0;  // SynOps (spiking) or MACs (BP)
};

struct NetworkOps {
  std::string network{};  // e.g. "structural", "bp dense", "bp sparse"
  OperationKind kind = OperationKind::kAccumulate;
  std::vector<LayerOps> layers{};
};

// Throws std::invalid_argument for a negative count or cost.
[[nodiscard]] EnergyReport energy_report(const NetworkOps& ops, const EnergyCosts& costs = {});

// MACs of one fully connected layer per image, counted three ways.
struct MacCounts {
  double dense = 0;            // inputs * outputs: what a dense matrix product performs
  double nonzero_weights = 0;  // skips pruned (zero) weights
  double active = 0;  // also skips zero inputs (ReLU zeros, blank pixels), mean over images
};

// `weights`: outputs x inputs, row-major. `input_batch`: images x inputs, row-major, the
// layer's inputs on the test images. Bias additions are not counted.
[[nodiscard]] MacCounts count_layer_macs(std::span<const float> weights, std::size_t inputs,
                                         std::span<const float> input_batch);

}  // namespace sprout::analysis
