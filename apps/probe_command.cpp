// `sprout probe`: what limits a trained network's accuracy, the readout, the spiking noise
// or the learned weights (analysis/code_probe.hpp, docs/model.md).

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/code_probe.hpp"
#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "io/results_file.hpp"
#include "models/structural/structural_learner.hpp"

namespace sprout::apps {
namespace {

struct ProbeOptions {
  std::string network;
  std::string data_dir;
  analysis::CodeProbeOptions probe;
  std::optional<std::size_t> test_limit;
  std::optional<int> threads;
  std::string out;
};

void print_accuracy_line(const std::string& measure, const analysis::ProbeAccuracy& accuracy,
                         const std::string& note) {
  fmt::print("{:<36} test {:6.2f}%  train {:6.2f}%  {}\n", measure, 100 * accuracy.test,
             100 * accuracy.train, note);
}

void run_probe(ProbeOptions o) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed_s = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  models::StructuralLearner learner = models::StructuralLearner::load(o.network);
  if (o.threads) learner.set_threads(*o.threads);
  const auto& classes = learner.config().data.classes;
  const auto train = encoders::load_mnist_split(o.data_dir, encoders::MnistSplit::kTrain, classes);
  const auto test = encoders::load_mnist_split(o.data_dir, encoders::MnistSplit::kTest, classes);
  o.probe.test_images = o.test_limit ? std::min(*o.test_limit, test.count) : test.count;
  const analysis::CodeProbeReport report =
      analysis::probe_network(learner, train, test, o.probe, [&](const std::string& stage) {
        fmt::print(stderr, "[{:6.1f} s] {}\n", elapsed_s(), stage);
      });
  const double wall_s = elapsed_s();

  const std::string images =
      fmt::format("({} training, {} test images)", report.probe_train_images, report.test_images);
  print_accuracy_line("network readout", report.network_readout, images);
  const std::string epochs = fmt::format("({} epochs)", o.probe.probe.epochs);
  print_accuracy_line("linear probe on spike counts", report.spike_count_probe, epochs);
  for (const analysis::CosineProbe& cosine : report.cosine_probes) {
    print_accuracy_line(fmt::format("linear probe on cosine top-{} code", cosine.k),
                        cosine.accuracy, epochs);
  }
  fmt::print("{:.1f} s\n", wall_s);

  if (!o.out.empty()) {
    const nlohmann::json config = {{"network", o.network},
                                   {"data_dir", o.data_dir},
                                   {"probe_train_images", report.probe_train_images},
                                   {"test_images", report.test_images},
                                   {"top_k", o.probe.top_k},
                                   {"probe", o.probe.probe}};
    nlohmann::json document = io::provenance("probe", config);
    document.update(nlohmann::json(report));
    document["wall_s"] = wall_s;
    io::write_json_atomically(o.out, document);
  }
}

}  // namespace

void add_probe_command(CLI::App& app) {
  auto o = std::make_shared<ProbeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "probe",
      "What limits a trained network's accuracy: its readout against a converged linear "
      "probe on its spike counts and on a noise-free cosine code of its weights");
  add_data_dir_option(*cmd, o->data_dir);
  cmd->add_option("--network", o->network, "Network file written by sprout train")->required();
  cmd->add_option("--probe-train", o->probe.probe_train_images,
                  "Fit the probes to the first N training images")
      ->capture_default_str();
  cmd->add_option("--probe-epochs", o->probe.probe.epochs, "Passes of the probe over them")
      ->capture_default_str();
  cmd->add_option(
         "--probe-learning-rate", o->probe.probe.learning_rate,
         "Probe step at epoch 0, per mean squared normalised code (falls as 1 / (1 + 0.3 epoch))")
      ->capture_default_str();
  cmd->add_option("--top-k", o->probe.top_k,
                  "K of the cosine top-K codes (1 to hidden - 1; repeat for several)")
      ->capture_default_str();
  cmd->add_option("--test-limit", o->test_limit, "Test on the first N test images");
  cmd->add_option("--threads", o->threads, "Threads")->check(CLI::Range(1, 1024));
  cmd->add_option("--out", o->out, "Optional result JSON (every accuracy and the options)");
  cmd->callback([o] { run_probe(*o); });
}

}  // namespace sprout::apps
