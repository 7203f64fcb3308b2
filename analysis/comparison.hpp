#pragma once
// The model of `sprout compare` (results/comparison_report.hpp, docs/formats.md): reads
// the results of the structural rule, of one or more BP runs and optionally of a BP
// sweep through their schemas (results/), and computes every metric of docs/metrics.md
// side by side. The HTML page is rendered from the report alone
// (report/comparison_html.hpp).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/energy.hpp"
#include "analysis/information.hpp"
#include "results/comparison_report.hpp"

namespace sprout::analysis {

struct ComparisonRequest {
  std::filesystem::path structural;  // results.json of `sprout train`
  // Further results.json of `sprout train` (other seeds or sizes), drawn with their spread.
  std::vector<std::filesystem::path> more_structural;
  std::vector<std::filesystem::path> bp;       // results.json of `sprout bp`, one or more
  std::optional<std::filesystem::path> sweep;  // sweep.json of `sprout bp sweep`
  // table2.json of `sprout paper-table`
  std::optional<std::filesystem::path> paper_table;
  // front.json of scripts/structural_front
  std::optional<std::filesystem::path> structural_front;
  EnergyCosts costs{};
  double tolerance_points = 0.5;  // of the over-parameterisation factor
  BootstrapOptions bootstrap{};   // of I(prediction; label)
  std::string command_line{};     // as typed, for the provenance
};

// Throws std::runtime_error with one line "<file>: <key>: <problem>" for a missing or
// unreadable file, a file of another kind, or a missing or mistyped key.
[[nodiscard]] results::ComparisonReport compare_runs(const ComparisonRequest& request);

}  // namespace sprout::analysis
