#pragma once
// A BP run of the paper's protocol (standard or non-negative sparse BP, as the run's config
// says): trained into its own results folder as `sprout bp` leaves one (results.json,
// weights.bin), so `sprout compare` reads it, then its capacity.json (run_capacity.hpp).

#include <filesystem>

#include "analysis/paper_table.hpp"
#include "analysis/variational_information.hpp"
#include "protocols/paper_plan.hpp"

namespace sprout::protocols {

// On the data of `data_dir`; I(X;Z) of the hidden layer's ReLU activations.
[[nodiscard]] analysis::PaperRunMeasures run_bp_reference(const PaperRunPlan& run,
                                                          const std::filesystem::path& data_dir,
                                                          const std::filesystem::path& folder,
                                                          const analysis::VibSettings& vib);

}  // namespace sprout::protocols
