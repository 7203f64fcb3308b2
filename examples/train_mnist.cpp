// Trains the structural rule on MNIST from code: a config built in C++, the training loop
// with an observer that prints each epoch, the final measures, and the files `sprout
// train` leaves (results.json, network.bin) in OUT.
//
//   train_mnist DATA_DIR OUT [TRAIN_IMAGES]

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <sprout/analysis/structural_run_results.hpp>
#include <sprout/encoders/class_subset.hpp>
#include <sprout/models/structural/structural_config.hpp>
#include <sprout/models/structural/training_run.hpp>
#include <sprout/results/schema.hpp>
#include <string>

namespace {

// Prints what the run does; every callback of TrainingObserver is optional.
class PrintEpochs : public sprout::models::TrainingObserver {
 public:
  void pass_started(std::string_view name, std::size_t images) override {
    std::printf("%.*s: %zu images\n", static_cast<int>(name.size()), name.data(), images);
  }
  void epoch_finished(const sprout::models::EpochRecord& record) override {
    std::printf("epoch %zu: test accuracy %.4f, realised synapses %zu\n", record.epoch,
                record.test_accuracy, record.synapses.realised);
  }
};

}  // namespace

int main(int argc, char** argv) try {
  using namespace sprout;
  if (argc < 3) {
    std::fprintf(stderr, "usage: train_mnist DATA_DIR OUT [TRAIN_IMAGES]\n");
    return 2;
  }
  const std::filesystem::path data_dir = argv[1];
  const std::filesystem::path out = argv[2];
  std::filesystem::create_directories(out);

  // The shipped default model (configs/mnist_structural.json), made small: 100 hidden
  // neurons, two epochs (the hidden layer learns in the first), a subset of the images.
  models::StructuralConfig config;
  config.network.hidden = 100;
  config.epochs = 2;
  config.train_limit = argc > 3 ? std::stoul(argv[3]) : 1000;
  config.test_limit = 200;
  config.data.classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  config.threads = 2;
  models::apply_scaling_rules(config);  // winners and inhibition for 100 neurons

  const encoders::Mnist mnist = encoders::load_mnist(data_dir, config.data.classes);
  models::TrainingRun run(config, mnist);
  PrintEpochs observer;
  run.run(observer, out / "checkpoint.bin");

  analysis::FinalEvaluations final{run.final_test(observer), {}};
  final.train = run.final_train(observer, run.split().train);
  const analysis::RunSource source{"", data_dir.string()};
  results::write_results_file(out / "results.json",
                              analysis::structural_run_results(run, source, &final));
  run.learner().save(out / "network.bin");
  std::printf("final test accuracy %.4f; wrote %s and %s\n", final.test.accuracy(),
              (out / "results.json").c_str(), (out / "network.bin").c_str());
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "train_mnist: error: %s\n", error.what());
  return 1;
}
