#pragma once
// `sprout bp sweep`: accuracy against non-zero synapses. For each hidden size a dense
// network is trained, then pruned by magnitude level after level (each density prunes the
// network of the previous level, then retrains it), and every level is evaluated.

#include <cstddef>
#include <functional>
#include <vector>

#include "models/bp/bp_config.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/bp_training.hpp"

namespace sprout::models {

struct BpSweepPoint {
  std::size_t hidden = 0;
  double density = 1.0;  // the level's target fraction of the pruned layers' synapses
  std::vector<std::size_t> nonzero_synapses;  // per layer
  std::vector<std::size_t> dense_synapses;    // per layer
  double test_accuracy = 0.0;
  double test_loss = 0.0;
  std::size_t epochs_trained = 0;  // by this network so far, retraining included
  double train_wall_s = 0.0;       // training time of this network so far

  [[nodiscard]] std::size_t nonzero_total() const;
  [[nodiscard]] std::size_t dense_total() const;
};

// The points of one hidden size: its dense network, then each pruning level. Hidden sizes
// are independent of each other (a distributed sweep runs them on different ranks).
[[nodiscard]] std::vector<BpSweepPoint> run_bp_sweep_for_hidden(
    const BpSweepConfig& config, const BpData& data, std::size_t hidden,
    const BpProgress& progress = {}, const std::function<void(const BpSweepPoint&)>& on_point = {});

// Runs the sweep; `on_point` (may be empty) sees each point as soon as it is measured.
[[nodiscard]] std::vector<BpSweepPoint> run_bp_sweep(
    const BpSweepConfig& config, const BpData& data, const BpProgress& progress = {},
    const std::function<void(const BpSweepPoint&)>& on_point = {});

}  // namespace sprout::models
