#pragma once
// The files a finished structural training run leaves in its folder besides results.json:
// network.bin, receptive_fields.svg and the raster of test image 0 (.bin and .csv).

#include <filesystem>

#include "models/structural/training_run.hpp"

namespace sprout::report {

void write_training_outputs(const std::filesystem::path& folder, const models::TrainingRun& run);

}  // namespace sprout::report
