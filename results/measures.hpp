#pragma once
// What `sprout train` and `sprout bp` record of their final network for `sprout compare`
// (docs/formats.md, "Measures"): synapse counts per layer, confusion matrices (for
// I(prediction; label) and C_S), the storage cost of each layer's synapses and
// I(hidden code; label). Raw per-image data stays out of results files; these summaries
// are small and enough for every metric of the comparison.

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "io/result_reader.hpp"
#include "results/metric_values.hpp"

namespace sprout::results {

// Synapses per layer: {"<layer>": count, ..., "total": sum of the layers}.
struct LayerCounts {
  std::map<std::string, std::size_t> layers;  // "input_hidden", "hidden_output", "layer_2"...
  std::size_t total = 0;
  // The structural network's hidden->hidden inhibition: not learnt, not in `total`.
  std::optional<std::size_t> fixed_lateral_inhibition;
  // Hidden -> interneuron pool -> hidden: fixed, not in `total`.
  std::optional<std::size_t> fixed_interneuron_synapses;
};

// classes x classes counts, rows = label, columns = prediction.
using ConfusionMatrix = std::vector<std::vector<std::size_t>>;

// The storage cost of every layer, each quantised on its own, and the totals.
struct NetworkStorageCost {
  std::size_t weight_levels = 0;
  std::map<std::string, StorageCost> layers;
  std::size_t realised_synapses = 0;
  double total_bits = 0;
  double bits_per_synapse = 0;  // total_bits / realised_synapses (0 without synapses)
};

struct Measures {
  ConfusionMatrix train_confusion;  // on the training images it learnt from
  ConfusionMatrix test_confusion;
  // The training images train_confusion counts (set by `sprout train`, which may measure
  // the first N only; `sprout bp` counts its whole training set).
  std::optional<std::size_t> train_images;
  NetworkStorageCost storage_cost;
  HiddenCodeInformation hidden_code_information;  // on the test images
};

void to_json(nlohmann::json& out, const LayerCounts& counts);
void to_json(nlohmann::json& out, const NetworkStorageCost& cost);
void to_json(nlohmann::json& out, const Measures& measures);

void read(const io::ResultReader& in, LayerCounts& out);
void read(const io::ResultReader& in, NetworkStorageCost& out);
void read(const io::ResultReader& in, Measures& out);
// A square matrix of counts: "<key>: expected a square matrix of counts" otherwise.
void read(const io::ResultReader& in, ConfusionMatrix& out);

}  // namespace sprout::results
