#pragma once
// The self-contained HTML page of `sprout compare`, rendered from the report alone
// (results/comparison_report.hpp) plus the structural run's receptive fields and spike
// raster that its "structural_files" names. Every number of a table carries
// id="<its path in report.json>" and data-value="<its JSON value>", so the page can be
// checked against report.json (tests/cli/compare.sh).

#include <string>

#include "results/comparison_report.hpp"

namespace sprout::report {

// Throws std::runtime_error naming the file when a listed receptive-field or raster file
// cannot be read.
[[nodiscard]] std::string comparison_html(const results::ComparisonReport& report);

// How the page prints a number: value * scale rounded to an integer when it is one or when
// its magnitude is 1000 or more, else with four significant digits (printf "%.4g").
[[nodiscard]] std::string display_number(double value, double scale = 1.0);

}  // namespace sprout::report
