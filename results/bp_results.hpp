#pragma once
// The results of one BP reference run (`sprout bp`, DIR/results.json, schema
// "sprout.bp/1"; every key in docs/formats.md). Accuracies are fractions in [0, 1].

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "results/measures.hpp"
#include "results/schema.hpp"

namespace sprout::results {

// Multiply-accumulates per image: one per synapse, biases and ReLUs not counted.
struct MacsPerImage {
  std::size_t dense = 0;   // every weight of the dense matrices
  std::size_t sparse = 0;  // the non-zero weights
};

// The features' standardisation, folded into the weights file.
struct InputScaling {
  double offset = 0;
  double scale = 1;
};

struct BpEpoch {
  std::size_t epoch = 0;  // 1-based, over every epoch of the run
  std::string phase;      // "train", or "retrain 2/4" after pruning round 2 of 4
  double train_loss = 0;
  double train_accuracy = 0;
  double test_loss = 0;
  double test_accuracy = 0;
  double wall_s = 0;  // the training pass only
  LayerCounts nonzero_synapses;
};

struct PruningRound {
  std::size_t round = 0;  // 1-based
  std::size_t kept_synapses = 0;
  double test_accuracy_after_pruning = 0;
};

struct Pruning {
  std::string layers;  // "input_hidden" or "all"
  std::size_t target_synapses = 0;
  std::vector<PruningRound> rounds;
};

struct Budget {
  std::size_t synapses = 0;
  std::string source;  // a config file, "--budget" or the structural results file
};

struct BpResults {
  Provenance provenance;  // config: the complete effective config
  std::string variant;    // "dense", "l1", "pruned" or "budget"
  std::string inputs;     // "pixels"
  InputScaling input_scaling;
  std::vector<std::size_t> layer_sizes;
  std::size_t train_samples = 0;
  std::size_t test_samples = 0;
  double test_accuracy = 0;
  double test_loss = 0;
  double train_accuracy = 0;
  double train_loss = 0;
  LayerCounts nonzero_synapses;
  LayerCounts dense_synapses;
  MacsPerImage macs_per_image;
  std::vector<double> epoch_wall_s;  // one per epoch
  double mean_epoch_wall_s = 0;
  double total_wall_s = 0;
  int threads = 1;
  std::vector<BpEpoch> epochs;
  std::optional<Pruning> pruning;  // the pruned and budget variants
  std::optional<Budget> budget;    // the budget variant
  std::string weights_file;        // beside results.json
  Measures measures;

  [[nodiscard]] nlohmann::json to_json() const;
  // Throws one line "<source>: <key>: <problem>" (results/schema.hpp).
  [[nodiscard]] static BpResults from_json(const nlohmann::json& document, std::string source);
};

void to_json(nlohmann::json& out, const MacsPerImage& macs);
void read(const io::ResultReader& in, MacsPerImage& out);

}  // namespace sprout::results
