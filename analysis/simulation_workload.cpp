#include "analysis/simulation_workload.hpp"

#include <time.h>

#include <chrono>
#include <cmath>

namespace sprout::analysis {
namespace {

using nlohmann::json;

// CPU time of all threads of this process: on a shared machine it shows the work done,
// where wall time also shows what other processes took.
double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

json to_json(const SimulationWorkload& w) {
  const auto& n = w.network;
  const auto& lif = n.lif;
  return {{"data_dir", w.data_dir},
          {"images", w.images},
          {"first_image", w.first_image},
          {"encoder", w.encoder},
          {"t_present_ms", w.encoding.duration_ms},
          {"max_rate_hz", w.encoding.max_rate_hz},
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
            {"tau_m_ms", std::isinf(lif.tau_m_ms) ? json("inf") : json(lif.tau_m_ms)},
            {"v_rest", lif.v_rest},
            {"v_reset", lif.v_reset},
            {"v_threshold", lif.v_threshold},
            {"refractory_ms", lif.refractory_ms}}},
          {"threads", w.threads},
          {"seed", n.seed},
          {"raster_max_spikes", w.raster_max_spikes}};
}

SimulationRun run_simulation_workload(
    SimulationWorkload workload, const encoders::LabelledImages& test,
    const results::SimulateFiles& files,
    const std::function<void(std::size_t done, std::size_t total)>& progress) {
  workload.encoding.kind = encoders::parse_encoder_kind(workload.encoder);
  workload.network.inputs = static_cast<std::uint32_t>(test.pixels_per_image());

  const auto build_start = std::chrono::steady_clock::now();
  const models::FeedForwardNetwork net = models::build_feedforward(workload.network);
  const double build_s = seconds_since(build_start);
  const engine::Projection& input_projection = net.network.projection(net.input_to_hidden);

  models::PresentationOptions presentation;
  presentation.encoder = workload.encoding;
  presentation.seed = workload.network.seed;
  presentation.threads = workload.threads;
  presentation.raster_max_spikes = workload.raster_max_spikes;
  presentation.progress = progress;

  const auto start = std::chrono::steady_clock::now();
  const double cpu_start_s = process_cpu_seconds();
  SimulationRun run;
  run.presentation =
      models::present_images(net, test, workload.first_image, workload.images, presentation);
  const double wall_s = seconds_since(start);
  const double cpu_s = process_cpu_seconds() - cpu_start_s;

  const auto& counters = run.presentation.counters;
  const std::size_t images = workload.images;
  results::SimulateResults& r = run.results;
  r.provenance = results::provenance_of_this_build("simulate", to_json(workload));
  r.synaptic_events = counters.synaptic_events();
  r.synaptic_events_per_image = static_cast<double>(r.synaptic_events) / images;
  r.input_spikes = counters.populations[net.input].spikes;
  r.hidden_spikes = counters.populations[net.hidden].spikes;
  const double seconds_presented =
      static_cast<double>(images) * workload.encoding.duration_ms / 1000.0;
  r.hidden_rate_hz =
      static_cast<double>(r.hidden_spikes) / (seconds_presented * workload.network.hidden);
  r.neuron_state_updates = counters.populations[net.hidden].state_updates;
  r.queue_events = counters.events_processed;
  r.wall_s = wall_s;
  r.cpu_s = cpu_s;
  r.events_per_cpu_s = static_cast<double>(r.synaptic_events) / cpu_s;
  r.build_s = build_s;
  r.events_per_s = static_cast<double>(r.synaptic_events) / wall_s;
  r.synapses = input_projection.synapse_count();
  r.bytes_per_synapse = input_projection.hot_path_bytes_per_synapse();
  r.total_bytes_per_synapse = input_projection.total_bytes_per_synapse();
  for (std::size_t p = 0; p < net.network.projections().size(); ++p) {
    const auto& projection = net.network.projection(static_cast<engine::ProjectionId>(p));
    r.projections.push_back(
        {projection.name(), projection.synapse_count(), counters.projections[p].synaptic_events,
         counters.projections[p].queue_events,
         static_cast<double>(counters.projections[p].synaptic_events) / static_cast<double>(images),
         projection.hot_path_bytes_per_synapse(), projection.total_bytes_per_synapse()});
  }
  r.files = files;
  r.raster_first_image_spikes = run.presentation.first_image_raster.size();
  r.raster_first_image_truncated = run.presentation.first_image_raster_dropped > 0;
  return run;
}

}  // namespace sprout::analysis
