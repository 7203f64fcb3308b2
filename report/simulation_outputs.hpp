#pragma once
// The files `sprout simulate` writes: the results JSON at OUT and beside it
// OUT-stem.counts.csv (hidden spike counts per image), OUT-stem.raster.bin and
// OUT-stem.raster.csv (the first image's raster).

#include <cstddef>
#include <filesystem>

#include "analysis/simulation_workload.hpp"
#include "encoders/mnist.hpp"
#include "results/simulate_results.hpp"

namespace sprout::report {

// The names of the files beside `out`, as the results list them.
[[nodiscard]] results::SimulateFiles simulation_files(const std::filesystem::path& out);

// Writes the files of `run`; `test` is the set its images came from, `first_image` the
// index of the first.
void write_simulation_outputs(const std::filesystem::path& out, const analysis::SimulationRun& run,
                              const encoders::LabelledImages& test, std::size_t first_image);

}  // namespace sprout::report
