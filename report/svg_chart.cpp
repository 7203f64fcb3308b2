#include "report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "report/markup.hpp"
#include "report/png_image.hpp"

namespace sprout::report {
namespace {

// Okabe & Ito (2008) colour-blind-safe palette, yellow last (weak on white).
constexpr std::array<const char*, 8> kPalette{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                              "#E69F00", "#56B4E9", "#000000", "#F0E442"};

std::string colour_of(const std::string& chosen, std::size_t index) {
  return chosen.empty() ? kPalette[index % kPalette.size()] : chosen;
}

std::string c(double value) {
  return format_coordinate(value);
}

// Maps values of one axis to pixels and knows its tick positions.
struct Scale {
  double lo = 0;
  double hi = 1;
  bool log = false;
  double pixel_lo = 0;  // pixel of `lo`
  double pixel_hi = 1;  // pixel of `hi`
  std::vector<double> ticks;

  [[nodiscard]] double map(double v) const {
    const double t = log ? (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo))
                         : (v - lo) / (hi - lo);
    return pixel_lo + t * (pixel_hi - pixel_lo);
  }
  [[nodiscard]] bool contains(double v) const {
    const double slack = 1e-9 * (hi - lo);
    return std::isfinite(v) && v >= lo - slack && v <= hi + slack && (!log || v > 0);
  }
};

double nice_step(double span) {
  const double raw = span / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normalised = raw / magnitude;
  const double nice = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
  return nice * magnitude;
}

// A scale for `axis` over `data` (finite values only), mapped onto [pixel_lo, pixel_hi].
Scale make_scale(const Axis& axis, const std::vector<double>& data, double pixel_lo,
                 double pixel_hi, bool include_zero = false) {
  Scale scale;
  scale.log = axis.log;
  scale.pixel_lo = pixel_lo;
  scale.pixel_hi = pixel_hi;
  double data_lo = std::numeric_limits<double>::infinity();
  double data_hi = -data_lo;
  for (const double v : data) {
    if (!std::isfinite(v)) continue;
    if (axis.log && v <= 0) {
      throw std::invalid_argument(fmt::format("log axis '{}' got value {} <= 0", axis.label, v));
    }
    data_lo = std::min(data_lo, v);
    data_hi = std::max(data_hi, v);
  }
  if (data_lo > data_hi) {  // no data
    data_lo = axis.log ? 1 : 0;
    data_hi = axis.log ? 10 : 1;
  }
  if (include_zero && !axis.log) {
    data_lo = std::min(data_lo, 0.0);
    data_hi = std::max(data_hi, 0.0);
  }
  if (axis.log) {
    scale.lo = axis.min.value_or(std::pow(10.0, std::floor(std::log10(data_lo))));
    scale.hi = axis.max.value_or(std::pow(10.0, std::ceil(std::log10(data_hi))));
    if (!(scale.lo > 0 && scale.hi > 0)) {
      throw std::invalid_argument(fmt::format("log axis '{}' needs a range > 0", axis.label));
    }
    if (scale.hi <= scale.lo) scale.hi = scale.lo * 10;
    const auto first = static_cast<int>(std::ceil(std::log10(scale.lo) - 1e-9));
    const auto last = static_cast<int>(std::floor(std::log10(scale.hi) + 1e-9));
    // Few decades: also 2x and 5x ticks so the axis has enough labels.
    const bool fine = last - first < 3;
    for (int decade = first - 1; decade <= last; ++decade) {
      for (const double mantissa : {1.0, 2.0, 5.0}) {
        if (mantissa != 1.0 && !fine) continue;
        const double v = mantissa * std::pow(10.0, decade);
        if (scale.contains(v)) scale.ticks.push_back(v);
      }
    }
    return scale;
  }
  if (data_hi == data_lo) {
    data_lo -= 1;
    data_hi += 1;
  }
  const double min_step = axis.whole_numbers ? 1.0 : 0.0;
  const double auto_step = std::max(min_step, nice_step(data_hi - data_lo));
  scale.lo = axis.min.value_or(std::floor(data_lo / auto_step) * auto_step);
  scale.hi = axis.max.value_or(std::ceil(data_hi / auto_step) * auto_step);
  if (!(scale.hi > scale.lo)) {
    throw std::invalid_argument(fmt::format("axis '{}' needs max > min", axis.label));
  }
  const double step = std::max(min_step, nice_step(scale.hi - scale.lo));
  for (auto k = static_cast<long long>(std::ceil(scale.lo / step - 1e-9));; ++k) {
    const double v = static_cast<double>(k) * step;
    if (v > scale.hi + 1e-9 * step) break;
    scale.ticks.push_back(std::abs(v) < 1e-12 * step ? 0.0 : v);
  }
  return scale;
}

std::string svg_open(double width, double height) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n",
      c(width), c(height));
}

void draw_title(std::string& svg, const std::string& title, double centre_x, double y) {
  if (title.empty()) return;
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"15\">{}</text>\n",
                     c(centre_x), c(y), escape_xml(title));
}

// Grid lines, axis lines, ticks, tick labels and axis labels. x_scale may be null (bars).
void draw_axes(std::string& svg, const ChartFrame& frame, const Scale* x_scale,
               const std::string& x_label, const Scale& y_scale, const std::string& y_label) {
  const double left = frame.plot_left();
  const double right = left + frame.plot_width();
  const double top = frame.plot_top();
  const double bottom = top + frame.plot_height();
  svg += "<g stroke=\"#dddddd\" stroke-width=\"1\">\n";
  for (const double tick : y_scale.ticks) {
    const double y = y_scale.map(tick);
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", c(left), c(y), c(right),
                       c(y));
  }
  if (x_scale != nullptr) {
    for (const double tick : x_scale->ticks) {
      const double x = x_scale->map(tick);
      svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", c(x), c(top), c(x),
                         c(bottom));
    }
  }
  svg += "</g>\n<g stroke=\"black\" stroke-width=\"1\">\n";
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", c(left), c(bottom),
                     c(right), c(bottom));
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", c(left), c(top), c(left),
                     c(bottom));
  for (const double tick : y_scale.ticks) {
    const double y = y_scale.map(tick);
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", c(left - 5), c(y),
                       c(left), c(y));
  }
  if (x_scale != nullptr) {
    for (const double tick : x_scale->ticks) {
      const double x = x_scale->map(tick);
      svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", c(x), c(bottom), c(x),
                         c(bottom + 5));
    }
  }
  svg += "</g>\n<g class=\"tick-labels\">\n";
  for (const double tick : y_scale.ticks) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", c(left - 8),
                       c(y_scale.map(tick) + 4), escape_xml(format_tick(tick)));
  }
  if (x_scale != nullptr) {
    for (const double tick : x_scale->ticks) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                         c(x_scale->map(tick)), c(bottom + 18), escape_xml(format_tick(tick)));
    }
  }
  svg += "</g>\n";
  if (!x_label.empty()) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       c((left + right) / 2), c(bottom + 40), escape_xml(x_label));
  }
  if (!y_label.empty()) {
    const double x = left - 52;
    const double y = (top + bottom) / 2;
    svg += fmt::format(
        "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" transform=\"rotate(-90 {0} {1})\">{2}"
        "</text>\n",
        c(x), c(y), escape_xml(y_label));
  }
}

enum class LegendMark { kLine, kMarker, kLineAndMarker, kBox };

struct LegendEntry {
  std::string name;
  std::string colour;
  LegendMark mark;
};

void draw_legend(std::string& svg, const ChartFrame& frame,
                 const std::vector<LegendEntry>& entries) {
  const double x = frame.plot_left() + frame.plot_width() + 14;
  double y = frame.plot_top() + 10;
  for (const LegendEntry& entry : entries) {
    if (entry.name.empty()) continue;
    if (entry.mark == LegendMark::kBox) {
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", c(x),
                         c(y - 6), entry.colour);
    }
    if (entry.mark == LegendMark::kLine || entry.mark == LegendMark::kLineAndMarker) {
      svg += fmt::format(
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>\n",
          c(x), c(y), c(x + 20), c(y), entry.colour);
    }
    if (entry.mark == LegendMark::kMarker || entry.mark == LegendMark::kLineAndMarker) {
      svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{}\"/>\n", c(x + 10), c(y),
                         entry.colour);
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", c(x + 26), c(y + 4),
                       escape_xml(entry.name));
    y += 18;
  }
}

// Characters as drawn (UTF-8 continuation bytes do not count).
std::size_t drawn_length(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}

// The frame, widened on the right so that the longest legend entry fits: the legend's
// text starts 40 px right of the plot, at most about 7.2 px per character of 12 px text.
ChartFrame fit_legend(ChartFrame frame, const std::vector<std::string>& names) {
  std::size_t longest = 0;
  for (const std::string& name : names)
    longest = std::max(longest, drawn_length(name));
  const double needed = 40 + 7.2 * static_cast<double>(longest) + 8;
  if (longest > 0 && needed > frame.margin_right) {
    frame.width += needed - frame.margin_right;
    frame.margin_right = needed;
  }
  return frame;
}

LegendMark legend_mark(SeriesStyle style) {
  switch (style) {
    case SeriesStyle::kLines:
      return LegendMark::kLine;
    case SeriesStyle::kMarkers:
      return LegendMark::kMarker;
    case SeriesStyle::kLinesAndMarkers:
      return LegendMark::kLineAndMarker;
  }
  return LegendMark::kLine;
}

// Diverging map for signed values in [-1, 1]: blue - white - red.
std::array<std::uint8_t, 3> diverging(double s) {
  const auto fade = static_cast<std::uint8_t>(std::lround(255.0 * (1.0 - std::abs(s))));
  return s >= 0 ? std::array<std::uint8_t, 3>{255, fade, fade}
                : std::array<std::uint8_t, 3>{fade, fade, 255};
}

// Colours of every pixel of every image, after each image's own scaling.
std::vector<std::array<std::uint8_t, 3>> image_colours(const ImageGrid& grid) {
  const std::size_t per_image = grid.image_height * grid.image_width;
  std::vector<std::array<std::uint8_t, 3>> colours(grid.pixels.size());
  for (std::size_t start = 0; start < grid.pixels.size(); start += per_image) {
    const auto image = grid.pixels.subspan(start, per_image);
    if (std::any_of(image.begin(), image.end(), [](float v) { return !std::isfinite(v); })) {
      throw std::invalid_argument("image grid: pixel values must be finite");
    }
    const auto [low, high] = std::minmax_element(image.begin(), image.end());
    for (std::size_t p = 0; p < per_image; ++p) {
      const double v = image[p];
      if (grid.scaling == ImageScaling::kMinMax) {
        const double range = double(*high) - double(*low);
        const auto grey =
            static_cast<std::uint8_t>(range > 0 ? std::lround(255.0 * (v - *low) / range) : 0);
        colours[start + p] = {grey, grey, grey};
      } else {
        const double extent = std::max(std::abs(double(*low)), std::abs(double(*high)));
        colours[start + p] = diverging(extent > 0 ? v / extent : 0.0);
      }
    }
  }
  return colours;
}

constexpr double kGridMargin = 10;
constexpr double kGridTitleHeight = 24;
constexpr double kGridSubtitleHeight = 18;
constexpr double kGridRowLabelWidth = 150;

double grid_top(const ImageGrid& grid) {
  return kGridMargin + (grid.title.empty() ? 0 : kGridTitleHeight) +
         (grid.subtitle.empty() ? 0 : kGridSubtitleHeight);
}

double grid_left(const ImageGrid& grid) {
  return kGridMargin + (grid.row_labels.empty() ? 0 : kGridRowLabelWidth);
}

std::size_t grid_rows(const ImageGrid& grid) {
  const std::size_t images = grid.pixels.size() / (grid.image_height * grid.image_width);
  return (images + grid.columns - 1) / grid.columns;
}

void check_grid(const ImageGrid& grid) {
  const std::size_t per_image = grid.image_height * grid.image_width;
  if (per_image == 0 || grid.columns == 0 || !(grid.pixel_size > 0)) {
    throw std::invalid_argument("image grid: image size, columns and pixel size must be > 0");
  }
  if (grid.pixels.size() % per_image != 0) {
    throw std::invalid_argument("image grid: pixel count is not a multiple of the image size");
  }
}

}  // namespace

std::string render_svg(const LineChart& chart) {
  std::vector<std::string> names;
  for (const Series& series : chart.series)
    names.push_back(series.name);
  const ChartFrame frame = fit_legend(chart.frame, names);
  std::vector<double> xs, ys;
  for (const Series& series : chart.series) {
    if (series.x.size() != series.y.size()) {
      throw std::invalid_argument(
          fmt::format("series '{}': x and y differ in length", series.name));
    }
    for (const auto& [low, high] :
         {std::pair{&series.x_low, &series.x_high}, std::pair{&series.y_low, &series.y_high}}) {
      const bool none = low->empty() && high->empty();
      if (!none && (low->size() != series.x.size() || high->size() != series.x.size())) {
        throw std::invalid_argument(fmt::format(
            "series '{}': a spread needs a low and a high value per point", series.name));
      }
    }
    xs.insert(xs.end(), series.x.begin(), series.x.end());
    ys.insert(ys.end(), series.y.begin(), series.y.end());
    xs.insert(xs.end(), series.x_low.begin(), series.x_low.end());
    xs.insert(xs.end(), series.x_high.begin(), series.x_high.end());
    ys.insert(ys.end(), series.y_low.begin(), series.y_low.end());
    ys.insert(ys.end(), series.y_high.begin(), series.y_high.end());
  }
  const double bottom = frame.plot_top() + frame.plot_height();
  const Scale x =
      make_scale(chart.x, xs, frame.plot_left(), frame.plot_left() + frame.plot_width());
  const Scale y = make_scale(chart.y, ys, bottom, frame.plot_top());

  std::string svg = svg_open(frame.width, frame.height);
  draw_title(svg, chart.title, frame.plot_left() + frame.plot_width() / 2, 24);
  draw_axes(svg, frame, &x, chart.x.label, y, chart.y.label);
  std::vector<LegendEntry> legend;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const Series& series = chart.series[s];
    const std::string colour = colour_of(series.colour, s);
    legend.push_back({series.name, colour, legend_mark(series.style)});
    // Points that are missing or outside the axes' ranges are gaps.
    const auto inside = [&](std::size_t i) {
      return x.contains(series.x[i]) && y.contains(series.y[i]);
    };
    if (series.style != SeriesStyle::kMarkers) {
      std::string points;
      const auto flush = [&] {
        if (points.find(' ') != std::string::npos) {
          svg += fmt::format(
              "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>\n", colour,
              points);
        }
        points.clear();
      };
      for (std::size_t i = 0; i < series.x.size(); ++i) {
        if (!inside(i)) {
          flush();
          continue;
        }
        if (!points.empty()) points += ' ';
        points += c(x.map(series.x[i])) + "," + c(y.map(series.y[i]));
      }
      flush();
    }
    // Whiskers: from low to high through the point, on each axis that has a spread, cut
    // at the axis's range; a non-finite end draws none.
    const auto whisker_ends = [](const Scale& scale, double low, double high) {
      return std::isfinite(low) && std::isfinite(high)
                 ? std::optional(std::pair{scale.map(std::clamp(low, scale.lo, scale.hi)),
                                           scale.map(std::clamp(high, scale.lo, scale.hi))})
                 : std::nullopt;
    };
    for (std::size_t i = 0; i < series.x.size(); ++i) {
      if (!inside(i)) continue;
      const double px = x.map(series.x[i]);
      const double py = y.map(series.y[i]);
      const auto across =
          series.x_low.empty() ? std::nullopt : whisker_ends(x, series.x_low[i], series.x_high[i]);
      const auto up =
          series.y_low.empty() ? std::nullopt : whisker_ends(y, series.y_low[i], series.y_high[i]);
      if (across) {
        svg += fmt::format(
            "<line class=\"spread\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\n",
            c(across->first), c(py), c(across->second), c(py), colour);
      }
      if (up) {
        svg += fmt::format(
            "<line class=\"spread\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\n",
            c(px), c(up->first), c(px), c(up->second), colour);
      }
    }
    if (series.style != SeriesStyle::kLines) {
      svg += fmt::format("<g fill=\"{}\">\n", colour);
      for (std::size_t i = 0; i < series.x.size(); ++i) {
        if (!inside(i)) continue;
        svg += fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3\"><title>{}: ({}, {})</title></circle>\n",
            c(x.map(series.x[i])), c(y.map(series.y[i])), escape_xml(series.name),
            format_tick(series.x[i]), format_tick(series.y[i]));
      }
      svg += "</g>\n";
    }
  }
  draw_legend(svg, frame, legend);
  svg += "</svg>\n";
  return svg;
}

std::string render_svg(const BarChart& chart) {
  std::vector<std::string> names;
  for (const BarSeries& series : chart.series)
    names.push_back(series.name);
  const ChartFrame frame = fit_legend(chart.frame, names);
  std::vector<double> values;
  for (const BarSeries& series : chart.series) {
    if (series.values.size() != chart.categories.size()) {
      throw std::invalid_argument(fmt::format("bar series '{}': {} values for {} categories",
                                              series.name, series.values.size(),
                                              chart.categories.size()));
    }
    values.insert(values.end(), series.values.begin(), series.values.end());
  }
  const double bottom = frame.plot_top() + frame.plot_height();
  const Scale y = make_scale(chart.y, values, bottom, frame.plot_top(), /*include_zero=*/true);
  // Bars grow from 0 (linear) or from the bottom of the axis (log).
  const double base = y.log ? y.lo : std::clamp(0.0, y.lo, y.hi);

  std::string svg = svg_open(frame.width, frame.height);
  draw_title(svg, chart.title, frame.plot_left() + frame.plot_width() / 2, 24);
  draw_axes(svg, frame, nullptr, chart.x_label, y, chart.y.label);
  const double slot = chart.categories.empty()
                          ? 0
                          : frame.plot_width() / static_cast<double>(chart.categories.size());
  const double bar_width =
      chart.series.empty() ? 0 : 0.8 * slot / static_cast<double>(chart.series.size());
  std::vector<LegendEntry> legend;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const BarSeries& series = chart.series[s];
    const std::string colour = colour_of(series.colour, s);
    legend.push_back({series.name, colour, LegendMark::kBox});
    svg += fmt::format("<g fill=\"{}\">\n", colour);
    for (std::size_t k = 0; k < chart.categories.size(); ++k) {
      const double v = series.values[k];
      if (!y.contains(v)) continue;
      const double x0 = frame.plot_left() + static_cast<double>(k) * slot + 0.1 * slot +
                        static_cast<double>(s) * bar_width;
      const double y_value = y.map(v);
      const double y_base = y.map(base);
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} / {}: {}</title></rect>\n",
          c(x0), c(std::min(y_value, y_base)), c(bar_width), c(std::abs(y_base - y_value)),
          escape_xml(chart.categories[k]), escape_xml(series.name), format_tick(v));
    }
    svg += "</g>\n";
  }
  // A category's label may have several lines ("\n"), one below the other.
  for (std::size_t k = 0; k < chart.categories.size(); ++k) {
    const std::string x = c(frame.plot_left() + (static_cast<double>(k) + 0.5) * slot);
    const std::string& label = chart.categories[k];
    std::string text;
    if (label.find('\n') == std::string::npos) {
      text = escape_xml(label);
    } else {
      std::string_view rest = label;
      for (bool first = true;; first = false) {
        const std::size_t end = rest.find('\n');
        text += fmt::format("<tspan x=\"{}\" dy=\"{}\">{}</tspan>", x, first ? 0 : 14,
                            escape_xml(std::string(rest.substr(0, end))));
        if (end == std::string_view::npos) break;
        rest = rest.substr(end + 1);
      }
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x,
                       c(bottom + 18), text);
  }
  draw_legend(svg, frame, legend);
  svg += "</svg>\n";
  return svg;
}

Point image_origin(const ImageGrid& grid, std::size_t index) {
  check_grid(grid);
  const double top = grid_top(grid);
  const std::size_t row = index / grid.columns;
  const std::size_t column = index % grid.columns;
  return {
      grid_left(grid) + static_cast<double>(column * (grid.image_width + 1) + 1) * grid.pixel_size,
      top + static_cast<double>(row * (grid.image_height + 1) + 1) * grid.pixel_size};
}

std::string render_svg(const ImageGrid& grid) {
  check_grid(grid);
  const std::size_t per_image = grid.image_height * grid.image_width;
  const std::size_t images = grid.pixels.size() / per_image;
  const std::size_t columns = std::min(grid.columns, std::max<std::size_t>(images, 1));
  // Grid in image pixels: a one-pixel gap around every image.
  const std::size_t bitmap_width = columns * (grid.image_width + 1) + 1;
  const std::size_t bitmap_height = grid_rows(grid) * (grid.image_height + 1) + 1;
  const double top = grid_top(grid);
  const double left = grid_left(grid);
  const double width = left + kGridMargin + static_cast<double>(bitmap_width) * grid.pixel_size;
  const double height = top + kGridMargin + static_cast<double>(bitmap_height) * grid.pixel_size;

  std::string svg = svg_open(width, height);
  draw_title(svg, grid.title, width / 2, kGridMargin + 15);
  if (!grid.subtitle.empty()) {
    svg +=
        fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\">{}</text>\n",
                    c(width / 2), c(top - 6), escape_xml(grid.subtitle));
  }
  for (std::size_t row = 0; row < grid.row_labels.size() && row < grid_rows(grid); ++row) {
    const double centre = image_origin(grid, row * grid.columns).y +
                          static_cast<double>(grid.image_height) * grid.pixel_size / 2;
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"middle\" "
        "font-size=\"12\">{}</text>\n",
        c(left - 8), c(centre), escape_xml(grid.row_labels[row]));
  }
  const std::vector<std::array<std::uint8_t, 3>> colours = image_colours(grid);
  if (grid.encoding == ImageEncoding::kPng) {
    RgbImage bitmap(std::max<std::size_t>(bitmap_width, 1), std::max<std::size_t>(bitmap_height, 1),
                    200);  // light grey gaps
    for (std::size_t n = 0; n < images; ++n) {
      const std::size_t x0 = (n % grid.columns) * (grid.image_width + 1) + 1;
      const std::size_t y0 = (n / grid.columns) * (grid.image_height + 1) + 1;
      for (std::size_t p = 0; p < per_image; ++p) {
        const auto& rgb = colours[n * per_image + p];
        bitmap.set(x0 + p % grid.image_width, y0 + p / grid.image_width, rgb[0], rgb[1], rgb[2]);
      }
    }
    svg += fmt::format(
        "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\" "
        "image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\" "
        "href=\"data:image/png;base64,{}\"/>\n",
        c(left), c(top), c(static_cast<double>(bitmap_width) * grid.pixel_size),
        c(static_cast<double>(bitmap_height) * grid.pixel_size), base64_encode(encode_png(bitmap)));
  } else {
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#c8c8c8\"/>\n",
                       c(left), c(top), c(static_cast<double>(bitmap_width) * grid.pixel_size),
                       c(static_cast<double>(bitmap_height) * grid.pixel_size));
    for (std::size_t n = 0; n < images; ++n) {
      const Point origin = image_origin(grid, n);
      for (std::size_t p = 0; p < per_image; ++p) {
        const auto& rgb = colours[n * per_image + p];
        svg += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#{:02x}{:02x}{:02x}\"/>\n",
            c(origin.x + static_cast<double>(p % grid.image_width) * grid.pixel_size),
            c(origin.y + static_cast<double>(p / grid.image_width) * grid.pixel_size),
            c(grid.pixel_size), c(grid.pixel_size), rgb[0], rgb[1], rgb[2]);
      }
    }
  }
  svg += "</svg>\n";
  return svg;
}

std::string render_svg(const SpikeRaster& raster) {
  if (raster.times_ms.size() != raster.neurons.size()) {
    throw std::invalid_argument("spike raster: times and neuron ids differ in length");
  }
  if (!(raster.t_end_ms > raster.t_start_ms) || raster.neuron_count == 0) {
    throw std::invalid_argument("spike raster: needs t_end_ms > t_start_ms and neurons > 0");
  }
  const ChartFrame& frame = raster.frame;
  const double bottom = frame.plot_top() + frame.plot_height();
  const Axis time_axis{.label = "time (ms)", .min = raster.t_start_ms, .max = raster.t_end_ms};
  const Axis neuron_axis{
      .label = "neuron", .min = 0.0, .max = static_cast<double>(raster.neuron_count)};
  const Scale x =
      make_scale(time_axis, {}, frame.plot_left(), frame.plot_left() + frame.plot_width());
  const Scale y = make_scale(neuron_axis, {}, bottom, frame.plot_top());

  std::string svg = svg_open(frame.width, frame.height);
  draw_title(svg, raster.title, frame.plot_left() + frame.plot_width() / 2, 24);
  draw_axes(svg, frame, &x, time_axis.label, y, neuron_axis.label);
  // The labels have a white outline, so that the dots under them do not hide them.
  if (raster.first_hidden > 0 && raster.first_hidden < raster.neuron_count) {
    const double line = y.map(static_cast<double>(raster.first_hidden));
    const double right = frame.plot_left() + frame.plot_width();
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#D55E00\" stroke-width=\"1\" "
        "stroke-dasharray=\"6 3\"/>\n"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#D55E00\" stroke=\"white\" "
        "stroke-width=\"3\" paint-order=\"stroke\">hidden neurons</text>\n"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#D55E00\" stroke=\"white\" "
        "stroke-width=\"3\" paint-order=\"stroke\">inputs</text>\n",
        c(frame.plot_left()), c(line), c(right), c(line), c(right - 4), c(line - 4), c(right - 4),
        c(line + 14));
  }
  svg += "<g fill=\"black\">\n";
  for (std::size_t i = 0; i < raster.times_ms.size(); ++i) {
    if (raster.neurons[i] >= raster.neuron_count) {
      throw std::invalid_argument(fmt::format("spike raster: neuron id {} >= neuron count {}",
                                              raster.neurons[i], raster.neuron_count));
    }
    if (!x.contains(raster.times_ms[i])) continue;
    svg +=
        fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>\n", c(x.map(raster.times_ms[i])),
                    c(y.map(static_cast<double>(raster.neurons[i]) + 0.5)), c(raster.dot_radius));
  }
  svg += "</g>\n</svg>\n";
  return svg;
}

}  // namespace sprout::report
