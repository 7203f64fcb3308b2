#pragma once
// Self-contained SVG charts for reports: no script, no external style sheet or font, no
// network. Each render_svg returns one <svg> element (no XML declaration), valid both as
// an .svg file and inline in HTML. Text is escaped. Invalid input (mismatched lengths,
// non-positive values on a log axis, NaN pixels) throws std::invalid_argument.
//
// Geometry: a value v on an axis [lo, hi] lands at
//   x = plot_left + (v - lo) / (hi - lo) * plot_width           (log axes: log10 of each)
//   y = plot_top + plot_height - (v - lo) / (hi - lo) * plot_height
// with plot_left = margin_left, plot_width = width - margin_left - margin_right, etc.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sprout::report {

struct ChartFrame {
  double width = 640;
  double height = 400;
  double margin_left = 72;
  double margin_right = 170;  // the legend lives here
  double margin_top = 40;
  double margin_bottom = 56;

  [[nodiscard]] double plot_left() const { return margin_left; }
  [[nodiscard]] double plot_top() const { return margin_top; }
  [[nodiscard]] double plot_width() const { return width - margin_left - margin_right; }
  [[nodiscard]] double plot_height() const { return height - margin_top - margin_bottom; }
};

struct Axis {
  std::string label{};
  bool log = false;
  // Unset: from the data, widened to round tick values (whole decades on a log axis).
  std::optional<double> min{};
  std::optional<double> max{};
  // Linear axes: ticks at whole numbers only (epochs, counts).
  bool whole_numbers = false;
};

enum class SeriesStyle { kLines, kMarkers, kLinesAndMarkers };

struct Series {
  std::string name{};
  std::vector<double> x{};
  std::vector<double> y{};  // NaN: no point (the line breaks there)
  SeriesStyle style = SeriesStyle::kLinesAndMarkers;
  std::string colour{};  // CSS colour; empty: the next colour of a colour-blind-safe palette
  // Spread of each point (e.g. min and max over seeds), drawn as whiskers through it;
  // empty, or one value per point.
  std::vector<double> x_low{};
  std::vector<double> x_high{};
  std::vector<double> y_low{};
  std::vector<double> y_high{};
};

struct LineChart {
  std::string title{};
  Axis x{};
  Axis y{};
  std::vector<Series> series{};
  ChartFrame frame{};
};

[[nodiscard]] std::string render_svg(const LineChart& chart);

struct BarSeries {
  std::string name{};
  std::vector<double> values{};  // one per category
  std::string colour{};
};

// Groups of bars: one group per category, one bar per series.
struct BarChart {
  std::string title{};
  std::string x_label{};
  std::vector<std::string> categories{};
  Axis y{};  // linear axes start at 0 unless y.min says otherwise
  std::vector<BarSeries> series{};
  ChartFrame frame{};
};

[[nodiscard]] std::string render_svg(const BarChart& chart);

enum class ImageScaling {
  kMinMax,     // each image: its minimum black, its maximum white
  kSymmetric,  // each image: -max|v| blue, 0 white, +max|v| red (signed weights)
};

enum class ImageEncoding {
  kPng,    // one embedded PNG (compact: use for many or large images)
  kRects,  // one <rect> per pixel (inspectable, large)
};

// N images of image_height x image_width floats (image-major, row-major), e.g. receptive
// fields, laid out `columns` per row, each pixel drawn as pixel_size x pixel_size with a
// one-pixel gap between images.
struct ImageGrid {
  std::string title{};
  std::span<const float> pixels{};
  std::size_t image_height = 0;
  std::size_t image_width = 0;
  std::size_t columns = 10;
  double pixel_size = 3;
  ImageScaling scaling = ImageScaling::kMinMax;
  ImageEncoding encoding = ImageEncoding::kPng;
  // When given: one label per row of images, drawn left of it, and a line under the title
  // (e.g. what the colours mean).
  std::vector<std::string> row_labels{};
  std::string subtitle{};
};

// Top-left corner of image `index`'s first pixel in the grid's SVG (for tests and overlays).
struct Point {
  double x = 0;
  double y = 0;
};
[[nodiscard]] Point image_origin(const ImageGrid& grid, std::size_t index);

[[nodiscard]] std::string render_svg(const ImageGrid& grid);

// Spike raster: a dot at (time, neuron id + 0.5) for each spike.
struct SpikeRaster {
  std::string title{};
  std::span<const double> times_ms{};
  std::span<const std::uint32_t> neurons{};
  double t_start_ms = 0;
  double t_end_ms = 0;
  std::size_t neuron_count = 0;
  // > 0: a line below this neuron id, "inputs" under it and "hidden neurons" over it.
  std::size_t first_hidden = 0;
  double dot_radius = 1.2;
  ChartFrame frame{.margin_right = 20};
};

[[nodiscard]] std::string render_svg(const SpikeRaster& raster);

}  // namespace sprout::report
