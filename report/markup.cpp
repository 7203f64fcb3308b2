#include "report/markup.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace sprout::report {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_coordinate(double value) {
  std::string text = fmt::format("{:.2f}", value);
  return text == "-0.00" ? "0.00" : text;
}

std::string format_tick(double value) {
  struct Prefix {
    double scale;
    const char* suffix;
  };
  static constexpr std::array<Prefix, 3> kPrefixes{{{1e9, "G"}, {1e6, "M"}, {1e3, "k"}}};
  if (std::abs(value) >= 1e4) {
    for (const Prefix& prefix : kPrefixes) {
      if (std::abs(value) >= prefix.scale) {
        return fmt::format("{:.4g}{}", value / prefix.scale, prefix.suffix);
      }
    }
  }
  if (std::abs(value) < 1e-12) return "0";
  return fmt::format("{:.4g}", value);
}

}  // namespace sprout::report
