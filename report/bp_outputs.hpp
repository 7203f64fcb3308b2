#pragma once
// The files a BP run leaves in its folder (docs/bp.md, "Output"): weights.bin, with the
// input scaling folded in so that the file's network takes pixel/255, and results.json
// with the measures `sprout compare` reads.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "models/bp/bp_config.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/bp_training.hpp"

namespace sprout::report {

// Writes weights.bin and results.json of `run` (trained on `data` with `config`) into
// `folder`, which must exist; returns the results written. `budget_source` names where a
// budget came from ("" if none).
nlohmann::json write_bp_outputs(const std::filesystem::path& folder, const models::BpRun& run,
                                const models::BpConfig& config, const models::BpData& data,
                                const std::string& budget_source);

}  // namespace sprout::report
