#pragma once
// table2.md of `sprout paper-table`: Sprout's Table 2 beside the paper's for a reader, with
// the source of the paper's numbers and which capacity orderings hold.

#include <cstddef>
#include <span>
#include <string>

#include "analysis/paper_table.hpp"
#include "analysis/variational_information.hpp"
#include "encoders/class_subset.hpp"

namespace sprout::report {

// What the rows were measured on, for the text around the table.
struct PaperTableSetup {
  encoders::ClassList classes;
  std::size_t seeds = 1;
  analysis::VibSettings vib;  // the seed is each run's own
};

[[nodiscard]] std::string paper_table_markdown(std::span<const analysis::PaperTableRow> rows,
                                               const PaperTableSetup& setup);

}  // namespace sprout::report
