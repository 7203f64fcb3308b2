#pragma once
// The values of the metrics (docs/metrics.md) as results files hold them: plain data with
// their JSON layout (to_json) and reader (read). analysis/ computes them; results files,
// the comparison report and its page carry them.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/result_reader.hpp"

namespace sprout::results {

// An entropy or a mutual information in bits, with its bootstrap interval.
struct InformationEstimate {
  double plugin_bits = 0;
  double bits = 0;         // Miller-Madow corrected: the value to report
  double ci_low_bits = 0;  // percentile bootstrap interval of `bits` (NaN: no bootstrap)
  double ci_high_bits = 0;
  double bootstrap_standard_error_bits = 0;
  double confidence = 0;
  std::size_t samples = 0;
  std::size_t x_symbols = 0;      // occupied symbols of X
  std::size_t y_symbols = 0;      // occupied symbols of Y (0 for an entropy)
  std::size_t joint_symbols = 0;  // occupied (x, y) cells (X's symbols for an entropy)
  // Plug-in with Miller-Madow is trustworthy only when the occupied cells are few
  // compared with the samples; true when joint_symbols > samples / 10.
  bool undersampled = false;
};

// I(hidden code; label): per unit, of the whole discretised code and of the winner.
struct HiddenCodeInformation {
  std::vector<double> per_unit_bits{};  // corrected I(unit j; label), no interval; may be
                                        // left out (empty) where only the summary is kept
  double mean_unit_bits = 0;
  double max_unit_bits = 0;
  InformationEstimate joint{};   // I(whole discretised code; label); see `undersampled`
  InformationEstimate winner{};  // I(most active unit; label)
  std::size_t bins = 0;
  std::string binning;  // "equal_width", "equal_frequency" or "rounded_capped"
  std::size_t samples = 0;
  std::size_t units = 0;
};

// Synaptic capacity C_S (docs/metrics.md, "Synaptic capacity").
struct SynapticCapacity {
  double information_bits_per_sample = 0;  // I(prediction; label), clamped to [0, H(label)]
  double label_entropy_bits = 0;
  std::size_t training_samples = 0;
  double stored_bits = 0;  // information_bits_per_sample * training_samples
  std::size_t nonzero_synapses = 0;
  double bits_per_synapse = 0;  // C_S = stored_bits / nonzero_synapses
};

// The storage cost of one layer's synapses.
struct StorageCost {
  std::size_t potential_synapses = 0;
  std::size_t realised_synapses = 0;
  std::size_t weight_levels = 0;
  double weight_entropy_bits_per_synapse = 0;  // entropy of the quantised weights
  double structure_bits = 0;                   // log2 C(potential, realised)
  double structure_bits_per_synapse = 0;
  double bits_per_synapse = 0;  // weight entropy + structure bits per realised synapse
  double total_bits = 0;
};

// Horowitz 2014 (ISSCC), 45 nm, fp32.
struct EnergyCosts {
  double accumulate_pj = 0.9;
  double multiply_accumulate_pj = 4.6;
};

enum class OperationKind { kAccumulate, kMultiplyAccumulate };

// "accumulate" or "multiply-accumulate".
[[nodiscard]] const char* operation_name(OperationKind kind);

struct LayerEnergy {
  std::string name{};
  double operations_per_image = 0;
  double native_pj = 0;       // at the network's own operation cost
  double at_mac_cost_pj = 0;  // every operation priced as a MAC
};

struct EnergyReport {
  std::string network{};
  OperationKind kind = OperationKind::kAccumulate;
  EnergyCosts costs{};
  std::vector<LayerEnergy> layers{};
  double operations_per_image = 0;
  double native_pj = 0;
  double at_mac_cost_pj = 0;
};

// One network of a pruning sweep.
struct SweepPoint {
  double synapses = 0;          // non-zero synapses, > 0
  double accuracy_percent = 0;  // test accuracy in percent
};

struct OverparameterisationFactor {
  SweepPoint dense{};     // the point with the most synapses
  SweepPoint smallest{};  // fewest synapses with accuracy >= dense accuracy - tolerance
  double tolerance_points = 0;
  double factor = 0;  // dense.synapses / smallest.synapses
};

enum class RatioStatus {
  kInterpolated,  // BP's curve crosses the target accuracy: ratio as computed
  kUpperBound,    // BP's smallest net already reaches the target: the true ratio is <= this
  kNotReached,    // no BP net reaches the target: no ratio (NaN)
};

struct EqualAccuracyRatio {
  double target_accuracy_percent = 0;
  double bp_synapses = 0;  // interpolated linearly in log(synapses) between sweep points
  double structural_synapses = 0;
  double ratio = 0;  // bp_synapses / structural_synapses
  RatioStatus status = RatioStatus::kInterpolated;
};

void to_json(nlohmann::json& out, const InformationEstimate& estimate);
void to_json(nlohmann::json& out, const HiddenCodeInformation& information);
void to_json(nlohmann::json& out, const SynapticCapacity& capacity);
void to_json(nlohmann::json& out, const StorageCost& cost);
void to_json(nlohmann::json& out, const EnergyCosts& costs);
void to_json(nlohmann::json& out, const EnergyReport& report);
void to_json(nlohmann::json& out, const OverparameterisationFactor& factor);
void to_json(nlohmann::json& out, const EqualAccuracyRatio& ratio);

// Each reads what to_json wrote; errors name the source and the key (io/result_reader.hpp).
void read(const io::ResultReader& in, InformationEstimate& out);
void read(const io::ResultReader& in, HiddenCodeInformation& out);
void read(const io::ResultReader& in, SynapticCapacity& out);
void read(const io::ResultReader& in, StorageCost& out);
void read(const io::ResultReader& in, EnergyCosts& out);
void read(const io::ResultReader& in, EnergyReport& out);
void read(const io::ResultReader& in, OverparameterisationFactor& out);
void read(const io::ResultReader& in, EqualAccuracyRatio& out);

// The value of type T at `key` of `in`, read by the overload of read() above.
template <class T>
[[nodiscard]] T read_as(const io::ResultReader& in, std::string_view key) {
  T value{};
  read(in.at(key), value);
  return value;
}

}  // namespace sprout::results
