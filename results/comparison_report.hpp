#pragma once
// The comparison report (`sprout compare`, DIR/report.json, schema "sprout.compare/1";
// every key in docs/formats.md): the structural rule against BP, every metric of
// docs/metrics.md side by side. DIR/report.html is rendered from it alone.
// Values that do not exist (an interval without bootstrap, an equal-accuracy ratio no BP
// network reaches) are NaN here and null in the file.

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "results/measures.hpp"
#include "results/metric_values.hpp"
#include "results/schema.hpp"

namespace sprout::results {

struct HeadlineRow {
  std::string name;
  double test_accuracy = 0;
  std::size_t nonzero_synapses = 0;
  double bits_per_synapse = 0;  // C_S
  double operations_per_image = 0;
  std::string operation;  // "accumulate" or "multiply-accumulate"
  double energy_pj = 0;
  double energy_at_mac_cost_pj = 0;
  // The fixed inhibitory connections (lateral or through interneurons), not in
  // nonzero_synapses, and their share of operations_per_image (0 for BP).
  std::size_t fixed_inhibitory_synapses = 0;
  double inhibitory_operations_fraction = 0;
};

struct RunInformation {
  InformationEstimate train_prediction_label;
  double train_label_entropy_bits = 0;
  InformationEstimate test_prediction_label;
  double test_label_entropy_bits = 0;
  HiddenCodeInformation hidden_code_label;  // the input's, without per_unit_bits
};

// The operation count a run's headline prices.
struct HeadlineEnergy {
  std::string counted;  // "SynOps", "MACs of the non-zero weights"
  std::string operation;
  double operations_per_image = 0;
  double native_pj = 0;
  double at_mac_cost_pj = 0;
};

struct RunComparison {
  std::string name;                    // "structural", "bp dense", "bp budget (2)", ...
  std::string kind;                    // "structural" or "bp"
  std::optional<std::string> variant;  // bp only
  std::string file;
  std::string git_revision;
  nlohmann::json config;  // the input's effective config
  double test_accuracy = 0;
  LayerCounts nonzero_synapses;
  RunInformation information;
  SynapticCapacity synaptic_capacity;             // on the training set
  SynapticCapacity test_information_per_synapse;  // the same on the test set
  NetworkStorageCost storage_cost;
  ConfusionMatrix test_confusion;  // rows = label, columns = prediction
  double task_bits_per_storage_bit = 0;
  // structural: "synops"; bp: "dense_macs" and "sparse_macs".
  std::map<std::string, EnergyReport> operations;
  HeadlineEnergy energy;
};

// One epoch of the structural run.
struct TrainingPoint {
  std::size_t epoch = 0;
  double test_accuracy = 0;
  std::size_t realised = 0;
  std::size_t silent = 0;
  std::size_t consolidated = 0;
};

// The structure during the structural run's feature-learning epochs (about every 1% of
// an epoch's images): grown and eliminated count from the epoch's start.
struct StructurePoint {
  std::size_t epoch = 0;
  std::size_t images = 0;  // of the epoch, seen so far
  std::size_t realised = 0;
  std::size_t consolidated = 0;
  std::size_t grown = 0;
  std::size_t eliminated = 0;
};

// Pictures of the structural run the page shows (paths, or absent if its results list none).
struct StructuralFiles {
  std::optional<std::string> receptive_fields_svg;
  std::optional<std::string> raster_test_image_0;
  double raster_t_end_ms = 0;
};

struct SweepRow {
  std::size_t hidden = 0;
  double density = 0;
  double nonzero_synapses = 0;
  double test_accuracy = 0;
};

struct SweepHiddenSize {
  std::size_t hidden = 0;
  OverparameterisationFactor overparameterisation;
  EqualAccuracyRatio equal_accuracy;
};

struct SweepComparison {
  std::string file;
  std::string git_revision;
  nlohmann::json config;
  std::vector<SweepRow> points;
  double tolerance_points = 0;
  std::vector<SweepHiddenSize> per_hidden;
  double max_overparameterisation_factor = 0;
  EqualAccuracyRatio equal_accuracy_any_hidden;  // all points as one curve
};

// Several structural runs (`--structural` given more than once: seeds, sizes), each as a
// point and grouped by hidden size with their spread.
struct StructuralRunPoint {
  std::string file;
  std::size_t hidden = 0;
  std::uint64_t seed = 0;
  double test_accuracy = 0;
  std::size_t nonzero_synapses = 0;
  double energy_pj = 0;  // per test image, SynOps at the accumulate cost
};

struct Spread {
  double mean = 0;
  double sd = 0;  // sample standard deviation (0 for one run)
  double min = 0;
  double max = 0;
};

struct StructuralRunGroup {
  std::size_t hidden = 0;
  std::size_t runs = 0;
  Spread test_accuracy;
  Spread nonzero_synapses;
  Spread energy_pj;
};

struct StructuralRuns {
  std::vector<StructuralRunPoint> points;  // in the order given
  std::vector<StructuralRunGroup> groups;  // by ascending hidden size
};

struct ComparisonReport {
  Provenance provenance;     // config: inputs, energy costs, tolerance, bootstrap
  std::string command_line;  // every option spelt out
  std::vector<HeadlineRow> headline;
  std::vector<RunComparison> runs;  // structural first
  std::vector<TrainingPoint> structural_training;
  std::vector<StructurePoint> structural_timeline;  // empty if the run recorded none
  StructuralFiles structural_files;
  std::optional<SweepComparison> sweep;
  // The paper's Table 2 as `sprout paper-table` measured it, when given: {file,
  // git_revision, rows, orderings, paper_rows, source} (analysis/paper_table.hpp).
  std::optional<nlohmann::json> paper_table;
  // The structural rule's accuracy-synapse front (scripts/structural_front's front.json),
  // when given: {file, points: [{hidden, presynaptic_budget, nonzero_synapses,
  // test_accuracy, energy_nj_per_test_image}]}.
  std::optional<nlohmann::json> structural_front;
  std::optional<StructuralRuns> structural_runs;  // with more than one structural run

  [[nodiscard]] nlohmann::json to_json() const;
  // Throws one line "<source>: <key>: <problem>" (results/schema.hpp).
  [[nodiscard]] static ComparisonReport from_json(const nlohmann::json& document,
                                                  std::string source);
};

}  // namespace sprout::results
