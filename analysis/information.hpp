#pragma once
// Entropy and mutual information of discrete codes (docs/metrics.md, "Discrete codes").
//
// Estimator: plug-in (maximum-likelihood) entropies with the Miller-Madow bias correction
// (m - 1) / (2 N ln 2) bits, m = occupied bins; I(X;Y) = H(X) + H(Y) - H(X,Y) with each
// entropy corrected. Uncertainty: percentile bootstrap over samples (pairs resampled
// together), each replicate corrected the same way. All values in bits.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/sample_matrix.hpp"
#include "results/metric_values.hpp"

namespace sprout::analysis {

// The values are results data (results/metric_values.hpp); these functions compute them.
using results::HiddenCodeInformation;
using results::InformationEstimate;

// Entropy of a histogram: plug-in and Miller-Madow corrected.
[[nodiscard]] double plugin_entropy_bits(std::span<const std::size_t> counts);
[[nodiscard]] double miller_madow_entropy_bits(std::span<const std::size_t> counts);

struct BootstrapOptions {
  std::size_t replicates = 200;  // 0: no confidence interval (fields are NaN)
  double confidence = 0.95;
  std::uint64_t seed = 1;
};

// H(X) of a sequence of symbols (any int values; only equality matters).
[[nodiscard]] InformationEstimate entropy(std::span<const int> x,
                                          const BootstrapOptions& bootstrap = {});

// I(X;Y) of paired symbol sequences, e.g. I(prediction; label). Throws
// std::invalid_argument when the lengths differ or are zero.
[[nodiscard]] InformationEstimate mutual_information(std::span<const int> x, std::span<const int> y,
                                                     const BootstrapOptions& bootstrap = {});

// Why `estimate.bits` should not be reported, or empty when it may be: the sample is too
// small for its symbols (undersampled), or the estimate lies outside its own bootstrap
// interval, so the replicates sit mostly on one side of it and the first-order bias
// correction does not hold at this sample size. An estimate without an interval (no
// bootstrap asked for) can only be checked for undersampling.
[[nodiscard]] std::string unsupported_reason(const InformationEstimate& estimate);

// Labels and predictions usually come as bytes.
[[nodiscard]] std::vector<int> to_symbols(std::span<const std::uint8_t> values);

// --- Hidden codes ---------------------------------------------------------------------

enum class Binning {
  kEqualWidth,      // `bins` equal intervals over the feature's [min, max]
  kEqualFrequency,  // edges at the feature's quantiles (ties can merge bins)
  kRoundedCapped,   // round(v) clamped to [0, bins - 1]: spike counts as they are
};

// Discretises one feature (column) of `codes` into symbols 0..bins-1.
[[nodiscard]] std::vector<int> discretise_feature(const SampleMatrix& codes, std::size_t feature,
                                                  std::size_t bins, Binning binning);

// One symbol per sample for the whole discretised code vector (equal rows, equal symbol).
[[nodiscard]] std::vector<int> joint_code_symbols(const SampleMatrix& codes, std::size_t bins,
                                                  Binning binning);

// Index of the most active feature of each sample (lowest index on ties): the winner of a
// competitive layer, a 1-of-n discrete code that stays well sampled.
[[nodiscard]] std::vector<int> winner_symbols(const SampleMatrix& codes);

// "equal_width", "equal_frequency" or "rounded_capped", as results files name it.
[[nodiscard]] std::string_view binning_name(Binning binning);

struct HiddenCodeOptions {
  std::size_t bins = 4;
  Binning binning = Binning::kEqualWidth;
  BootstrapOptions bootstrap{};
};

// I(hidden code; label) for discretised spike counts (kRoundedCapped) or BP activations
// (kEqualWidth / kEqualFrequency), per unit, for the joint code and for the winner, with
// the binning, the samples and the units it counted.
[[nodiscard]] HiddenCodeInformation hidden_code_information(const SampleMatrix& codes,
                                                            std::span<const int> labels,
                                                            const HiddenCodeOptions& options = {});

}  // namespace sprout::analysis
