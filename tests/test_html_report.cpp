// HTML report builder: one self-contained, well-formed page with escaped text.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "report/html_report.hpp"
#include "report/svg_chart.hpp"
#include "test_helpers.hpp"
#include "xml_check.hpp"

TEST_CASE("HTML report: sections, escaped tables and inline SVG, nothing external",
          "[html_report]") {
  sprout::report::HtmlReport report("Sprout <compare> & \"friends\"");
  report.add_paragraph("Intro with <b>markup</b> that must stay text.");
  report.add_section("Accuracy");
  report.add_table({.caption = "Results",
                    .header = {"network", "accuracy %"},
                    .rows = {{"structural", "97.1"}, {"bp <dense> & co", "98.0"}}});
  sprout::report::LineChart chart;
  chart.series.push_back({.name = "bp", .x = {1, 2}, .y = {3, 4}});
  report.add_svg(sprout::report::render_svg(chart), "Accuracy vs synapses");
  report.add_section("Config");
  report.add_preformatted("{\"seed\": 1, \"note\": \"a < b\"}");
  const std::string html = report.render();

  CHECK(sprout::testing::xml_problem(html).empty());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<title>Sprout &lt;compare&gt; &amp; &quot;friends&quot;</title>") !=
        std::string::npos);
  CHECK(html.find("&lt;b&gt;markup&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("<td>bp &lt;dense&gt; &amp; co</td>") != std::string::npos);
  CHECK(html.find("<td class=\"number\">98.0</td>") != std::string::npos);
  CHECK(html.find("<th>accuracy %</th>") != std::string::npos);
  CHECK(html.find("<svg xmlns=") != std::string::npos);
  CHECK(html.find("<figcaption>Accuracy vs synapses</figcaption>") != std::string::npos);
  // Two sections, both closed (the XML check also demands it).
  std::size_t sections = 0;
  for (auto at = html.find("<section>"); at != std::string::npos;
       at = html.find("<section>", at + 1)) {
    ++sections;
  }
  CHECK(sections == 2);
  // Self-contained: no script, no external reference.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
}

TEST_CASE("HTML report is written atomically to a file", "[html_report]") {
  sprout::testing::TemporaryFolder folder;
  sprout::report::HtmlReport report("t");
  report.add_paragraph("p");
  const auto path = folder.path() / "report.html";
  report.write(path);
  std::ifstream in(path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  CHECK(text == report.render());
}
