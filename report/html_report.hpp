#pragma once
// One self-contained HTML page (inline CSS, inline SVG, no script, no external file) built
// from sections, paragraphs, tables and charts. Every text is escaped; the output is also
// well-formed XML (XHTML syntax), so it can be checked by an XML parser.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sprout::report {

// A table cell: its text, and optionally an id and a machine-readable value (rendered as
// id="..." and data-value="..."), so that tests and scripts can read numbers back.
struct HtmlCell {
  HtmlCell(std::string text_) : text(std::move(text_)) {}  // NOLINT: implicit on purpose
  HtmlCell(const char* text_) : text(text_) {}             // NOLINT: implicit on purpose
  HtmlCell(std::string text_, std::string id_, std::string value_)
      : text(std::move(text_)), id(std::move(id_)), value(std::move(value_)) {}

  std::string text;
  std::string id{};
  std::string value{};
};

struct HtmlTable {
  std::string caption{};
  std::vector<std::string> header{};
  std::vector<std::vector<HtmlCell>> rows{};  // numbers right-aligned
};

class HtmlReport {
 public:
  explicit HtmlReport(std::string title);

  // Starts a new <section> with an <h2>; later content goes into it.
  void add_section(std::string_view heading);
  void add_paragraph(std::string_view text);
  void add_table(const HtmlTable& table);
  // `svg` must come from render_svg (it is inserted as markup, not escaped).
  void add_svg(std::string_view svg, std::string_view caption = {});
  // Monospaced text, e.g. the config or provenance JSON.
  void add_preformatted(std::string_view text);

  [[nodiscard]] std::string render() const;
  // Writes render() atomically.
  void write(const std::filesystem::path& path) const;

 private:
  std::string title_{};
  std::string body_{};
  bool section_open_ = false;
};

}  // namespace sprout::report
