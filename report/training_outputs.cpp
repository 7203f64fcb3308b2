#include "report/training_outputs.hpp"

#include "engine/atomic_file.hpp"
#include "engine/spike_recorder.hpp"
#include "models/spiking/image_simulation.hpp"
#include "report/svg_chart.hpp"
#include "results/train_results.hpp"

namespace sprout::report {
namespace {

void write_receptive_fields(const std::filesystem::path& path,
                            const models::StructuralLearner& learner,
                            const encoders::LabelledImages& images) {
  ImageGrid grid;
  grid.title = "Input weights of the hidden neurons (receptive fields)";
  grid.pixels = learner.synapses().weights();
  grid.image_height = images.rows;
  grid.image_width = images.cols;
  grid.columns = 25;
  grid.pixel_size = 2;
  write_text_atomically(path, render_svg(grid));
}

void write_test_raster(const std::filesystem::path& folder, const results::TrainFiles& names,
                       const models::StructuralLearner& learner,
                       const encoders::LabelledImages& test) {
  models::PresentationOptions options;
  options.encoder = learner.config().encoder;
  options.seed = learner.config().seed;
  options.raster_max_spikes = 1'000'000;
  const auto result = models::present_images(learner.network(), test, 0, 1, options);
  engine::write_raster_binary(folder / names.raster_test_image_0, result.first_image_raster);
  engine::write_raster_csv(folder / names.raster_test_image_0_csv, result.first_image_raster);
}

}  // namespace

void write_training_outputs(const std::filesystem::path& folder, const models::TrainingRun& run) {
  const results::TrainFiles names;
  run.learner().save(folder / names.network);
  write_receptive_fields(folder / names.receptive_fields, run.learner(), run.data().train);
  write_test_raster(folder, names, run.learner(), run.data().test);
}

}  // namespace sprout::report
