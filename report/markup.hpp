#pragma once
// Text helpers shared by the SVG and HTML writers.

#include <string>
#include <string_view>

namespace sprout::report {

// Escapes & < > " ' so that any text is safe in XML/HTML content and attribute values.
[[nodiscard]] std::string escape_xml(std::string_view text);

// A pixel coordinate with two decimals ("12.50"): enough for any screen, compact in files.
[[nodiscard]] std::string format_coordinate(double value);

// A short axis or value label: 0.5, 12, 1e-05 -> "1e-05"; 25000 -> "25k", 3e6 -> "3M".
[[nodiscard]] std::string format_tick(double value);

}  // namespace sprout::report
