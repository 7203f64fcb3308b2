#include "report/html_report.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "engine/atomic_file.hpp"
#include "report/markup.hpp"

namespace sprout::report {
namespace {

constexpr std::string_view kStyle = R"(
body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; }
section { margin-top: 2em; }
table { border-collapse: collapse; margin: 1em 0; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
th { background: #f0f0f0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9em; }
pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; }
)";

// Cells that read fully as a number are right-aligned.
bool looks_numeric(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end != nullptr && *end == '\0';
}

}  // namespace

HtmlReport::HtmlReport(std::string title) : title_(std::move(title)) {}

void HtmlReport::add_section(std::string_view heading) {
  if (section_open_) body_ += "</section>\n";
  body_ += fmt::format("<section>\n<h2>{}</h2>\n", escape_xml(heading));
  section_open_ = true;
}

void HtmlReport::add_paragraph(std::string_view text) {
  body_ += fmt::format("<p>{}</p>\n", escape_xml(text));
}

void HtmlReport::add_table(const HtmlTable& table) {
  body_ += "<table>\n";
  if (!table.caption.empty())
    body_ += fmt::format("<caption>{}</caption>\n", escape_xml(table.caption));
  if (!table.header.empty()) {
    body_ += "<thead><tr>";
    for (const std::string& cell : table.header)
      body_ += fmt::format("<th>{}</th>", escape_xml(cell));
    body_ += "</tr></thead>\n";
  }
  body_ += "<tbody>\n";
  for (const auto& row : table.rows) {
    body_ += "<tr>";
    for (const HtmlCell& cell : row) {
      body_ += "<td";
      if (looks_numeric(cell.text)) body_ += " class=\"number\"";
      if (!cell.id.empty()) body_ += fmt::format(" id=\"{}\"", escape_xml(cell.id));
      if (!cell.value.empty()) body_ += fmt::format(" data-value=\"{}\"", escape_xml(cell.value));
      body_ += fmt::format(">{}</td>", escape_xml(cell.text));
    }
    body_ += "</tr>\n";
  }
  body_ += "</tbody>\n</table>\n";
}

void HtmlReport::add_svg(std::string_view svg, std::string_view caption) {
  body_ += "<figure>\n";
  body_ += svg;
  if (!caption.empty()) body_ += fmt::format("<figcaption>{}</figcaption>\n", escape_xml(caption));
  body_ += "</figure>\n";
}

void HtmlReport::add_preformatted(std::string_view text) {
  body_ += fmt::format("<pre>{}</pre>\n", escape_xml(text));
}

std::string HtmlReport::render() const {
  return fmt::format(
      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
      "<meta charset=\"utf-8\"/>\n<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n"
      "<h1>{0}</h1>\n{2}{3}</body>\n</html>\n",
      escape_xml(title_), kStyle, body_, section_open_ ? "</section>\n" : "");
}

void HtmlReport::write(const std::filesystem::path& path) const {
  write_text_atomically(path, render());
}

}  // namespace sprout::report
