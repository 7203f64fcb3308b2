#pragma once
// The structural rule's run of the paper's protocol: trained into its own results folder as
// `sprout train` leaves one (results.json, network.bin, receptive_fields.svg, the raster of
// test image 0), so `sprout compare` reads it, then its capacity.json (run_capacity.hpp).

#include <filesystem>

#include "analysis/paper_table.hpp"
#include "analysis/variational_information.hpp"
#include "encoders/mnist.hpp"
#include "models/structural/training_run.hpp"
#include "protocols/paper_plan.hpp"

namespace sprout::protocols {

// `data` is loaded with the run's classes. I(X;Z) is measured on the final network's hidden
// spike counts as its final evaluations recorded them (no further simulation), so it equals
// `sprout capacity --network` on the network file with the same images and encoder seed.
[[nodiscard]] analysis::PaperRunMeasures run_structural_rule(const PaperRunPlan& run,
                                                             const encoders::Mnist& data,
                                                             const std::filesystem::path& data_dir,
                                                             const std::filesystem::path& folder,
                                                             const analysis::VibSettings& vib,
                                                             models::TrainingObserver& observer);

}  // namespace sprout::protocols
