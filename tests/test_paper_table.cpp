// Table 2's assembly (analysis/paper_table.hpp) and its text (report/paper_table_markdown):
// means and spread over seeds, the paper's rows exactly as printed, the capacity orderings.

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/paper_table.hpp"
#include "report/paper_table_markdown.hpp"

using namespace sprout::analysis;
using Catch::Matchers::Contains;

namespace {

PaperRunMeasures run(std::size_t hidden, PaperMethod method, std::uint64_t seed, double accuracy,
                     double i_xz, std::size_t synapses) {
  return {hidden, method, seed, accuracy, i_xz, synapses, i_xz / static_cast<double>(synapses)};
}

}  // namespace

TEST_CASE("Paper table: a row per hidden size and method with means and sd over seeds",
          "[paper_table]") {
  const std::vector<PaperRunMeasures> runs = {
      run(30, PaperMethod::kStructural, 2, 0.90, 3.0, 1000),
      run(10, PaperMethod::kBp, 1, 0.99, 2.0, 7840),
      run(30, PaperMethod::kStructural, 1, 0.80, 2.0, 1200),
      run(30, PaperMethod::kBp, 1, 0.98, 2.5, 23520),
  };
  const std::vector<PaperTableRow> rows = assemble_paper_table(runs);
  REQUIRE(rows.size() == 3);
  // By hidden size, then BP, non-negative BP, the rule.
  CHECK(rows[0].hidden == 10);
  CHECK(rows[0].method == PaperMethod::kBp);
  CHECK(rows[1].hidden == 30);
  CHECK(rows[1].method == PaperMethod::kBp);
  const PaperTableRow& rule = rows[2];
  CHECK(rule.method == PaperMethod::kStructural);
  CHECK(rule.seeds == std::vector<std::uint64_t>{1, 2});
  CHECK(rule.test_accuracy.values == std::vector<double>{0.80, 0.90});
  CHECK(rule.test_accuracy.mean == Approx(0.85));
  CHECK(rule.test_accuracy.sd == Approx(std::sqrt(0.005)));  // (0.05² + 0.05²) / (2 - 1)
  CHECK(rule.i_xz_bits.mean == Approx(2.5));
  CHECK(rule.nonsilent_input_synapses.mean == Approx(1100));
  CHECK(rule.c_s_paper.mean == Approx((2.0 / 1200 + 3.0 / 1000) / 2));
  CHECK(rows[0].test_accuracy.sd == 0);  // one seed

  const nlohmann::json json = rule;
  for (const char* key : {"hidden", "method", "test_accuracy", "i_xz_bits",
                          "nonsilent_input_synapses", "c_s_paper", "seeds", "spread"})
    CHECK(json.contains(key));
  CHECK(json["method"] == "structural");
  CHECK(json["test_accuracy"] == Approx(0.85));
  CHECK(json["spread"]["c_s_paper"]["values"].size() == 2);
  CHECK(json["spread"]["test_accuracy"]["sd"] == Approx(std::sqrt(0.005)));

  const std::vector<PaperRunMeasures> twice = {run(10, PaperMethod::kBp, 1, 0.99, 2.0, 7840),
                                               run(10, PaperMethod::kBp, 1, 0.98, 2.0, 7840)};
  CHECK_THROWS_WITH(assemble_paper_table(twice), "paper table: bp at hidden 10 seed 1 given twice");
}

TEST_CASE("Paper table: the paper's rows are Table 2 as printed", "[paper_table]") {
  struct Printed {
    std::size_t hidden;
    PaperMethod method;
    double accuracy_percent, i_xz_bits, c_s;
  };
  const Printed printed[] = {
      {10, PaperMethod::kBp, 99.01, 22.50, 2.87e-3},
      {10, PaperMethod::kBpNonnegative, 98.34, 16.10, 1.08e-2},
      {10, PaperMethod::kStructural, 64.29, 12.80, 1.63e-2},
      {30, PaperMethod::kBp, 99.17, 127.62, 5.43e-3},
      {30, PaperMethod::kBpNonnegative, 99.01, 72.99, 2.22e-2},
      {30, PaperMethod::kStructural, 86.21, 52.18, 6.66e-2},
      {100, PaperMethod::kBp, 99.23, 435.93, 5.56e-3},
      {100, PaperMethod::kBpNonnegative, 99.10, 217.43, 5.93e-2},
      {100, PaperMethod::kStructural, 89.79, 198.33, 2.53e-1},
      {200, PaperMethod::kBp, 99.17, 518.79, 3.31e-3},
      {200, PaperMethod::kBpNonnegative, 99.10, 402.91, 1.31e-1},
      {200, PaperMethod::kStructural, 95.55, 372.66, 4.75e-1},
  };
  const auto table = paper_table2();
  REQUIRE(table.size() == std::size(printed));
  for (std::size_t k = 0; k < table.size(); ++k) {
    INFO(k);
    CHECK(table[k].hidden == printed[k].hidden);
    CHECK(table[k].method == printed[k].method);
    CHECK(std::round(table[k].test_accuracy * 10000) ==
          std::round(printed[k].accuracy_percent * 100));
    CHECK(table[k].i_xz_bits == printed[k].i_xz_bits);
    CHECK(table[k].c_s_paper == printed[k].c_s);
  }
  // The rule's rows imply about 784 synapses at every H; BP's 784·H.
  CHECK(paper_row(10, PaperMethod::kStructural)->implied_synapses() == 785);
  CHECK(paper_row(30, PaperMethod::kStructural)->implied_synapses() == 783);
  CHECK(paper_row(100, PaperMethod::kStructural)->implied_synapses() == 784);
  CHECK(paper_row(200, PaperMethod::kStructural)->implied_synapses() == 785);
  CHECK(paper_row(10, PaperMethod::kBp)->implied_synapses() == 7840);
  CHECK_FALSE(paper_row(50, PaperMethod::kBp));
  CHECK_THAT(std::string(kPaperTableSource), Contains("second-hand"));
  CHECK_THAT(std::string(kPaperTableSource), Contains("arXiv:2603.00588"));

  const nlohmann::json json = paper_table_json({});
  CHECK(json["paper_rows"].size() == 12);
  CHECK(json["paper_rows"][2]["method"] == "structural");
  CHECK(json["paper_rows"][2]["test_accuracy"] == 0.6429);
  CHECK(json["paper_rows"][2]["implied_nonsilent_input_synapses"] == 785);
  CHECK(json["source"] == std::string(kPaperTableSource));
  CHECK(json["rows"].empty());
  CHECK(json["orderings"].empty());
}

TEST_CASE("Paper table: C_S(rule) > C_S(Chorowski) > C_S(BP) per hidden size on the means",
          "[paper_table]") {
  const std::vector<PaperRunMeasures> runs = {
      // H 10: holds.
      run(10, PaperMethod::kBp, 1, 0.99, 2.0, 8000),
      run(10, PaperMethod::kBpNonnegative, 1, 0.98, 2.0, 4000),
      run(10, PaperMethod::kStructural, 1, 0.70, 2.0, 1000),
      // H 30: the rule below Chorowski on the mean of two seeds, though above it on seed 1.
      run(30, PaperMethod::kBp, 1, 0.99, 2.0, 24000),
      run(30, PaperMethod::kBpNonnegative, 1, 0.98, 2.0, 2000),
      run(30, PaperMethod::kStructural, 1, 0.80, 2.0, 1900),
      run(30, PaperMethod::kStructural, 2, 0.80, 2.0, 10000),
      // H 100: a method missing, so no ordering.
      run(100, PaperMethod::kBp, 1, 0.99, 2.0, 78400),
  };
  const std::vector<PaperTableRow> rows = assemble_paper_table(runs);
  const std::vector<CapacityOrdering> orderings = capacity_orderings(rows);
  REQUIRE(orderings.size() == 2);
  CHECK(orderings[0].hidden == 10);
  CHECK(orderings[0].holds());
  CHECK(orderings[1].hidden == 30);
  CHECK_FALSE(orderings[1].rule_above_nonnegative);
  CHECK(orderings[1].nonnegative_above_bp);
  CHECK_FALSE(orderings[1].holds());
  const nlohmann::json json = paper_table_json(rows);
  CHECK(json["orderings"][1]["holds"] == false);
  CHECK(json["rows"].size() == 7);

  // The paper's own rows order so at every H.
  std::vector<PaperRunMeasures> paper;
  for (const PaperReferenceRow& row : paper_table2())
    paper.push_back(
        {row.hidden, row.method, 1, row.test_accuracy, row.i_xz_bits, 1, row.c_s_paper});
  for (const CapacityOrdering& ordering : capacity_orderings(assemble_paper_table(paper)))
    CHECK(ordering.holds());

  const std::string text = sprout::report::paper_table_markdown(rows, {{1, 2, 6}, 2, {}});
  CHECK_THAT(text, Contains("# Table 2: digits 1, 2, 6"));
  CHECK_THAT(text, Contains(std::string(kPaperTableSource)));
  CHECK_THAT(text, Contains("holds at H = 10; it fails at H = 30 (rule ≤ Chorowski)"));
  // Sprout's row beside the paper's: accuracy, I(X;Z), synapses, C_S, C_S over BP's.
  CHECK_THAT(text, Contains("| 10 | structural rule | 70.00 % | 64.29 % | 2.00 | 12.80 | 1000 | "
                            "785 | 2.00e-3 | 1.63e-2 | 8.0 | 5.7 |"));
  CHECK_THAT(text, Contains("| 30 | structural rule | 80.00 % ± 0.00 % |"));
  CHECK_THAT(text, Contains("| 100 | BP | 99.00 % | 99.23 % |"));
}
