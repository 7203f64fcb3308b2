#pragma once
// Configuration of the BP reference (`sprout bp`, `sprout bp sweep`), read from JSON with
// strict validation: an unknown key, a value of the wrong type or out of range ends with
// one error line "<file>: <key>: <problem>". Every key is optional; defaults are the
// default run (784-100-10, Adam 1e-3, batch 64, 5 epochs, dense, all ten digits). docs/bp.md lists
// them.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "io/data_settings.hpp"
#include "models/bp/optimizers.hpp"

namespace sprout::models {

// What the network sees. Extension point: "input_spike_counts" and "hidden_spike_counts"
// (spike counts from the spiking engine) are to be added here and in bp_data.cpp.
enum class BpInputs { kPixels };

enum class BpVariant { kDense, kL1, kPruned, kBudget, kNonnegative };

// Which weight layers a regulariser or a pruning acts on.
enum class LayerSelection { kInputHidden, kAll };

struct L1Settings {
  // λ of the penalty λ·Σ|w| added to the mean loss, applied after each optimizer step as a
  // proximal step w ← sign(w)·max(|w| − learning_rate·λ, 0); a weight that reaches zero is
  // pruned for good.
  float strength = 0.01F;
  LayerSelection layers = LayerSelection::kAll;
};

// Non-negative sparse BP (after Chorowski & Zurada 2015; docs/bp.md): after each optimizer
// step the selected layers' weights take the proximal step of λ·Σw restricted to w >= 0,
//   w <- max(w - learning_rate·λ, 0),
// i.e. a projection onto w >= 0 fused with the L1 shrinkage. A weight at exactly zero is
// silent; unlike the l1 variant it may grow again when its gradient pushes it up.
struct NonnegativeSettings {
  float strength = 0.01F;
  LayerSelection layers = LayerSelection::kInputHidden;
};

struct PruningSettings {
  LayerSelection layers = LayerSelection::kAll;
  double target_density = 0.1;      // fraction of the selected layers' synapses kept
  std::size_t target_synapses = 0;  // if > 0: exact count kept (overrides the density)
  std::size_t rounds = 4;           // densities fall geometrically from 1 to the target
  std::size_t retrain_epochs = 1;   // after each round
};

struct BudgetSettings {
  std::size_t synapses = 0;  // the structural rule's count (0: given on the command line)
  LayerSelection layers = LayerSelection::kInputHidden;
};

struct BpConfig {
  io::DataSettings data;  // the classes learnt; the output layer has one unit per class
  BpInputs inputs = BpInputs::kPixels;
  // Standardise the features with the training set's mean and standard deviation (as
  // torchvision's Normalize((0.1307,), (0.3081,)) for MNIST) before the network. An affine
  // map of the same information; the saved weights have it folded in (bp_data.hpp).
  bool standardise_inputs = true;
  std::size_t hidden = 100;
  OptimizerSettings optimizer;
  std::size_t batch_size = 64;
  std::size_t epochs = 5;
  std::uint64_t seed = 1;
  int threads = 2;
  std::size_t train_limit = 0;  // first N training images (0: all)
  std::size_t test_limit = 0;   // first N test images (0: all)
  BpVariant variant = BpVariant::kDense;
  L1Settings l1;
  NonnegativeSettings nonnegative;
  PruningSettings pruning;
  BudgetSettings budget;
};

// `sprout bp sweep`: accuracy against non-zero synapses over hidden sizes and densities.
struct BpSweepConfig {
  BpConfig training;  // variant is ignored; the sweep prunes; data is the top-level "data"
  std::vector<std::size_t> hidden_sizes{50, 100, 400, 1000};
  std::vector<double> densities{1.0, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01};  // strictly falling
  LayerSelection prune_layers = LayerSelection::kAll;
  std::size_t retrain_epochs = 2;
  double tolerance_points = 0.5;  // accuracy loss allowed for the over-parameterisation factor
};

[[nodiscard]] std::string_view to_string(BpInputs inputs);
[[nodiscard]] std::string_view to_string(BpVariant variant);
[[nodiscard]] std::string_view to_string(LayerSelection layers);
[[nodiscard]] std::string_view to_string(OptimizerKind kind);

// Parse `document` (read with analysis::read_json_file); `source` (the file name) starts
// every error message.
[[nodiscard]] BpConfig parse_bp_config(const nlohmann::json& document, std::string_view source);
[[nodiscard]] BpSweepConfig parse_bp_sweep_config(const nlohmann::json& document,
                                                  std::string_view source);

// The complete, effective config (defaults filled in), as written into results.
[[nodiscard]] nlohmann::json to_json(const BpConfig& config);
[[nodiscard]] nlohmann::json to_json(const BpSweepConfig& config);

// Checks that hold across keys (e.g. the budget variant needs a synapse count); called
// after command-line overrides. Throws one line naming `source`.
void check_bp_config(const BpConfig& config, std::string_view source);

}  // namespace sprout::models
