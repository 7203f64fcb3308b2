#include "analysis/paper_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace sprout::analysis {
namespace {

using M = PaperMethod;

// Test accuracy as a fraction (the paper prints percent), I(X;Z) in bits, C_S in bits per
// synapse, as printed.
constexpr PaperReferenceRow kTable2[] = {
    {10, M::kBp, 0.9901, 22.50, 2.87e-3},
    {10, M::kBpNonnegative, 0.9834, 16.10, 1.08e-2},
    {10, M::kStructural, 0.6429, 12.80, 1.63e-2},
    {30, M::kBp, 0.9917, 127.62, 5.43e-3},
    {30, M::kBpNonnegative, 0.9901, 72.99, 2.22e-2},
    {30, M::kStructural, 0.8621, 52.18, 6.66e-2},
    {100, M::kBp, 0.9923, 435.93, 5.56e-3},
    {100, M::kBpNonnegative, 0.9910, 217.43, 5.93e-2},
    {100, M::kStructural, 0.8979, 198.33, 2.53e-1},
    {200, M::kBp, 0.9917, 518.79, 3.31e-3},
    {200, M::kBpNonnegative, 0.9910, 402.91, 1.31e-1},
    {200, M::kStructural, 0.9555, 372.66, 4.75e-1},
};

std::size_t method_rank(PaperMethod method) {
  return static_cast<std::size_t>(
      std::find(std::begin(kPaperMethods), std::end(kPaperMethods), method) -
      std::begin(kPaperMethods));
}

}  // namespace

std::string_view method_key(PaperMethod method) {
  switch (method) {
    case M::kBp:
      return "bp";
    case M::kBpNonnegative:
      return "bp_nonnegative";
    case M::kStructural:
      return "structural";
  }
  return "";
}

std::string_view method_title(PaperMethod method) {
  switch (method) {
    case M::kBp:
      return "BP";
    case M::kBpNonnegative:
      return "non-negative sparse BP (Chorowski)";
    case M::kStructural:
      return "structural rule";
  }
  return "";
}

SeedSpread seed_spread(std::vector<double> values) {
  SeedSpread spread;
  spread.values = std::move(values);
  const auto n = static_cast<double>(spread.values.size());
  if (spread.values.empty()) return spread;
  spread.mean = std::accumulate(spread.values.begin(), spread.values.end(), 0.0) / n;
  if (spread.values.size() > 1) {
    double squares = 0;
    for (double value : spread.values)
      squares += (value - spread.mean) * (value - spread.mean);
    spread.sd = std::sqrt(squares / (n - 1));
  }
  return spread;
}

std::vector<PaperTableRow> assemble_paper_table(std::span<const PaperRunMeasures> runs) {
  // (hidden, method rank) -> seed -> run, so rows and seeds come out sorted.
  std::map<std::pair<std::size_t, std::size_t>, std::map<std::uint64_t, const PaperRunMeasures*>>
      groups;
  for (const PaperRunMeasures& run : runs) {
    auto& seeds = groups[{run.hidden, method_rank(run.method)}];
    if (!seeds.emplace(run.seed, &run).second) {
      throw std::invalid_argument(fmt::format("paper table: {} at hidden {} seed {} given twice",
                                              method_key(run.method), run.hidden, run.seed));
    }
  }
  std::vector<PaperTableRow> rows;
  for (const auto& [key, seeds] : groups) {
    PaperTableRow row;
    row.hidden = key.first;
    row.method = kPaperMethods[key.second];
    std::vector<double> accuracy, i_xz, synapses, c_s;
    for (const auto& [seed, run] : seeds) {
      row.seeds.push_back(seed);
      accuracy.push_back(run->test_accuracy);
      i_xz.push_back(run->i_xz_bits);
      synapses.push_back(static_cast<double>(run->nonsilent_input_synapses));
      c_s.push_back(run->c_s_paper);
    }
    row.test_accuracy = seed_spread(std::move(accuracy));
    row.i_xz_bits = seed_spread(std::move(i_xz));
    row.nonsilent_input_synapses = seed_spread(std::move(synapses));
    row.c_s_paper = seed_spread(std::move(c_s));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::size_t PaperReferenceRow::implied_synapses() const {
  return static_cast<std::size_t>(std::llround(i_xz_bits / c_s_paper));
}

std::span<const PaperReferenceRow> paper_table2() {
  return kTable2;
}

std::optional<PaperReferenceRow> paper_row(std::size_t hidden, PaperMethod method) {
  for (const PaperReferenceRow& row : kTable2)
    if (row.hidden == hidden && row.method == method) return row;
  return std::nullopt;
}

std::vector<CapacityOrdering> capacity_orderings(std::span<const PaperTableRow> rows) {
  std::vector<CapacityOrdering> orderings;
  std::vector<std::size_t> hidden_sizes;
  for (const PaperTableRow& row : rows)
    if (std::find(hidden_sizes.begin(), hidden_sizes.end(), row.hidden) == hidden_sizes.end())
      hidden_sizes.push_back(row.hidden);
  for (std::size_t hidden : hidden_sizes) {
    std::map<PaperMethod, double> c_s;
    for (const PaperTableRow& row : rows)
      if (row.hidden == hidden) c_s[row.method] = row.c_s_paper.mean;
    if (c_s.size() != std::size(kPaperMethods)) continue;
    orderings.push_back({hidden, c_s[M::kStructural] > c_s[M::kBpNonnegative],
                         c_s[M::kBpNonnegative] > c_s[M::kBp]});
  }
  return orderings;
}

void to_json(nlohmann::json& out, const SeedSpread& spread) {
  out = {{"values", spread.values}, {"mean", spread.mean}, {"sd", spread.sd}};
}

void to_json(nlohmann::json& out, const PaperTableRow& row) {
  out = {{"hidden", row.hidden},
         {"method", method_key(row.method)},
         {"test_accuracy", row.test_accuracy.mean},
         {"i_xz_bits", row.i_xz_bits.mean},
         {"nonsilent_input_synapses", row.nonsilent_input_synapses.mean},
         {"c_s_paper", row.c_s_paper.mean},
         {"seeds", row.seeds},
         {"spread",
          {{"test_accuracy", row.test_accuracy},
           {"i_xz_bits", row.i_xz_bits},
           {"nonsilent_input_synapses", row.nonsilent_input_synapses},
           {"c_s_paper", row.c_s_paper}}}};
}

void to_json(nlohmann::json& out, const PaperReferenceRow& row) {
  out = {{"hidden", row.hidden},
         {"method", method_key(row.method)},
         {"test_accuracy", row.test_accuracy},
         {"i_xz_bits", row.i_xz_bits},
         {"c_s_paper", row.c_s_paper},
         {"implied_nonsilent_input_synapses", row.implied_synapses()}};
}

void to_json(nlohmann::json& out, const CapacityOrdering& ordering) {
  out = {{"hidden", ordering.hidden},
         {"rule_above_nonnegative", ordering.rule_above_nonnegative},
         {"nonnegative_above_bp", ordering.nonnegative_above_bp},
         {"holds", ordering.holds()}};
}

nlohmann::json paper_table_json(std::span<const PaperTableRow> rows) {
  nlohmann::json paper_rows = nlohmann::json::array();
  for (const PaperReferenceRow& row : paper_table2())
    paper_rows.push_back(row);
  return {{"rows", rows},
          {"orderings", capacity_orderings(rows)},
          {"paper_rows", paper_rows},
          {"source", kPaperTableSource}};
}

}  // namespace sprout::analysis
