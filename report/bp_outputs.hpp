#pragma once
// The files `sprout bp` and `sprout bp sweep` write into their folder: results.json and
// weights.bin of a run, sweep.json and sweep.csv of a sweep.

#include <filesystem>
#include <span>
#include <string>

#include "analysis/bp_report.hpp"

namespace sprout::report {

// Writes weights.bin (the input scaling folded in, so the file's network takes the
// unscaled features) and results.json of `run`; returns the results written.
results::BpResults write_bp_outputs(const std::filesystem::path& folder, const models::BpRun& run,
                                    const models::BpConfig& config, const models::BpData& data,
                                    const std::string& budget_source);

// Writes sweep.csv and sweep.json; returns the results written.
results::BpSweepResults write_bp_sweep_outputs(const std::filesystem::path& folder,
                                               std::span<const models::BpSweepPoint> points,
                                               const models::BpSweepConfig& config,
                                               double total_wall_s);

}  // namespace sprout::report
