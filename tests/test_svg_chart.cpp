// SVG charts: well-formed XML, values at hand-computed pixel positions, escaping.
// Default frame: 640 x 400, margins left 72, right 170, top 40, bottom 56, so the plot
// area is x 72..470 (398 px wide) and y 40..344 (304 px high).
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "report/svg_chart.hpp"
#include "xml_check.hpp"

using sprout::report::Axis;
using sprout::report::render_svg;
using sprout::testing::xml_problem;

namespace {

// All matches of `pattern`, each as its capture groups.
std::vector<std::vector<std::string>> captures(const std::string& text,
                                               const std::string& pattern) {
  const std::regex re(pattern);
  std::vector<std::vector<std::string>> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    std::vector<std::string> groups;
    for (std::size_t g = 1; g < it->size(); ++g)
      groups.push_back((*it)[g].str());
    out.push_back(groups);
  }
  return out;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

const std::string kMarker = R"re(<circle cx="([^"]+)" cy="([^"]+)" r="3"><title>)re";

}  // namespace

TEST_CASE("Line chart maps values to hand-computed pixels", "[svg_chart]") {
  sprout::report::LineChart chart;
  chart.title = "Accuracy";
  chart.x = Axis{.label = "x", .min = 0.0, .max = 10.0};
  chart.y = Axis{.label = "y", .min = 0.0, .max = 100.0};
  chart.series.push_back({.name = "s", .x = {0, 5, 10}, .y = {0, 50, 100}});
  const std::string svg = render_svg(chart);
  CHECK(xml_problem(svg).empty());
  const auto markers = captures(svg, kMarker);
  REQUIRE(markers.size() == 3);
  CHECK(markers[0] == std::vector<std::string>{"72.00", "344.00"});
  CHECK(markers[1] == std::vector<std::string>{"271.00", "192.00"});  // 72 + 398/2, 344 - 304/2
  CHECK(markers[2] == std::vector<std::string>{"470.00", "40.00"});
  CHECK(svg.find(R"(points="72.00,344.00 271.00,192.00 470.00,40.00")") != std::string::npos);
  CHECK(svg.find(">Accuracy</text>") != std::string::npos);
}

TEST_CASE("Log x axis spaces decades evenly", "[svg_chart]") {
  sprout::report::LineChart chart;
  chart.x = Axis{.label = "synapses", .log = true};  // range from data: whole decades 1..1000
  chart.y = Axis{.label = "accuracy", .min = 0.0, .max = 1.0};
  chart.series.push_back({.name = "bp",
                          .x = {1, 10, 100, 1000},
                          .y = {0, 0.5, 0.5, 1},
                          .style = sprout::report::SeriesStyle::kMarkers});
  const std::string svg = render_svg(chart);
  CHECK(xml_problem(svg).empty());
  const auto markers = captures(svg, kMarker);
  REQUIRE(markers.size() == 4);
  CHECK(markers[0][0] == "72.00");
  CHECK(markers[1][0] == "204.67");  // 72 + 398 / 3
  CHECK(markers[2][0] == "337.33");  // 72 + 2 * 398 / 3
  CHECK(markers[3][0] == "470.00");
  CHECK(count_of(svg, "<polyline") == 0);  // markers only
  // Three decades: a labelled tick at each decade only.
  for (const char* label : {">1</text>", ">10</text>", ">100</text>", ">1000</text>"}) {
    CHECK(svg.find(label) != std::string::npos);
  }
  CHECK(svg.find(">20</text>") == std::string::npos);
  // Within one decade the axis also gets 2x and 5x ticks.
  chart.series[0].x = {1, 2, 3, 9};
  const std::string narrow = render_svg(chart);
  for (const char* label : {">1</text>", ">2</text>", ">5</text>", ">10</text>"}) {
    CHECK(narrow.find(label) != std::string::npos);
  }
  chart.series[0].x[0] = 0;  // log of 0
  CHECK_THROWS_AS(render_svg(chart), std::invalid_argument);
}

TEST_CASE("Automatic linear axis ends on round ticks", "[svg_chart]") {
  sprout::report::LineChart chart;
  chart.series.push_back({.name = "a", .x = {0.3, 9.3}, .y = {1, 2}});
  const std::string svg = render_svg(chart);
  // Data 0.3..9.3: step 2 (9/5 = 1.8 rounds to 2), axis 0..10, ticks 0 2 4 6 8 10.
  const auto x_labels =
      captures(svg, R"re(<text x="[^"]+" y="362.00" text-anchor="middle">([^<]+)</text>)re");
  std::vector<std::string> labels;
  for (const auto& groups : x_labels)
    labels.push_back(groups[0]);
  CHECK(labels == std::vector<std::string>{"0", "2", "4", "6", "8", "10"});
}

TEST_CASE("Missing values break the line, several series get a legend", "[svg_chart]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  sprout::report::LineChart chart;
  chart.series.push_back({.name = "first", .x = {1, 2, 3, 4}, .y = {1, nan, 3, 4}});
  chart.series.push_back({.name = "second", .x = {1, 2}, .y = {2, 2}, .colour = "#123456"});
  const std::string svg = render_svg(chart);
  CHECK(xml_problem(svg).empty());
  // first: a lone point (no line) then a 2-point line; second: one line.
  CHECK(count_of(svg, "<polyline") == 2);
  CHECK(captures(svg, kMarker).size() == 5);
  CHECK(svg.find(">first</text>") != std::string::npos);
  CHECK(svg.find(">second</text>") != std::string::npos);
  CHECK(svg.find("stroke=\"#123456\"") != std::string::npos);
  chart.series[1].y.pop_back();
  CHECK_THROWS_AS(render_svg(chart), std::invalid_argument);
}

TEST_CASE("Text is escaped in SVG", "[svg_chart]") {
  sprout::report::LineChart chart;
  chart.title = "a<b & \"c\" 'd'";
  chart.series.push_back({.name = "<script>alert(1)</script>", .x = {1}, .y = {1}});
  const std::string svg = render_svg(chart);
  CHECK(xml_problem(svg).empty());
  CHECK(svg.find("a&lt;b &amp; &quot;c&quot; &#39;d&#39;") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
}

TEST_CASE("Grouped bar chart: bar rectangles at hand-computed positions", "[svg_chart]") {
  sprout::report::BarChart chart;
  chart.title = "Energy";
  chart.categories = {"A", "B & C"};
  chart.y = Axis{.label = "pJ", .min = 0.0, .max = 4.0};
  chart.series = {{.name = "one", .values = {1, 2}}, {.name = "two", .values = {3, 4}}};
  const std::string svg = render_svg(chart);
  CHECK(xml_problem(svg).empty());
  const auto bars = captures(
      svg, R"re(<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"><title>)re");
  REQUIRE(bars.size() == 4);
  // Slot 398/2 = 199 px; bars 0.8 * 199 / 2 = 79.6 px wide, from 10 % into the slot.
  CHECK(bars[0] == std::vector<std::string>{"91.90", "268.00", "79.60", "76.00"});   // one, A = 1
  CHECK(bars[3] == std::vector<std::string>{"370.50", "40.00", "79.60", "304.00"});  // two, B = 4
  CHECK(svg.find(">B &amp; C</text>") != std::string::npos);
  chart.series[0].values.pop_back();
  CHECK_THROWS_AS(render_svg(chart), std::invalid_argument);
}

TEST_CASE("Image grid as rectangles: per-image scaling and placement", "[svg_chart]") {
  const std::vector<float> pixels{0,  1, 2, 3,   // image 0: grey 0, 85, 170, 255
                                  -2, 0, 1, 2};  // image 1: blue .. red when symmetric
  sprout::report::ImageGrid grid{.pixels = pixels,
                                 .image_height = 2,
                                 .image_width = 2,
                                 .columns = 2,
                                 .pixel_size = 3,
                                 .encoding = sprout::report::ImageEncoding::kRects};
  // Margin 10, one pixel (3 px) gap before each image: image 0 at (13, 13), image 1 at
  // (10 + (2 + 1 + 1) * 3, 13) = (22, 13).
  CHECK(sprout::report::image_origin(grid, 0).x == 13);
  CHECK(sprout::report::image_origin(grid, 1).x == 22);
  CHECK(sprout::report::image_origin(grid, 1).y == 13);
  std::string svg = render_svg(grid);
  CHECK(xml_problem(svg).empty());
  for (const char* pixel : {R"(x="13.00" y="13.00" width="3.00" height="3.00" fill="#000000")",
                            R"(x="16.00" y="13.00" width="3.00" height="3.00" fill="#555555")",
                            R"(x="13.00" y="16.00" width="3.00" height="3.00" fill="#aaaaaa")",
                            R"(x="16.00" y="16.00" width="3.00" height="3.00" fill="#ffffff")"}) {
    CHECK(svg.find(pixel) != std::string::npos);
  }
  grid.scaling = sprout::report::ImageScaling::kSymmetric;
  svg = render_svg(grid);
  // Image 1 scaled by max |v| = 2: -1 blue, 0 white, 0.5 pink (255, 128, 128), 1 red.
  for (const char* pixel : {R"(x="22.00" y="13.00" width="3.00" height="3.00" fill="#0000ff")",
                            R"(x="25.00" y="13.00" width="3.00" height="3.00" fill="#ffffff")",
                            R"(x="22.00" y="16.00" width="3.00" height="3.00" fill="#ff8080")",
                            R"(x="25.00" y="16.00" width="3.00" height="3.00" fill="#ff0000")"}) {
    CHECK(svg.find(pixel) != std::string::npos);
  }
}

TEST_CASE("A series' spread is drawn as whiskers through its points", "[svg_chart]") {
  sprout::report::LineChart chart{.x = {.min = 0.0, .max = 10.0}, .y = {.min = 0.0, .max = 10.0}};
  chart.series.push_back({.name = "runs",
                          .x = {5},
                          .y = {5},
                          .x_low = {4},
                          .x_high = {6},
                          .y_low = {4},
                          .y_high = {6}});
  const std::string svg = render_svg(chart);
  CHECK(xml_problem(svg).empty());
  // x 4..6 -> 72 + 0.4 * 398 = 231.2 .. 310.8 at y 344 - 0.5 * 304 = 192;
  // y 4..6 -> 344 - 0.4 * 304 = 222.4 .. 161.6 at x 271.
  CHECK(svg.find(R"(class="spread" x1="231.20" y1="192.00" x2="310.80" y2="192.00")") !=
        std::string::npos);
  CHECK(svg.find(R"(class="spread" x1="271.00" y1="222.40" x2="271.00" y2="161.60")") !=
        std::string::npos);
  // An end beyond a fixed axis is cut at the axis: y 4..12 draws 222.4 .. 40 (y = 10).
  chart.series[0].y_high = {12};
  CHECK(
      render_svg(chart).find(R"(class="spread" x1="271.00" y1="222.40" x2="271.00" y2="40.00")") !=
      std::string::npos);
  chart.series[0].y_high = {6, 7};
  CHECK_THROWS_AS(render_svg(chart), std::invalid_argument);
  chart.series[0].y_high.clear();  // a low without a high
  CHECK_THROWS_AS(render_svg(chart), std::invalid_argument);
}

TEST_CASE("Image grid row labels sit left of their row and shift the images", "[svg_chart]") {
  const std::vector<float> pixels(4 * 2 * 2, 1.0F);
  const sprout::report::ImageGrid grid{.pixels = pixels,
                                       .image_height = 2,
                                       .image_width = 2,
                                       .columns = 2,
                                       .pixel_size = 3,
                                       .encoding = sprout::report::ImageEncoding::kRects,
                                       .row_labels = {"class 0", "class <1>"},
                                       .subtitle = "red: consolidated"};
  // Left: margin 10 + label column 150; top: margin 10 + subtitle 18. Image 3 is row 1,
  // column 1: x = 160 + (1 * 3 + 1) * 3 = 172, y = 28 + (1 * 3 + 1) * 3 = 40.
  CHECK(sprout::report::image_origin(grid, 0).x == 163);
  CHECK(sprout::report::image_origin(grid, 3).x == 172);
  CHECK(sprout::report::image_origin(grid, 3).y == 40);
  const std::string svg = render_svg(grid);
  CHECK(xml_problem(svg).empty());
  // Labels end 8 px left of the images, at the middle of their row: row 0 spans
  // y 31..37 (centre 34), row 1 y 40..46 (centre 43).
  CHECK(svg.find(R"(x="152.00" y="34.00" text-anchor="end")") != std::string::npos);
  CHECK(svg.find(R"(x="152.00" y="43.00" text-anchor="end" dominant-baseline="middle" )"
                 R"(font-size="12">class &lt;1&gt;</text>)") != std::string::npos);
  CHECK(svg.find(">red: consolidated</text>") != std::string::npos);
}

TEST_CASE("Image grid as an embedded PNG", "[svg_chart]") {
  std::vector<float> pixels(100 * 28 * 28);
  for (std::size_t i = 0; i < pixels.size(); ++i)
    pixels[i] = static_cast<float>(i % 97);
  const sprout::report::ImageGrid grid{
      .title = "Receptive fields", .pixels = pixels, .image_height = 28, .image_width = 28};
  const std::string svg = render_svg(grid);
  CHECK(xml_problem(svg).empty());
  CHECK(count_of(svg, "<image ") == 1);
  CHECK(svg.find("href=\"data:image/png;base64,iVBORw0KGgo") != std::string::npos);  // PNG magic
  // 10 x 10 images of 28 px plus 11 one-pixel gaps = 291 pixels, 3 px each: 873 px.
  CHECK(svg.find(R"(width="873.00" height="873.00")") != std::string::npos);
  const std::vector<float> ragged(10);
  CHECK_THROWS_AS(
      render_svg(sprout::report::ImageGrid{.pixels = ragged, .image_height = 3, .image_width = 3}),
      std::invalid_argument);
}

TEST_CASE("Spike raster puts each spike at (time, neuron + 0.5)", "[svg_chart]") {
  const std::vector<double> times{0, 50, 100, 150};
  const std::vector<std::uint32_t> neurons{0, 9, 5, 3};
  sprout::report::SpikeRaster raster{.title = "Hidden layer",
                                     .times_ms = times,
                                     .neurons = neurons,
                                     .t_end_ms = 100,
                                     .neuron_count = 10};
  const std::string svg = render_svg(raster);
  CHECK(xml_problem(svg).empty());
  // Plot 72..620 (548 px, right margin 20) by 40..344; neuron n at 344 - (n + 0.5) / 10 * 304.
  const auto dots = captures(svg, R"re(<circle cx="([^"]+)" cy="([^"]+)" r="1.20"/>)re");
  REQUIRE(dots.size() == 3);  // the spike at 150 ms is outside the window
  CHECK(dots[0] == std::vector<std::string>{"72.00", "328.80"});
  CHECK(dots[1] == std::vector<std::string>{"346.00", "55.20"});
  CHECK(dots[2] == std::vector<std::string>{"620.00", "176.80"});
  const std::vector<std::uint32_t> bad{0, 10, 0, 0};
  raster.neurons = bad;
  CHECK_THROWS_AS(render_svg(raster), std::invalid_argument);
}

TEST_CASE("A long legend entry widens the chart instead of being clipped", "[svg_chart]") {
  sprout::report::LineChart chart;
  chart.series.push_back({.name = "short", .x = {1, 2}, .y = {1, 2}});
  CHECK(render_svg(chart).find(R"(viewBox="0 0 640.00 400.00")") != std::string::npos);
  const std::string name = "BP sweep, 1000 hidden neurons, all layers pruned";
  chart.series.push_back({.name = name, .x = {1, 2}, .y = {2, 3}});
  const std::string svg = render_svg(chart);
  CHECK(xml_problem(svg).empty());
  const auto view = captures(svg, R"re(viewBox="0 0 ([0-9.]+) ([0-9.]+)")re");
  REQUIRE(view.size() == 1);
  // The legend's text starts 40 px right of the plot (which keeps its 398 px); at most
  // 7.2 px per character of 12 px sans-serif text must fit inside the view box.
  const auto text = captures(svg, R"re(<text x="([0-9.]+)" y="[0-9.]+">BP sweep)re");
  REQUIRE(text.size() == 1);
  CHECK(std::stod(text[0][0]) + 7.2 * static_cast<double>(name.size()) <= std::stod(view[0][0]));
  CHECK(svg.find(R"(x2="470.00" y2="344.00")") != std::string::npos);  // the x axis, unchanged
}

TEST_CASE("Bar chart categories may have two lines", "[svg_chart]") {
  sprout::report::BarChart chart;
  chart.categories = {"structural\nSynOps", "bp dense\nMACs"};
  chart.y = Axis{.label = "nJ", .log = true};
  chart.series = {{.name = "energy", .values = {20000, 300}}};
  const std::string svg = render_svg(chart);
  CHECK(xml_problem(svg).empty());
  CHECK(
      svg.find(
          R"(<tspan x="171.50" dy="0">structural</tspan><tspan x="171.50" dy="14">SynOps</tspan>)") !=
      std::string::npos);
  // Log axis: whole decades from 100 to 100,000, so the small bar is visible.
  CHECK(svg.find(">100k</text>") != std::string::npos);
  CHECK(svg.find(">100</text>") != std::string::npos);
}

TEST_CASE("An axis of whole numbers has no fractional ticks", "[svg_chart]") {
  sprout::report::LineChart chart;
  chart.x = Axis{.label = "epoch", .whole_numbers = true};
  chart.series.push_back({.name = "accuracy", .x = {1, 2}, .y = {45, 48}});
  const std::string svg = render_svg(chart);
  CHECK(svg.find(">1.2</text>") == std::string::npos);
  CHECK(svg.find(">1</text>") != std::string::npos);
  CHECK(svg.find(">2</text>") != std::string::npos);
}

TEST_CASE("A spike raster marks where the hidden neurons begin", "[svg_chart]") {
  const std::vector<double> times{10, 20};
  const std::vector<std::uint32_t> neurons{3, 12};
  sprout::report::SpikeRaster raster{.times_ms = times,
                                     .neurons = neurons,
                                     .t_end_ms = 100,
                                     .neuron_count = 16,
                                     .first_hidden = 8};
  const std::string svg = render_svg(raster);
  CHECK(xml_problem(svg).empty());
  // Neuron 8's lower edge: 344 - 8 / 16 * 304 = 192, across the plot 72..620.
  CHECK(svg.find(R"(<line x1="72.00" y1="192.00" x2="620.00" y2="192.00" stroke="#D55E00")") !=
        std::string::npos);
  CHECK(
      svg.find(
          R"(<text x="616.00" y="188.00" text-anchor="end" fill="#D55E00" stroke="white" stroke-width="3" paint-order="stroke">hidden neurons)") !=
      std::string::npos);
  CHECK(
      svg.find(
          R"(<text x="616.00" y="206.00" text-anchor="end" fill="#D55E00" stroke="white" stroke-width="3" paint-order="stroke">inputs)") !=
      std::string::npos);
  raster.first_hidden = 0;
  CHECK(render_svg(raster).find("hidden neurons") == std::string::npos);
}
