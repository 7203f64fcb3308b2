#include "report/training_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "analysis/receptive_fields.hpp"
#include "engine/atomic_file.hpp"
#include "engine/spike_recorder.hpp"
#include "models/spiking/image_simulation.hpp"
#include "report/svg_chart.hpp"
#include "results/train_results.hpp"

namespace sprout::report {
namespace {

// Ten per class at 3 px per pixel: readable at a glance, where all neurons of a large
// network at 2 px made a picture thousands of pixels high.
constexpr std::size_t kFieldsPerClass = 10;

void write_receptive_fields(const std::filesystem::path& path,
                            const models::StructuralLearner& learner,
                            const encoders::LabelledImages& images) {
  const analysis::ReceptiveFieldSample sample =
      analysis::sample_receptive_fields(learner.synapses(), learner.readout(), kFieldsPerClass);
  ImageGrid grid;
  grid.title = fmt::format(
      "Receptive fields by preferred class ({} of {} hidden neurons; {} without a class)",
      sample.neurons.size(), learner.synapses().hidden(), sample.without_preference);
  grid.subtitle =
      "red: consolidated synapse, blue: silent, white: none; each field scaled to its "
      "largest weight";
  grid.image_height = images.rows;
  grid.image_width = images.cols;
  grid.columns = kFieldsPerClass;
  grid.pixel_size = 3;
  grid.scaling = ImageScaling::kSymmetric;
  // One row per class that has neurons, padded with blank fields to a full row, labelled
  // with the digit (the readout's class c is the c-th of the learnt digits).
  const encoders::ClassList& digits = learner.config().data.classes;
  const std::size_t per_image = images.rows * images.cols;
  std::vector<float> pixels;
  std::size_t next = 0;
  for (std::size_t c = 0; c < sample.neurons_per_class.size(); ++c) {
    const auto shown = static_cast<std::size_t>(
        std::count(sample.classes.begin(), sample.classes.end(), static_cast<std::uint32_t>(c)));
    if (shown == 0) continue;
    grid.row_labels.push_back(fmt::format("digit {}: {} of {}", static_cast<int>(digits.at(c)),
                                          shown, sample.neurons_per_class[c]));
    const auto first =
        sample.signed_weights.begin() + static_cast<std::ptrdiff_t>(next * per_image);
    pixels.insert(pixels.end(), first, first + static_cast<std::ptrdiff_t>(shown * per_image));
    pixels.resize(pixels.size() + (kFieldsPerClass - shown) * per_image, 0.0F);
    next += shown;
  }
  grid.pixels = pixels;
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
