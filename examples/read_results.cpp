// Reads what a structural training run left in its folder (`sprout train` or the
// train_mnist example): results.json through its typed schema and network.bin as a
// learner, and prints the run's epochs and the network's synapses.
//
//   read_results RUN_DIR

#include <cstdio>
#include <exception>
#include <filesystem>
#include <sprout/models/structural/structural_learner.hpp>
#include <sprout/results/schema.hpp>
#include <sprout/results/train_results.hpp>

int main(int argc, char** argv) try {
  using namespace sprout;
  if (argc != 2) {
    std::fprintf(stderr, "usage: read_results RUN_DIR\n");
    return 2;
  }
  const std::filesystem::path run = argv[1];

  // Any other kind of results file, or a missing key, is refused in one line.
  const auto results = results::read_results_file<results::TrainResults>(run / "results.json");
  std::printf("sprout %s (%s), %zu training and %zu test images\n",
              results.provenance.sprout_version.c_str(), results.provenance.git_revision.c_str(),
              results.train_images, results.test_images);
  for (const models::EpochRecord& epoch : results.epochs)
    std::printf("  epoch %zu: test accuracy %.4f, %zu realised synapses\n", epoch.epoch,
                epoch.test_accuracy, epoch.synapses.realised);
  if (results.final)
    std::printf("finished: final test accuracy %.4f\n", results.final->epoch.test_accuracy);

  const models::StructuralLearner learner = models::StructuralLearner::load(run / "network.bin");
  const models::SynapseCounts counts = learner.synapses().counts();
  std::printf(
      "network.bin: %zu inputs -> %zu hidden -> %zu classes; synapses potential %zu, "
      "realised %zu (silent %zu, consolidated %zu)\n",
      learner.synapses().inputs(), learner.synapses().hidden(), learner.readout().classes(),
      counts.potential, counts.realised, counts.silent, counts.consolidated);
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "read_results: error: %s\n", error.what());
  return 1;
}
