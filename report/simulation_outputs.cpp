#include "report/simulation_outputs.hpp"

#include <string>

#include "engine/atomic_file.hpp"
#include "engine/spike_recorder.hpp"

namespace sprout::report {
namespace {

std::filesystem::path sibling(const std::filesystem::path& out, const std::string& suffix) {
  std::filesystem::path path = out;
  path.replace_extension();
  path += suffix;
  return path;
}

void write_counts_csv(const std::filesystem::path& path, const models::PresentationResult& result,
                      const encoders::LabelledImages& test, std::size_t first_image) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << "image,label";
    for (std::uint32_t j = 0; j < result.hidden; ++j)
      out << ",h" << j;
    out << '\n';
    for (std::size_t k = 0; k < result.images; ++k) {
      out << first_image + k << ',' << int{test.labels[first_image + k]};
      for (std::uint32_t c : result.counts_of(k))
        out << ',' << c;
      out << '\n';
    }
  });
}

}  // namespace

results::SimulateFiles simulation_files(const std::filesystem::path& out) {
  return {sibling(out, ".counts.csv").filename().string(),
          sibling(out, ".raster.bin").filename().string(),
          sibling(out, ".raster.csv").filename().string()};
}

void write_simulation_outputs(const std::filesystem::path& out, const analysis::SimulationRun& run,
                              const encoders::LabelledImages& test, std::size_t first_image) {
  const std::filesystem::path folder = out.parent_path();
  const results::SimulateFiles& files = run.results.files;
  write_counts_csv(folder / files.hidden_counts_csv, run.presentation, test, first_image);
  engine::write_raster_binary(folder / files.raster_first_image,
                              run.presentation.first_image_raster);
  engine::write_raster_csv(folder / files.raster_first_image_csv,
                           run.presentation.first_image_raster);
  results::write_results_file(out, run.results);
}

}  // namespace sprout::report
