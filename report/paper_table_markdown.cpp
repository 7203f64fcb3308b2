#include "report/paper_table_markdown.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

namespace sprout::report {
namespace {

using analysis::PaperMethod;
using analysis::PaperTableRow;
using analysis::SeedSpread;

// "2.87e-3", as the paper prints C_S.
std::string scientific(double value) {
  const int exponent = value == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::abs(value))));
  const double mantissa = value / std::pow(10.0, exponent);
  if (std::abs(mantissa) >= 9.995) return fmt::format("{:.2f}e{}", mantissa / 10, exponent + 1);
  return fmt::format("{:.2f}e{}", mantissa, exponent);
}

// A mean over seeds, with "± sd" when there is more than one.
template <class Format>
std::string with_spread(const SeedSpread& spread, Format format) {
  if (spread.values.size() < 2) return format(spread.mean);
  return format(spread.mean) + " ± " + format(spread.sd);
}

std::string percent(double fraction) {
  return fmt::format("{:.2f} %", 100 * fraction);
}
std::string bits(double value) {
  return fmt::format("{:.2f}", value);
}
std::string count(double value) {
  return fmt::format("{:.0f}", value);
}

const PaperTableRow* find_row(std::span<const PaperTableRow> rows, std::size_t hidden,
                              PaperMethod method) {
  for (const PaperTableRow& row : rows)
    if (row.hidden == hidden && row.method == method) return &row;
  return nullptr;
}

// C_S of a row over BP's C_S at the same hidden size, if BP was measured there.
std::string ratio_to_bp(double c_s, std::optional<double> bp_c_s) {
  if (!bp_c_s || *bp_c_s <= 0) return "";
  return fmt::format("{:.1f}", c_s / *bp_c_s);
}

std::string orderings_line(std::span<const PaperTableRow> rows) {
  const std::vector<analysis::CapacityOrdering> orderings = analysis::capacity_orderings(rows);
  if (orderings.empty())
    return "Orderings: no hidden size has all three methods, so C_S(rule) > C_S(Chorowski) > "
           "C_S(BP) is not checked.";
  std::vector<std::size_t> hold;
  std::vector<std::string> fail;
  for (const analysis::CapacityOrdering& ordering : orderings) {
    if (ordering.holds()) {
      hold.push_back(ordering.hidden);
      continue;
    }
    std::vector<std::string> broken;
    if (!ordering.rule_above_nonnegative) broken.emplace_back("rule ≤ Chorowski");
    if (!ordering.nonnegative_above_bp) broken.emplace_back("Chorowski ≤ BP");
    fail.push_back(fmt::format("H = {} ({})", ordering.hidden, fmt::join(broken, ", ")));
  }
  std::string line =
      "Orderings on Sprout's estimator: C_S(rule) > C_S(Chorowski) > C_S(BP) holds at ";
  line += hold.empty() ? "no hidden size" : fmt::format("H = {}", fmt::join(hold, ", "));
  if (!fail.empty()) line += fmt::format("; it fails at {}", fmt::join(fail, "; "));
  return line + ". In the paper's rows it holds at every H.";
}

}  // namespace

std::string paper_table_markdown(std::span<const PaperTableRow> rows,
                                 const PaperTableSetup& setup) {
  const analysis::VibSettings& vib = setup.vib;
  std::string text = fmt::format(
      "# Table 2: digits {}, Sprout beside the paper\n\n"
      "Source of the paper's numbers: {}. Its synapse column is I(X;Z) / C_S of its two "
      "printed numbers.\n\n"
      "Sprout: {} seed{} per row (mean{}); test accuracy on the test images of these digits; "
      "I(X;Z) in bits from Sprout's variational encoder on the hidden code (z dimension {}, "
      "beta {:g}, {} encoder units, {} epochs; docs/metrics.md, 3c), which is on a different "
      "scale from the paper's estimator: compare orderings and C_S ratios, not bits. C_S is "
      "I(X;Z) per non-silent input→hidden synapse; \"÷ BP\" is C_S over BP's at the same H.\n\n",
      fmt::join(setup.classes, ", "), analysis::kPaperTableSource, setup.seeds,
      setup.seeds == 1 ? "" : "s", setup.seeds == 1 ? "" : " ± sd", vib.z_dimension, vib.beta,
      vib.encoder_hidden, vib.epochs);
  text +=
      "| H | method | accuracy, Sprout | accuracy, paper | I(X;Z) bits, Sprout | I(X;Z) bits, "
      "paper | non-silent synapses, Sprout | non-silent synapses, paper | C_S, Sprout | C_S, "
      "paper | ÷ BP, Sprout | ÷ BP, paper |\n"
      "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const PaperTableRow& row : rows) {
    const auto paper = analysis::paper_row(row.hidden, row.method);
    const PaperTableRow* bp = find_row(rows, row.hidden, PaperMethod::kBp);
    const auto paper_bp = analysis::paper_row(row.hidden, PaperMethod::kBp);
    text += fmt::format(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", row.hidden,
        analysis::method_title(row.method), with_spread(row.test_accuracy, percent),
        paper ? percent(paper->test_accuracy) : "", with_spread(row.i_xz_bits, bits),
        paper ? bits(paper->i_xz_bits) : "", with_spread(row.nonsilent_input_synapses, count),
        paper ? fmt::format("{}", paper->implied_synapses()) : "",
        with_spread(row.c_s_paper, scientific), paper ? scientific(paper->c_s_paper) : "",
        ratio_to_bp(row.c_s_paper.mean,
                    bp ? std::optional<double>(bp->c_s_paper.mean) : std::nullopt),
        paper ? ratio_to_bp(paper->c_s_paper,
                            paper_bp ? std::optional<double>(paper_bp->c_s_paper) : std::nullopt)
              : "");
  }
  text += fmt::format("\n{}\n", orderings_line(rows));
  return text;
}

}  // namespace sprout::report
