#include "analysis/information.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <random>
#include <stdexcept>

#include "engine/random_stream.hpp"

namespace sprout::analysis {
namespace {

// Bootstrap replicates draw from their own stream per (seed, replicate).
constexpr std::uint64_t kBootstrapPurpose = purpose_value(StreamPurpose::kInformationBootstrap);

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Symbols renumbered 0..K-1 (ascending value), so that tallies are plain arrays.
struct DenseSymbols {
  std::vector<std::uint32_t> ids;
  std::size_t count = 0;
};

template <typename Symbol>
DenseSymbols dense_symbols(std::span<const Symbol> symbols) {
  std::vector<Symbol> values(symbols.begin(), symbols.end());
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  DenseSymbols dense;
  dense.count = values.size();
  dense.ids.reserve(symbols.size());
  for (const Symbol symbol : symbols) {
    dense.ids.push_back(static_cast<std::uint32_t>(
        std::lower_bound(values.begin(), values.end(), symbol) - values.begin()));
  }
  return dense;
}

// sum c log2 c over a histogram, and its occupied bins.
struct HistogramSums {
  double c_log2_c = 0;
  std::size_t occupied = 0;
};

HistogramSums histogram_sums(std::span<const std::size_t> counts) {
  HistogramSums sums;
  for (const std::size_t count : counts) {
    if (count == 0) continue;
    const auto c = static_cast<double>(count);
    sums.c_log2_c += c * std::log2(c);
    ++sums.occupied;
  }
  return sums;
}

double total_count(std::span<const std::size_t> counts) {
  double n = 0;
  for (const std::size_t count : counts)
    n += static_cast<double>(count);
  return n;
}

// H = log2 N - (1/N) sum c log2 c; Miller-Madow adds (m - 1) / (2 N ln 2).
double plugin_entropy(const HistogramSums& sums, double n) {
  return n > 0 ? std::log2(n) - sums.c_log2_c / n : 0.0;
}
double miller_madow_term(std::size_t occupied, double n) {
  return occupied > 0 ? static_cast<double>(occupied - 1) / (2.0 * n * std::numbers::ln2) : 0.0;
}

// X, Y and the joint (X, Y) as dense ids: everything the estimator needs.
struct CodedPairs {
  DenseSymbols x, y, xy;
};

CodedPairs code_pairs(std::span<const int> x, std::span<const int> y) {
  CodedPairs coded{dense_symbols(x), dense_symbols(y), {}};
  // Joint id = x id * |Y| + y id (64 bits: the product can exceed 32), then renumbered.
  std::vector<std::uint64_t> joint(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    joint[i] = static_cast<std::uint64_t>(coded.x.ids[i]) * coded.y.count + coded.y.ids[i];
  }
  coded.xy = dense_symbols(std::span<const std::uint64_t>(joint));
  return coded;
}

struct MiValue {
  double plugin = 0;
  double corrected = 0;
  std::size_t mx = 0, my = 0, mxy = 0;
};

// Tallies reused across bootstrap replicates.
struct Tallies {
  std::vector<std::size_t> x, y, xy;
  explicit Tallies(const CodedPairs& coded)
      : x(coded.x.count), y(coded.y.count), xy(coded.xy.count) {}
  void clear() {
    std::fill(x.begin(), x.end(), 0);
    std::fill(y.begin(), y.end(), 0);
    std::fill(xy.begin(), xy.end(), 0);
  }
};

MiValue mi_from_tallies(const Tallies& tallies, double n) {
  const HistogramSums hx = histogram_sums(tallies.x);
  const HistogramSums hy = histogram_sums(tallies.y);
  const HistogramSums hxy = histogram_sums(tallies.xy);
  MiValue value;
  value.plugin = plugin_entropy(hx, n) + plugin_entropy(hy, n) - plugin_entropy(hxy, n);
  value.corrected = value.plugin + miller_madow_term(hx.occupied, n) +
                    miller_madow_term(hy.occupied, n) - miller_madow_term(hxy.occupied, n);
  value.mx = hx.occupied;
  value.my = hy.occupied;
  value.mxy = hxy.occupied;
  return value;
}

double quantile_of_sorted(const std::vector<double>& sorted, double probability) {
  // Linear interpolation between order statistics (Hyndman-Fan type 7).
  const double position = probability * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

InformationEstimate estimate_information(const CodedPairs& coded, std::size_t n,
                                         const BootstrapOptions& bootstrap) {
  const auto n_real = static_cast<double>(n);
  Tallies tallies(coded);
  for (std::size_t i = 0; i < n; ++i) {
    ++tallies.x[coded.x.ids[i]];
    ++tallies.y[coded.y.ids[i]];
    ++tallies.xy[coded.xy.ids[i]];
  }
  const MiValue value = mi_from_tallies(tallies, n_real);

  InformationEstimate estimate;
  estimate.plugin_bits = value.plugin;
  estimate.bits = value.corrected;
  estimate.samples = n;
  estimate.x_symbols = value.mx;
  estimate.y_symbols = value.my;
  estimate.joint_symbols = value.mxy;
  estimate.undersampled = value.mxy * 10 > n;
  estimate.confidence = bootstrap.confidence;
  estimate.ci_low_bits = estimate.ci_high_bits = estimate.bootstrap_standard_error_bits = kNaN;
  if (bootstrap.replicates == 0) return estimate;
  if (!(bootstrap.confidence > 0.0 && bootstrap.confidence < 1.0)) {
    throw std::invalid_argument("bootstrap confidence must lie in (0, 1)");
  }

  // Each replicate draws from its own stream (seed, replicate), so the result does not
  // depend on the number of threads.
  std::vector<double> replicates(bootstrap.replicates);
  const auto replicate_count = static_cast<std::ptrdiff_t>(bootstrap.replicates);
#pragma omp parallel
  {
    Tallies local(coded);
#pragma omp for schedule(static)
    for (std::ptrdiff_t r = 0; r < replicate_count; ++r) {
      RandomStream rng(bootstrap.seed, static_cast<std::uint64_t>(r), kBootstrapPurpose);
      local.clear();
      for (std::size_t draw = 0; draw < n; ++draw) {
        const auto i = static_cast<std::size_t>(rng.below(n));
        ++local.x[coded.x.ids[i]];
        ++local.y[coded.y.ids[i]];
        ++local.xy[coded.xy.ids[i]];
      }
      replicates[static_cast<std::size_t>(r)] = mi_from_tallies(local, n_real).corrected;
    }
  }
  const double mean = std::accumulate(replicates.begin(), replicates.end(), 0.0) /
                      static_cast<double>(replicates.size());
  double squares = 0;
  for (const double v : replicates)
    squares += (v - mean) * (v - mean);
  estimate.bootstrap_standard_error_bits =
      replicates.size() > 1 ? std::sqrt(squares / static_cast<double>(replicates.size() - 1)) : 0;
  std::sort(replicates.begin(), replicates.end());
  const double tail = (1.0 - bootstrap.confidence) / 2.0;
  estimate.ci_low_bits = quantile_of_sorted(replicates, tail);
  estimate.ci_high_bits = quantile_of_sorted(replicates, 1.0 - tail);
  return estimate;
}

void check_sizes(std::size_t x, std::size_t y) {
  if (x == 0) throw std::invalid_argument("information estimate needs at least one sample");
  if (x != y) {
    throw std::invalid_argument("mutual information: the two sequences differ in length (" +
                                std::to_string(x) + " vs " + std::to_string(y) + ")");
  }
}

// All features discretised, row-major (16-bit symbols: bins <= 65536).
std::vector<std::uint16_t> discretise_all(const SampleMatrix& codes, std::size_t bins,
                                          Binning binning) {
  std::vector<std::uint16_t> symbols(codes.samples * codes.features);
  for (std::size_t f = 0; f < codes.features; ++f) {
    const std::vector<int> column = discretise_feature(codes, f, bins, binning);
    for (std::size_t i = 0; i < codes.samples; ++i) {
      symbols[i * codes.features + f] = static_cast<std::uint16_t>(column[i]);
    }
  }
  return symbols;
}

std::vector<int> rows_to_symbols(const std::vector<std::uint16_t>& symbols, std::size_t samples,
                                 std::size_t features) {
  const auto row = [&](std::size_t i) {
    return std::span(symbols).subspan(i * features, features);
  };
  std::vector<std::size_t> order(samples);
  std::iota(order.begin(), order.end(), 0);
  const auto less = [&](std::size_t a, std::size_t b) {
    const auto ra = row(a), rb = row(b);
    return std::lexicographical_compare(ra.begin(), ra.end(), rb.begin(), rb.end());
  };
  std::stable_sort(order.begin(), order.end(), less);
  std::vector<int> ids(samples);
  int next = -1;
  for (std::size_t k = 0; k < samples; ++k) {
    if (k == 0 || less(order[k - 1], order[k])) ++next;
    ids[order[k]] = next;
  }
  return ids;
}

}  // namespace

double plugin_entropy_bits(std::span<const std::size_t> counts) {
  return plugin_entropy(histogram_sums(counts), total_count(counts));
}

double miller_madow_entropy_bits(std::span<const std::size_t> counts) {
  const HistogramSums sums = histogram_sums(counts);
  const double n = total_count(counts);
  return plugin_entropy(sums, n) + miller_madow_term(sums.occupied, n);
}

InformationEstimate entropy(std::span<const int> x, const BootstrapOptions& bootstrap) {
  check_sizes(x.size(), x.size());
  // H(X) = I(X;X): the same estimator and bootstrap, with matching corrections.
  CodedPairs coded{dense_symbols(x), {}, {}};
  coded.y = coded.x;
  coded.xy = coded.x;
  InformationEstimate estimate = estimate_information(coded, x.size(), bootstrap);
  estimate.y_symbols = 0;
  return estimate;
}

InformationEstimate mutual_information(std::span<const int> x, std::span<const int> y,
                                       const BootstrapOptions& bootstrap) {
  check_sizes(x.size(), y.size());
  return estimate_information(code_pairs(x, y), x.size(), bootstrap);
}

std::vector<int> to_symbols(std::span<const std::uint8_t> values) {
  return {values.begin(), values.end()};
}

std::vector<int> discretise_feature(const SampleMatrix& codes, std::size_t feature,
                                    std::size_t bins, Binning binning) {
  if (bins == 0 || bins > 65536) throw std::invalid_argument("bins must lie in 1..65536");
  if (feature >= codes.features) throw std::invalid_argument("feature index out of range");
  std::vector<double> column(codes.samples);
  for (std::size_t i = 0; i < codes.samples; ++i) {
    column[i] = codes.at(i, feature);
    if (std::isnan(column[i])) throw std::invalid_argument("cannot discretise NaN values");
  }
  const int top = static_cast<int>(bins) - 1;
  std::vector<int> symbols(codes.samples, 0);
  if (column.empty()) return symbols;
  switch (binning) {
    case Binning::kEqualWidth: {
      const auto [low, high] = std::minmax_element(column.begin(), column.end());
      const double width = *high - *low;
      if (width <= 0) return symbols;  // a constant feature carries no information
      for (std::size_t i = 0; i < column.size(); ++i) {
        const double position = (column[i] - *low) / width * static_cast<double>(bins);
        symbols[i] = std::min(top, static_cast<int>(position));
      }
      break;
    }
    case Binning::kEqualFrequency: {
      std::vector<double> sorted = column;
      std::sort(sorted.begin(), sorted.end());
      std::vector<double> edges;
      for (std::size_t k = 1; k < bins; ++k)
        edges.push_back(sorted[k * sorted.size() / bins]);
      for (std::size_t i = 0; i < column.size(); ++i) {
        symbols[i] = static_cast<int>(std::upper_bound(edges.begin(), edges.end(), column[i]) -
                                      edges.begin());
      }
      break;
    }
    case Binning::kRoundedCapped:
      for (std::size_t i = 0; i < column.size(); ++i) {
        symbols[i] = static_cast<int>(std::clamp(std::round(column[i]), 0.0, double(top)));
      }
      break;
  }
  return symbols;
}

std::vector<int> joint_code_symbols(const SampleMatrix& codes, std::size_t bins, Binning binning) {
  return rows_to_symbols(discretise_all(codes, bins, binning), codes.samples, codes.features);
}

std::vector<int> winner_symbols(const SampleMatrix& codes) {
  std::vector<int> winners(codes.samples);
  for (std::size_t i = 0; i < codes.samples; ++i) {
    const auto row = codes.row(i);
    const auto high = std::max_element(row.begin(), row.end());  // first maximum
    const auto low = std::min_element(row.begin(), row.end());
    // A constant row (e.g. no spike at all) has no winner: symbol -1.
    winners[i] = *low == *high ? -1 : static_cast<int>(high - row.begin());
  }
  return winners;
}

HiddenCodeInformation hidden_code_information(const SampleMatrix& codes,
                                              std::span<const int> labels,
                                              const HiddenCodeOptions& options) {
  check_sizes(codes.samples, labels.size());
  const std::vector<std::uint16_t> symbols = discretise_all(codes, options.bins, options.binning);
  HiddenCodeInformation result;
  const BootstrapOptions no_bootstrap{.replicates = 0};
  std::vector<int> column(codes.samples);
  for (std::size_t f = 0; f < codes.features; ++f) {
    for (std::size_t i = 0; i < codes.samples; ++i)
      column[i] = symbols[i * codes.features + f];
    result.per_unit_bits.push_back(mutual_information(column, labels, no_bootstrap).bits);
  }
  if (!result.per_unit_bits.empty()) {
    result.mean_unit_bits =
        std::accumulate(result.per_unit_bits.begin(), result.per_unit_bits.end(), 0.0) /
        static_cast<double>(result.per_unit_bits.size());
    result.max_unit_bits =
        *std::max_element(result.per_unit_bits.begin(), result.per_unit_bits.end());
  }
  result.joint = mutual_information(rows_to_symbols(symbols, codes.samples, codes.features), labels,
                                    options.bootstrap);
  result.winner = mutual_information(winner_symbols(codes), labels, options.bootstrap);
  result.bins = options.bins;
  result.binning = binning_name(options.binning);
  result.samples = codes.samples;
  result.units = codes.features;
  return result;
}

std::string_view binning_name(Binning binning) {
  switch (binning) {
    case Binning::kEqualWidth:
      return "equal_width";
    case Binning::kEqualFrequency:
      return "equal_frequency";
    case Binning::kRoundedCapped:
      return "rounded_capped";
  }
  return "unknown";
}

std::string unsupported_reason(const InformationEstimate& estimate) {
  if (estimate.undersampled) {
    return fmt::format("undersampled: {} occupied cells for {} samples", estimate.joint_symbols,
                       estimate.samples);
  }
  const bool has_interval =
      std::isfinite(estimate.ci_low_bits) && std::isfinite(estimate.ci_high_bits);
  if (has_interval &&
      (estimate.bits < estimate.ci_low_bits || estimate.bits > estimate.ci_high_bits)) {
    return fmt::format(
        "biased: the estimate {:.3f} lies outside its bootstrap interval "
        "[{:.3f}, {:.3f}]",
        estimate.bits, estimate.ci_low_bits, estimate.ci_high_bits);
  }
  return {};
}

}  // namespace sprout::analysis
