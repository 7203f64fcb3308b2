// `sprout simulate`: presents MNIST test images to 784 spike-source inputs -> H LIF
// neurons with random connectivity and weights, and writes spike counts, the raster of
// the first image, exact SynOp counts and timing.

#include <fmt/format.h>

#include <time.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>

#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "apps/progress.hpp"
#include "encoders/mnist.hpp"
#include "engine/atomic_file.hpp"
#include "engine/spike_recorder.hpp"
#include "io/results_file.hpp"
#include "models/spiking/feedforward_network.hpp"
#include "models/spiking/image_simulation.hpp"

namespace sprout::apps {
namespace {

// CPU time of all threads of this process: on a shared machine it shows the work done,
// where wall time also shows what other processes took.
double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct SimulateOptions {
  std::string data_dir;
  std::size_t images = 100;
  std::size_t first_image = 0;
  std::string encoder = "poisson";
  models::FeedForwardSpec network;
  encoders::EncoderParameters encoding;
  int threads = 1;
  std::string out = "simulate.json";
  std::size_t raster_max_spikes = 2'000'000;
  bool quiet = false;
};

nlohmann::json to_json(const SimulateOptions& o) {
  const auto& n = o.network;
  const auto& lif = n.lif;
  return {{"data_dir", o.data_dir},
          {"images", o.images},
          {"first_image", o.first_image},
          {"encoder", o.encoder},
          {"t_present_ms", o.encoding.duration_ms},
          {"max_rate_hz", o.encoding.max_rate_hz},
          {"inputs", n.inputs},
          {"hidden", n.hidden},
          {"connectivity", n.connectivity},
          {"weight_low", n.weight_low},
          {"weight_high", n.weight_high},
          {"input_delay_ms", n.input_delay_ms},
          {"inhibition_weight", n.inhibition_weight},
          {"inhibition_delay_ms", n.inhibition_delay_ms},
          {"shared_inhibition", n.shared_inhibition},
          {"neuron",
           {{"model", std::isinf(lif.tau_m_ms) ? "if" : "lif"},
            {"tau_m_ms",
             std::isinf(lif.tau_m_ms) ? nlohmann::json("inf") : nlohmann::json(lif.tau_m_ms)},
            {"v_rest", lif.v_rest},
            {"v_reset", lif.v_reset},
            {"v_threshold", lif.v_threshold},
            {"refractory_ms", lif.refractory_ms}}},
          {"threads", o.threads},
          {"seed", n.seed},
          {"raster_max_spikes", o.raster_max_spikes}};
}

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

void run_simulate(SimulateOptions o) {
  o.encoding.kind = encoders::parse_encoder_kind(o.encoder);
  const auto test = encoders::load_mnist_split(o.data_dir, encoders::MnistSplit::kTest);
  if (o.first_image + o.images > test.count) {
    throw std::invalid_argument(
        fmt::format("--images {} from --first-image {} exceeds the {} test images", o.images,
                    o.first_image, test.count));
  }
  o.network.inputs = static_cast<std::uint32_t>(test.pixels_per_image());

  const auto build_start = std::chrono::steady_clock::now();
  const models::FeedForwardNetwork net = models::build_feedforward(o.network);
  const double build_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - build_start).count();
  const engine::Projection& input_projection = net.network.projection(net.input_to_hidden);

  ProgressLine progress("simulate", o.images);
  models::PresentationOptions presentation;
  presentation.encoder = o.encoding;
  presentation.seed = o.network.seed;
  presentation.threads = o.threads;
  presentation.raster_max_spikes = o.raster_max_spikes;
  if (!o.quiet)
    presentation.progress = [&](std::size_t done, std::size_t) { progress.update(done); };

  const auto start = std::chrono::steady_clock::now();
  const double cpu_start_s = process_cpu_seconds();
  const models::PresentationResult result =
      models::present_images(net, test, o.first_image, o.images, presentation);
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_s = process_cpu_seconds() - cpu_start_s;
  if (!o.quiet) progress.finish();

  const auto& counters = result.counters;
  const std::uint64_t synaptic_events = counters.synaptic_events();
  const std::uint64_t input_spikes = counters.populations[net.input].spikes;
  const std::uint64_t hidden_spikes = counters.populations[net.hidden].spikes;
  nlohmann::json projections = nlohmann::json::array();
  for (std::size_t p = 0; p < net.network.projections().size(); ++p) {
    const auto& projection = net.network.projection(static_cast<engine::ProjectionId>(p));
    projections.push_back({{"name", projection.name()},
                           {"synapses", projection.synapse_count()},
                           {"synaptic_events", counters.projections[p].synaptic_events},
                           {"queue_events", counters.projections[p].queue_events},
                           {"synaptic_events_per_image",
                            static_cast<double>(counters.projections[p].synaptic_events) /
                                static_cast<double>(o.images)},
                           {"hot_path_bytes_per_synapse", projection.hot_path_bytes_per_synapse()},
                           {"total_bytes_per_synapse", projection.total_bytes_per_synapse()}});
  }
  const double seconds_presented = static_cast<double>(o.images) * o.encoding.duration_ms / 1000.0;

  const auto counts_path = sibling(o.out, ".counts.csv");
  const auto raster_path = sibling(o.out, ".raster.bin");
  const auto raster_csv_path = sibling(o.out, ".raster.csv");
  nlohmann::json document = io::provenance("simulate", to_json(o));
  document["synaptic_events"] = synaptic_events;
  document["synaptic_events_per_image"] = static_cast<double>(synaptic_events) / o.images;
  document["input_spikes"] = input_spikes;
  document["hidden_spikes"] = hidden_spikes;
  document["hidden_rate_hz"] =
      static_cast<double>(hidden_spikes) / (seconds_presented * o.network.hidden);
  document["neuron_state_updates"] = counters.populations[net.hidden].state_updates;
  document["queue_events"] = counters.events_processed;
  document["wall_s"] = wall_s;
  document["cpu_s"] = cpu_s;
  document["events_per_cpu_s"] = static_cast<double>(synaptic_events) / cpu_s;
  document["build_s"] = build_s;
  document["events_per_s"] = static_cast<double>(synaptic_events) / wall_s;
  document["synapses"] = input_projection.synapse_count();
  document["bytes_per_synapse"] = input_projection.hot_path_bytes_per_synapse();
  document["total_bytes_per_synapse"] = input_projection.total_bytes_per_synapse();
  document["projections"] = projections;
  document["files"] = {{"hidden_counts_csv", counts_path.filename().string()},
                       {"raster_first_image", raster_path.filename().string()},
                       {"raster_first_image_csv", raster_csv_path.filename().string()}};
  document["raster_first_image_spikes"] = result.first_image_raster.size();
  document["raster_first_image_truncated"] = result.first_image_raster_dropped > 0;

  write_counts_csv(counts_path, result, test, o.first_image);
  engine::write_raster_binary(raster_path, result.first_image_raster);
  engine::write_raster_csv(raster_csv_path, result.first_image_raster);
  io::write_json_atomically(o.out, document);

  fmt::print("images {}  synapses {}  synaptic events {}  input spikes {}  hidden spikes {}\n",
             o.images, input_projection.synapse_count(), synaptic_events, input_spikes,
             hidden_spikes);
  fmt::print(
      "wall {:.3f} s  {:.1f} M synaptic events/s  (cpu {:.3f} s, {:.1f} M/cpu-s; {} threads; {} B "
      "per synapse on the hot path)\n",
      wall_s, static_cast<double>(synaptic_events) / wall_s / 1e6, cpu_s,
      static_cast<double>(synaptic_events) / cpu_s / 1e6, o.threads,
      input_projection.hot_path_bytes_per_synapse());
  if (result.first_image_raster_dropped > 0) {
    fmt::print(stderr, "warning: raster of the first image truncated at {} spikes ({} dropped)\n",
               o.raster_max_spikes, result.first_image_raster_dropped);
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
  add_data_dir_option(*cmd, o->data_dir);
  auto& n = o->network;
  auto& lif = n.lif;
  cmd->add_option("--images", o->images, "Number of test images")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--first-image", o->first_image, "Index of the first test image")
      ->capture_default_str();
  cmd->add_option("--hidden", n.hidden, "Hidden LIF neurons")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--connectivity", n.connectivity, "Input->hidden connection probability")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--t-present-ms", o->encoding.duration_ms, "Presentation time per image (ms)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-rate-hz", o->encoding.max_rate_hz,
                  "Input rate of a white pixel (rate = max x pixel/255)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--encoder", o->encoder, "Spike encoder: poisson, regular or latency")
      ->capture_default_str()
      ->check(CLI::IsMember({"poisson", "regular", "latency"}));
  cmd->add_option("--threads", o->threads, "Threads (images run in parallel)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", n.seed, "Seed of connectivity, weights and input spikes")
      ->capture_default_str();
  cmd->add_option("--out", o->out,
                  "Result JSON; beside it <out>.counts.csv and <out>.raster.{bin,csv}")
      ->capture_default_str();
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
  cmd->add_flag("--shared-inhibition", n.shared_inhibition,
                "Deliver each inhibitory spike as one shared event (same dynamics, faster)");
  cmd->add_option("--raster-max-spikes", o->raster_max_spikes,
                  "Budget of the first image's raster; beyond it spikes are dropped and counted")
      ->capture_default_str();
  cmd->add_flag("--quiet", o->quiet, "No progress line");
  cmd->callback([o] { run_simulate(*o); });
}

}  // namespace sprout::apps
