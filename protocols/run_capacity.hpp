#pragma once
// What every run of the paper's protocol does after training: its capacity measured with
// the run's seed and written beside its results as capacity.json (as `sprout capacity
// --out` writes it), and the numbers that go into the table.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "analysis/paper_capacity.hpp"
#include "analysis/paper_table.hpp"
#include "protocols/paper_plan.hpp"

namespace sprout::protocols {

// The estimator's settings with the run's seed.
[[nodiscard]] analysis::VibSettings seeded(analysis::VibSettings vib, std::uint64_t seed);

// DIR/capacity.json: the provenance with `config` (what was measured on which images) and
// c_s_paper.
void write_capacity_file(const std::filesystem::path& folder, const nlohmann::json& config,
                         const analysis::PaperCapacity& capacity);

[[nodiscard]] analysis::PaperRunMeasures run_measures(const PaperRunPlan& run, double test_accuracy,
                                                      const analysis::PaperCapacity& capacity);

}  // namespace sprout::protocols
