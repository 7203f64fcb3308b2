// `sprout probe`: what limits a trained network's accuracy, the readout, the spiking noise
// or the learned weights (analysis/code_probe.hpp, docs/model.md).

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/probe_run.hpp"
#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "io/output_folder.hpp"
#include "results/probe_results.hpp"

namespace sprout::apps {
namespace {

struct ProbeOptions {
  analysis::ProbeRequest request;
  std::optional<std::string> out;  // absent: no result file; given, it must be a usable path
  bool force = false;
};

void print_accuracy_line(const std::string& measure, const results::ProbeAccuracy& accuracy,
                         const std::string& note) {
  fmt::print("{:<36} test {:6.2f}%  train {:6.2f}%  {}\n", measure, 100 * accuracy.test,
             100 * accuracy.train, note);
}

void run_probe(const ProbeOptions& o) {
  if (o.out) {
    const std::vector<std::filesystem::path> inputs = {o.request.network, o.request.data_dir};
    io::check_output_file(*o.out, "--out", inputs, o.force);
  }
  const auto start = std::chrono::steady_clock::now();
  const results::ProbeResults results =
      analysis::probe_saved_network(o.request, [&](const std::string& stage) {
        fmt::print(stderr, "[{:6.1f} s] {}\n",
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                   stage);
      });
  const results::CodeProbeReport& report = results.report;
  const std::string images =
      fmt::format("({} training, {} test images)", report.probe_train_images, report.test_images);
  print_accuracy_line("network readout", report.network_readout, images);
  const std::string epochs = fmt::format("({} epochs)", o.request.probe.probe.epochs);
  print_accuracy_line("linear probe on spike counts", report.spike_count_probe, epochs);
  for (const results::CosineProbe& cosine : report.cosine_probes) {
    print_accuracy_line(fmt::format("linear probe on cosine top-{} code", cosine.k),
                        cosine.accuracy, epochs);
  }
  fmt::print("{:.1f} s\n", results.wall_s);
  if (o.out) results::write_results_file(*o.out, results);
}

}  // namespace

void add_probe_command(CLI::App& app) {
  auto o = std::make_shared<ProbeOptions>();
  analysis::ProbeRequest& request = o->request;
  CLI::App* cmd = app.add_subcommand(
      "probe",
      "What limits a trained network's accuracy: its readout against a converged linear "
      "probe on its spike counts and on a noise-free cosine code of its weights");
  add_data_dir_option(*cmd, request.data_dir);
  cmd->add_option("--network", request.network, "Network file written by sprout train")->required();
  cmd->add_option("--probe-train", request.probe.probe_train_images,
                  "Fit the probes to the first N training images")
      ->capture_default_str();
  cmd->add_option("--probe-epochs", request.probe.probe.epochs, "Passes of the probe over them")
      ->capture_default_str();
  cmd->add_option(
         "--probe-learning-rate", request.probe.probe.learning_rate,
         "Probe step at epoch 0, per mean squared normalised code (falls as 1 / (1 + 0.3 epoch))")
      ->capture_default_str();
  cmd->add_option("--top-k", request.probe.top_k,
                  "K of the cosine top-K codes (1 to hidden - 1; repeat for several)")
      ->capture_default_str();
  cmd->add_option("--test-limit", request.test_limit, "Test on the first N test images");
  add_threads_option(*cmd, request.threads, "Threads (results do not depend on it)");
  cmd->add_option("--out", o->out, "Optional result JSON (every accuracy and the options)");
  cmd->add_flag("--force", o->force, "Replace an existing --out file");
  cmd->callback([o] {
    require_one_rank("probe");
    run_probe(*o);
  });
}

}  // namespace sprout::apps
