// `sprout eval`: loads a network written by `sprout train` and evaluates it on the test set.

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/network_evaluation.hpp"
#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "io/output_folder.hpp"
#include "results/eval_results.hpp"

namespace sprout::apps {
namespace {

struct EvalOptions {
  analysis::EvaluationRequest request;
  std::optional<std::string> out;  // absent: no result file; given, it must be a usable path
  bool force = false;
};

void run_eval(const EvalOptions& o) {
  if (o.out) {
    const std::vector<std::filesystem::path> inputs = {o.request.network, o.request.data_dir};
    io::check_output_file(*o.out, "--out", inputs, o.force);
  }
  const analysis::NetworkEvaluation evaluation = analysis::evaluate_saved_network(o.request);
  const results::EvalResults& results = evaluation.results;
  fmt::print(
      "{}: test accuracy {:.2f}% on {} images presented for {} ms; {} realised synapses ({} "
      "consolidated); {:.0f} synaptic events per image; {:.1f} s\n",
      o.request.network, 100 * results.test_accuracy, evaluation.test_images,
      evaluation.t_present_ms, results.realised_synapses, results.consolidated_synapses,
      results.synaptic_events_per_image, results.wall_s);
  if (o.out) results::write_results_file(*o.out, results);
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  analysis::EvaluationRequest& request = o->request;
  CLI::App* cmd =
      app.add_subcommand("eval", "Evaluate a trained network (network.bin) on the MNIST test set");
  add_data_dir_option(*cmd, request.data_dir);
  cmd->add_option("--network", request.network, "Network file written by sprout train")->required();
  cmd->add_option("--test-limit", request.test_limit, "Evaluate on the first N test images")
      ->check(CLI::PositiveNumber);
  add_threads_option(*cmd, request.threads, "Threads (results do not depend on it)");
  cmd->add_option("--t-present-ms", request.t_present_ms,
                  "Present each test image this long instead of the training time (the readout "
                  "reads rates, so counts are rescaled), 1 to 100000 ms")
      ->check(in_range(1.0, 100000.0));
  cmd->add_option("--shared-inhibition", request.shared_inhibition,
                  "Override network.shared_inhibition (true/false): deliver each inhibitory "
                  "spike as one shared event or to every neuron one by one (same dynamics)");
  add_classes_option(*cmd, request.classes,
                     "Evaluate on the test images of these of the network's digits only, e.g. "
                     "1,2 (default: all the network learnt)");
  cmd->add_option("--out", o->out, "Optional result JSON (accuracy and every prediction)");
  cmd->add_flag("--force", o->force, "Replace an existing --out file");
  cmd->callback([o] {
    require_one_rank("eval");
    run_eval(*o);
  });
}

}  // namespace sprout::apps
