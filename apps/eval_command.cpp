// `sprout eval`: loads a network written by `sprout train` and evaluates it on the test set.

#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"
#include "io/results_file.hpp"
#include "models/structural/structural_learner.hpp"

namespace sprout::apps {
namespace {

struct EvalOptions {
  std::string network;
  std::string data_dir;
  std::optional<std::size_t> test_limit;
  std::optional<int> threads;
  std::optional<double> t_present_ms;
  std::optional<bool> shared_inhibition;
  std::optional<std::string> classes;
  std::string out;
};

void run_eval(const EvalOptions& o) {
  models::StructuralLearner learner = models::StructuralLearner::load(o.network);
  if (o.threads) learner.set_threads(*o.threads);
  if (o.t_present_ms) learner.set_presentation_ms(*o.t_present_ms);
  if (o.shared_inhibition) learner.set_shared_inhibition(*o.shared_inhibition);
  const encoders::ClassList& network_classes = learner.config().data.classes;
  const encoders::ClassList classes =
      o.classes ? encoders::parse_class_list(*o.classes, "--classes") : network_classes;
  const auto test = encoders::load_mnist_split_for(o.data_dir, encoders::MnistSplit::kTest, classes,
                                                   network_classes, "--classes");
  const std::size_t count = o.test_limit ? std::min(*o.test_limit, test.count) : test.count;
  const auto start = std::chrono::steady_clock::now();
  const models::EvaluationResult eval = learner.evaluate(test, count);
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto synapses = learner.synapses().counts();
  const double events_per_image =
      static_cast<double>(eval.counters.synaptic_events()) / static_cast<double>(count);
  fmt::print(
      "{}: test accuracy {:.2f}% on {} images presented for {} ms; {} realised synapses ({} "
      "consolidated); {:.0f} synaptic events per image; {:.1f} s\n",
      o.network, 100 * eval.accuracy(), count, learner.config().encoder.duration_ms,
      synapses.realised, synapses.consolidated, events_per_image, wall_s);
  if (!o.out.empty()) {
    nlohmann::json config = {{"network", o.network},
                             {"data_dir", o.data_dir},
                             {"test_images", count},
                             {"classes", classes},
                             {"t_present_ms", learner.config().encoder.duration_ms},
                             {"shared_inhibition", learner.config().network.shared_inhibition}};
    nlohmann::json document = io::provenance("eval", config);
    document["test_accuracy"] = eval.accuracy();
    document["realised_synapses"] = synapses.realised;
    document["consolidated_synapses"] = synapses.consolidated;
    document["predictions"] = eval.predictions;
    document["synaptic_events_per_image"] = events_per_image;
    document["wall_s"] = wall_s;
    io::write_json_atomically(o.out, document);
  }
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* cmd =
      app.add_subcommand("eval", "Evaluate a trained network (network.bin) on the MNIST test set");
  add_data_dir_option(*cmd, o->data_dir);
  cmd->add_option("--network", o->network, "Network file written by sprout train")->required();
  cmd->add_option("--test-limit", o->test_limit, "Evaluate on the first N test images")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threads", o->threads, "Threads")->check(CLI::Range(1, 1024));
  cmd->add_option("--t-present-ms", o->t_present_ms,
                  "Present each test image this long instead of the training time (the readout "
                  "reads rates, so counts are rescaled)")
      ->check(CLI::Range(1.0, 100000.0));
  cmd->add_option("--shared-inhibition", o->shared_inhibition,
                  "Override network.shared_inhibition (true/false): deliver each inhibitory "
                  "spike as one shared event or to every neuron one by one (same dynamics)");
  add_classes_option(*cmd, o->classes,
                     "Evaluate on the test images of these of the network's digits only, e.g. "
                     "1,2 (default: all the network learnt)");
  cmd->add_option("--out", o->out, "Optional result JSON (accuracy and every prediction)");
  cmd->callback([o] { run_eval(*o); });
}

}  // namespace sprout::apps
