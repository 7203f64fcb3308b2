#pragma once
// The model of `sprout compare` (docs/formats.md, "Comparison report"): reads the results
// of the structural rule, of one or more BP runs and optionally of a BP sweep, checks
// that each file is of the expected kind and has every field needed, and computes every
// metric of docs/metrics.md side by side. The result is report.json; the HTML page is
// rendered from it alone (analysis/comparison_html.hpp).

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/energy.hpp"
#include "analysis/information.hpp"

namespace sprout::analysis {

struct ComparisonRequest {
  std::filesystem::path structural;            // results.json of `sprout train`
  std::vector<std::filesystem::path> bp;       // results.json of `sprout bp`, one or more
  std::optional<std::filesystem::path> sweep;  // sweep.json of `sprout bp sweep`
  EnergyCosts costs{};
  double tolerance_points = 0.5;  // of the over-parameterisation factor
  BootstrapOptions bootstrap{};   // of I(prediction; label)
  std::string command_line{};     // as typed, for the provenance
};

// Throws std::runtime_error with one line "<file>: <field>: <problem>" for a missing or
// unreadable file, a file of another kind, or a missing or mistyped field.
[[nodiscard]] nlohmann::json compare_runs(const ComparisonRequest& request);

// A value of a JSON document at a dotted path ("final.synapses.realised"; array elements
// by index), or nullptr when absent. Shared with the HTML rendering.
[[nodiscard]] const nlohmann::json* find_path(const nlohmann::json& document,
                                              std::string_view dotted_path);

}  // namespace sprout::analysis
