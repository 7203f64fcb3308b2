#pragma once
// The comparison page's section on the paper's Table 2: Sprout's rows beside the paper's,
// as table2.md prints them, when `sprout compare --paper-table` was given.

#include <nlohmann/json.hpp>

#include "report/html_report.hpp"

namespace sprout::report {

// Adds the section from report.json's "paper_table" (analysis/paper_table.hpp's layout);
// nothing when it is null.
void add_paper_table_section(HtmlReport& page, const nlohmann::json& report);

}  // namespace sprout::report
