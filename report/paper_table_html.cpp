#include "report/paper_table_html.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "analysis/paper_table.hpp"
#include "io/result_reader.hpp"
#include "report/paper_table_markdown.hpp"

namespace sprout::report {

void add_paper_table_section(HtmlReport& page, const nlohmann::json& report) {
  const nlohmann::json& section = report["paper_table"];
  if (section.is_null()) return;
  const io::ResultReader reader(section, "report.json", "paper_table");
  const std::vector<analysis::PaperTableRow> rows = analysis::read_paper_table_rows(reader);
  const PaperTableText text = paper_table_text(rows);
  page.add_section("The paper's Table 2 (digits 1, 2, 6)");
  page.add_paragraph(
      fmt::format("From {} (git revision {}). Source of the paper's numbers: {}. I(X;Z) comes from "
                  "Sprout's variational encoder, on a different scale from the paper's estimator: "
                  "compare orderings and C_S ratios (÷ BP), not bits.",
                  reader.text("file"), reader.text("git_revision"), analysis::kPaperTableSource));
  HtmlTable table{.caption = text.orderings, .header = text.header, .rows = {}};
  for (const std::vector<std::string>& cells : text.rows)
    table.rows.emplace_back(cells.begin(), cells.end());
  page.add_table(table);
}

}  // namespace sprout::report
