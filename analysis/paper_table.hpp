#pragma once
// Table 2 of Stricker, Röhrbein & Knoblauch (arXiv:2603.00588) as Sprout measures it: per
// hidden size and method, test accuracy, I(X;Z) through the variational encoder, non-silent
// input→hidden synapses and the paper's C_S, as means over seeds with their spread; the
// paper's own rows beside them; and whether C_S(rule) > C_S(Chorowski) > C_S(BP) holds.
// The runs that give the numbers are made by protocols/paper_protocol.hpp; this file only
// assembles them, so it is tested without training.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace sprout::analysis {

// The paper's three methods, in the table's column order.
enum class PaperMethod {
  kBp,             // standard BP
  kBpNonnegative,  // Chorowski & Zurada's non-negative sparse BP
  kStructural,     // the paper's structural rule (Sprout's reconstruction)
};
inline constexpr PaperMethod kPaperMethods[] = {PaperMethod::kBp, PaperMethod::kBpNonnegative,
                                                PaperMethod::kStructural};

// "bp", "bp_nonnegative", "structural": the `method` of a row and the runs' folder prefix.
[[nodiscard]] std::string_view method_key(PaperMethod method);
// For a reader: "BP", "non-negative sparse BP (Chorowski)", "structural rule".
[[nodiscard]] std::string_view method_title(PaperMethod method);

// One run's numbers.
struct PaperRunMeasures {
  std::size_t hidden = 0;
  PaperMethod method = PaperMethod::kBp;
  std::uint64_t seed = 0;
  double test_accuracy = 0;  // fraction
  double i_xz_bits = 0;
  std::size_t nonsilent_input_synapses = 0;
  double c_s_paper = 0;  // bits per non-silent input→hidden synapse
};

// A measure over the seeds of a row: each seed's value, their mean and sample standard
// deviation (n - 1 in the denominator; 0 for one seed).
struct SeedSpread {
  std::vector<double> values;
  double mean = 0;
  double sd = 0;
};
[[nodiscard]] SeedSpread seed_spread(std::vector<double> values);

struct PaperTableRow {
  std::size_t hidden = 0;
  PaperMethod method = PaperMethod::kBp;
  std::vector<std::uint64_t> seeds;  // in the order of the values
  SeedSpread test_accuracy;
  SeedSpread i_xz_bits;
  SeedSpread nonsilent_input_synapses;
  SeedSpread c_s_paper;
};

// One row per (hidden, method) present in `runs`, ordered by hidden size (ascending) and
// then method (kPaperMethods' order), seeds in ascending order. Throws
// std::invalid_argument when a (hidden, method, seed) occurs twice.
[[nodiscard]] std::vector<PaperTableRow> assemble_paper_table(
    std::span<const PaperRunMeasures> runs);

// A row of the paper's Table 2.
struct PaperReferenceRow {
  std::size_t hidden = 0;
  PaperMethod method = PaperMethod::kBp;
  double test_accuracy = 0;  // fraction
  double i_xz_bits = 0;
  double c_s_paper = 0;
  // I(X;Z) / C_S, rounded: the synapse count the two printed numbers imply.
  [[nodiscard]] std::size_t implied_synapses() const;
};

// Where the paper's numbers come from; said wherever they are shown.
inline constexpr std::string_view kPaperTableSource =
    "second-hand: Table 2 of arXiv:2603.00588 (digits 1, 2, 6) as two AI-written summaries of "
    "the paper agree on it, not checked against the paper itself";

// The paper's Table 2: 12 rows, hidden 10, 30, 100, 200, each in kPaperMethods' order.
[[nodiscard]] std::span<const PaperReferenceRow> paper_table2();
// The paper's row for (hidden, method), if the table has one.
[[nodiscard]] std::optional<PaperReferenceRow> paper_row(std::size_t hidden, PaperMethod method);

// C_S(structural) > C_S(bp_nonnegative) > C_S(bp) at one hidden size, on the means.
struct CapacityOrdering {
  std::size_t hidden = 0;
  bool rule_above_nonnegative = false;
  bool nonnegative_above_bp = false;
  [[nodiscard]] bool holds() const { return rule_above_nonnegative && nonnegative_above_bp; }
};
// One entry per hidden size whose rows hold all three methods, in the rows' order.
[[nodiscard]] std::vector<CapacityOrdering> capacity_orderings(std::span<const PaperTableRow> rows);

void to_json(nlohmann::json& out, const SeedSpread& spread);
// {hidden, method, test_accuracy, i_xz_bits, nonsilent_input_synapses, c_s_paper (means),
//  seeds, spread: {<measure>: {values, mean, sd}}}
void to_json(nlohmann::json& out, const PaperTableRow& row);
// {hidden, method, test_accuracy, i_xz_bits, c_s_paper, implied_nonsilent_input_synapses}
void to_json(nlohmann::json& out, const PaperReferenceRow& row);
// {hidden, rule_above_nonnegative, nonnegative_above_bp, holds}
void to_json(nlohmann::json& out, const CapacityOrdering& ordering);

// The table's part of table2.json: {rows, orderings (capacity_orderings of the rows),
// paper_rows (all of paper_table2()), source (kPaperTableSource)}.
[[nodiscard]] nlohmann::json paper_table_json(std::span<const PaperTableRow> rows);

}  // namespace sprout::analysis
