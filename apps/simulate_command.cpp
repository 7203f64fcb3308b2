// `sprout simulate`: presents MNIST test images to 784 spike-source inputs -> H LIF
// neurons with random connectivity and weights, and writes spike counts, the raster of
// the first image, exact SynOp counts and timing (analysis/simulation_workload.hpp).

#include <fmt/format.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/simulation_workload.hpp"
#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "apps/progress.hpp"
#include "encoders/mnist.hpp"
#include "io/output_folder.hpp"
#include "report/simulation_outputs.hpp"

namespace sprout::apps {
namespace {

struct SimulateOptions {
  analysis::SimulationWorkload workload;
  std::string out = "simulate.json";
  bool quiet = false;
  bool force = false;
};

void run_simulate(const SimulateOptions& o) {
  const analysis::SimulationWorkload& w = o.workload;
  // The same bounds as the training config's keys (encoder.max_rate_hz, t_present_ms,
  // network.hidden): past them a run only exhausts memory or time.
  const auto check = [](const char* option, double value, double limit) {
    if (!(value <= limit)) {
      throw std::invalid_argument(
          fmt::format("{}: {:g} is out of range; allowed: up to {:g}", option, value, limit));
    }
  };
  check("--max-rate-hz", w.encoding.max_rate_hz, 10000.0);
  check("--t-present-ms", w.encoding.duration_ms, 100000.0);
  check("--hidden", static_cast<double>(w.network.hidden), 100000.0);
  const std::vector<std::filesystem::path> inputs = {w.data_dir};
  io::check_output_file(o.out, "--out", inputs, o.force);
  const auto test = encoders::load_mnist_split(w.data_dir, encoders::MnistSplit::kTest);
  if (w.first_image + w.images > test.count) {
    throw std::invalid_argument(
        fmt::format("--images {} from --first-image {} exceeds the {} test images", w.images,
                    w.first_image, test.count));
  }
  ProgressLine progress("simulate", w.images);
  std::function<void(std::size_t, std::size_t)> on_images;
  if (!o.quiet) on_images = [&](std::size_t done, std::size_t) { progress.update(done); };
  const analysis::SimulationRun run =
      analysis::run_simulation_workload(w, test, report::simulation_files(o.out), on_images);
  if (!o.quiet) progress.finish();
  report::write_simulation_outputs(o.out, run, test, w.first_image);

  const results::SimulateResults& r = run.results;
  fmt::print("images {}  synapses {}  synaptic events {}  input spikes {}  hidden spikes {}\n",
             w.images, r.synapses, r.synaptic_events, r.input_spikes, r.hidden_spikes);
  fmt::print(
      "wall {:.3f} s  {:.1f} M synaptic events/s  (cpu {:.3f} s, {:.1f} M/cpu-s; {} threads; {} B "
      "per synapse on the hot path)\n",
      r.wall_s, static_cast<double>(r.synaptic_events) / r.wall_s / 1e6, r.cpu_s,
      static_cast<double>(r.synaptic_events) / r.cpu_s / 1e6, w.threads, r.bytes_per_synapse);
  if (r.raster_first_image_truncated) {
    fmt::print(stderr, "warning: raster of the first image truncated at {} spikes ({} dropped)\n",
               w.raster_max_spikes, run.presentation.first_image_raster_dropped);
  }
  fmt::print("wrote {}\n", o.out);
}

}  // namespace

void add_simulate_command(CLI::App& app) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "simulate",
      "Present MNIST test images as spike trains to 784 inputs -> H LIF neurons (random "
      "connectivity and weights); write spike counts, a raster, SynOp counts and timing");
  auto& w = o->workload;
  add_data_dir_option(*cmd, w.data_dir);
  auto& n = w.network;
  auto& lif = n.lif;
  cmd->add_option("--images", w.images, "Number of test images")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--first-image", w.first_image, "Index of the first test image")
      ->capture_default_str();
  cmd->add_option("--hidden", n.hidden, "Hidden LIF neurons")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--connectivity", n.connectivity, "Input->hidden connection probability, 0 to 1")
      ->capture_default_str()
      ->check(in_range(0.0, 1.0));
  cmd->add_option("--t-present-ms", w.encoding.duration_ms, "Presentation time per image (ms)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-rate-hz", w.encoding.max_rate_hz,
                  "Input rate of a white pixel (rate = max x pixel/255)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--encoder", w.encoder, "Spike encoder: poisson, regular or latency")
      ->capture_default_str()
      ->check(CLI::IsMember({"poisson", "regular", "latency"}));
  add_threads_option(*cmd, w.threads, "Threads (images run in parallel)");
  cmd->add_option("--seed", n.seed, "Seed of connectivity, weights and input spikes")
      ->capture_default_str();
  cmd->add_option("--out", o->out,
                  "Result JSON; beside it the same name with its extension replaced: "
                  "sim.json writes sim.counts.csv and sim.raster.{bin,csv}")
      ->capture_default_str();
  cmd->add_flag("--force", o->force, "Replace an existing --out file and the files beside it");
  cmd->add_option("--weight-low", n.weight_low, "Initial weights uniform in [low, high)")
      ->capture_default_str();
  cmd->add_option("--weight-high", n.weight_high, "Initial weights uniform in [low, high)")
      ->capture_default_str();
  cmd->add_option("--tau-m-ms", lif.tau_m_ms, "Membrane time constant (ms); inf for IF")
      ->capture_default_str();
  cmd->add_option("--v-threshold", lif.v_threshold, "Firing threshold")->capture_default_str();
  cmd->add_option("--v-reset", lif.v_reset, "Reset potential")->capture_default_str();
  cmd->add_option("--v-rest", lif.v_rest, "Resting potential")->capture_default_str();
  cmd->add_option("--refractory-ms", lif.refractory_ms, "Absolute refractory period (ms)")
      ->capture_default_str();
  cmd->add_option("--input-delay-ms", n.input_delay_ms, "Input->hidden synaptic delay (ms)")
      ->capture_default_str();
  cmd->add_option("--inhibition-weight", n.inhibition_weight,
                  "Lateral inhibition: voltage jump (<= 0) on every other hidden neuron; 0 = off")
      ->capture_default_str();
  cmd->add_option("--inhibition-delay-ms", n.inhibition_delay_ms, "Lateral inhibition delay (ms)")
      ->capture_default_str();
  cmd->add_option("--shared-inhibition", n.shared_inhibition,
                  "true: deliver each inhibitory spike as one shared event; false: to every "
                  "neuron one by one (same dynamics, slower)")
      ->default_str(n.shared_inhibition ? "true" : "false");
  cmd->add_option("--raster-max-spikes", w.raster_max_spikes,
                  "Budget of the first image's raster; beyond it spikes are dropped and counted")
      ->capture_default_str();
  cmd->add_flag("--quiet", o->quiet, "No progress line");
  cmd->callback([o] {
    require_one_rank("simulate");
    run_simulate(*o);
  });
}

}  // namespace sprout::apps
