// One trial of a network: given input spikes, simulated exactly from event to event, with
// spikes, spike counts, membrane traces and operation counts returned as arrays.

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "array_views.hpp"
#include "bindings.hpp"
#include "counters_dict.hpp"
#include "engine/membrane_recorder.hpp"
#include "engine/simulation.hpp"
#include "engine/spike_recorder.hpp"
#include "interruption.hpp"
#include "network_handle.hpp"

namespace sprout::python {

py::dict counters_dict(const engine::SimulationCounters& counters) {
  std::vector<std::uint64_t> synaptic_events;
  std::vector<std::uint64_t> queue_events;
  for (const auto& p : counters.projections) {
    synaptic_events.push_back(p.synaptic_events);
    queue_events.push_back(p.queue_events);
  }
  std::vector<std::uint64_t> spikes;
  std::vector<std::uint64_t> state_updates;
  for (const auto& p : counters.populations) {
    spikes.push_back(p.spikes);
    state_updates.push_back(p.state_updates);
  }
  return py::dict(py::arg("synaptic_events") = counters.synaptic_events(),
                  py::arg("events_processed") = counters.events_processed,
                  py::arg("projection_synaptic_events") = take(std::move(synaptic_events)),
                  py::arg("projection_queue_events") = take(std::move(queue_events)),
                  py::arg("population_spikes") = take(std::move(spikes)),
                  py::arg("population_state_updates") = take(std::move(state_updates)));
}

namespace {

// Simulated time between two polls for Ctrl-C.
constexpr double kPollEveryMs = 50.0;

class SimulationHandle {
 public:
  explicit SimulationHandle(std::shared_ptr<NetworkHandle> network)
      : network_(std::move(network)) {}

  py::dict run(double duration_ms, const py::object& inputs, std::uint64_t seed,
               std::uint64_t sample, std::size_t max_spikes, const py::object& membrane,
               double membrane_interval_ms, double membrane_budget_mb);

  [[nodiscard]] const std::shared_ptr<NetworkHandle>& network() const { return network_; }

 private:
  // Made again when populations were added since.
  engine::Simulation& simulation();

  std::shared_ptr<NetworkHandle> network_;
  std::unique_ptr<engine::Simulation> simulation_;
  std::size_t populations_ = 0;
};

struct SourceSpikes {
  engine::PopulationId population;
  ArrayArg<double> t_ms;
  ArrayArg<std::uint32_t> neuron;
};

// The recorders are the caller's: detached again however the trial ends.
class AttachedRecorders {
 public:
  AttachedRecorders(engine::Simulation& simulation, engine::SpikeRecorder* spikes,
                    engine::MembraneRecorder* membrane)
      : simulation_(simulation) {
    simulation.set_spike_recorder(spikes);
    simulation.set_membrane_recorder(membrane);
  }
  AttachedRecorders(const AttachedRecorders&) = delete;
  AttachedRecorders& operator=(const AttachedRecorders&) = delete;
  ~AttachedRecorders() {
    simulation_.set_spike_recorder(nullptr);
    simulation_.set_membrane_recorder(nullptr);
  }

 private:
  engine::Simulation& simulation_;
};

engine::Simulation& SimulationHandle::simulation() {
  const std::size_t populations = network_->network().populations().size();
  if (!simulation_ || populations != populations_) {
    simulation_ = std::make_unique<engine::Simulation>(network_->network());
    populations_ = populations;
  }
  return *simulation_;
}

py::dict SimulationHandle::run(double duration_ms, const py::object& inputs, std::uint64_t seed,
                               std::uint64_t sample, std::size_t max_spikes,
                               const py::object& membrane, double membrane_interval_ms,
                               double membrane_budget_mb) {
  if (!(duration_ms >= 0.0) || !std::isfinite(duration_ms)) {
    throw std::invalid_argument(
        fmt::format("duration_ms = {} must be finite and >= 0", duration_ms));
  }
  const engine::Network& network = network_->network();
  std::vector<SourceSpikes> sources;
  if (!inputs.is_none()) {
    for (const auto& [population, spikes] : inputs.cast<py::dict>()) {
      const auto pair = spikes.cast<py::tuple>();
      if (pair.size() != 2) {
        throw std::invalid_argument("inputs: expected {population: (t_ms, neuron)}");
      }
      sources.push_back({population_id(*network_, population), pair[0].cast<ArrayArg<double>>(),
                         pair[1].cast<ArrayArg<std::uint32_t>>()});
      if (sources.back().t_ms.size() != sources.back().neuron.size()) {
        throw std::invalid_argument(fmt::format("inputs of '{}': {} times and {} neurons",
                                                network.population(sources.back().population).name,
                                                sources.back().t_ms.size(),
                                                sources.back().neuron.size()));
      }
    }
  }
  std::optional<engine::MembraneRecorder> membrane_recorder;
  engine::PopulationId membrane_population = 0;
  if (!membrane.is_none()) {
    const auto pair = membrane.cast<py::tuple>();
    if (pair.size() != 2) throw std::invalid_argument("membrane: expected (population, neurons)");
    membrane_population = population_id(*network_, pair[0]);
    const auto& info = network.population(membrane_population);
    std::vector<engine::NeuronId> neurons;
    for (std::uint32_t n : span_of(pair[1].cast<ArrayArg<std::uint32_t>>())) {
      if (n >= info.size) {
        throw std::invalid_argument(fmt::format("membrane: neuron {} is not in '{}' ({} neurons)",
                                                n, info.name, info.size));
      }
      neurons.push_back(info.offset + n);
    }
    membrane_recorder.emplace(std::move(neurons), membrane_interval_ms, duration_ms,
                              static_cast<std::size_t>(membrane_budget_mb * 1024 * 1024));
  }
  engine::SpikeRecorder spike_recorder(max_spikes);
  engine::Simulation& simulation = this->simulation();
  Interruption interruption;
  {
    const AttachedRecorders attached(simulation, max_spikes > 0 ? &spike_recorder : nullptr,
                                     membrane_recorder ? &*membrane_recorder : nullptr);
    py::gil_scoped_release release;
    simulation.start_trial(seed, sample);
    for (const SourceSpikes& source : sources) {
      simulation.add_source_spikes(source.population, span_of(source.t_ms), span_of(source.neuron));
    }
    for (double t_ms = 0.0; t_ms < duration_ms;) {
      t_ms = std::min(t_ms + kPollEveryMs, duration_ms);
      simulation.run_until(t_ms);
      interruption.poll();
    }
  }

  // Spikes by population, in time order, with indices within the population.
  const std::size_t population_count = network.populations().size();
  std::vector<std::vector<double>> spike_t(population_count);
  std::vector<std::vector<std::uint32_t>> spike_neuron(population_count);
  for (const engine::RecordedSpike& spike : spike_recorder.sorted()) {
    const engine::PopulationId p = network.population_of(spike.neuron);
    spike_t[p].push_back(spike.t_ms);
    spike_neuron[p].push_back(spike.neuron - network.population(p).offset);
  }
  py::dict spikes;
  py::dict counts;
  for (std::size_t p = 0; p < population_count; ++p) {
    const auto& info = network.population(static_cast<engine::PopulationId>(p));
    spikes[py::str(info.name)] = py::dict(py::arg("t_ms") = take(std::move(spike_t[p])),
                                          py::arg("neuron") = take(std::move(spike_neuron[p])));
    const auto c = simulation.spike_counts(static_cast<engine::PopulationId>(p));
    counts[py::str(info.name)] = take(std::vector<std::uint32_t>(c.begin(), c.end()));
  }
  py::dict result(py::arg("duration_ms") = duration_ms, py::arg("spikes") = spikes,
                  py::arg("dropped_spikes") = spike_recorder.dropped(), py::arg("counts") = counts,
                  py::arg("counters") = counters_dict(simulation.counters()));
  if (membrane_recorder) {
    const engine::MembraneRecorder& r = *membrane_recorder;
    const std::size_t neurons = r.neurons().size();
    const std::size_t samples = r.samples_taken();
    std::vector<double> v(samples * neurons);
    std::vector<double> t_ms(samples);
    std::vector<std::uint32_t> ids;
    for (std::size_t k = 0; k < samples; ++k) {
      t_ms[k] = static_cast<double>(k) * r.interval_ms();
      for (std::size_t i = 0; i < neurons; ++i)
        v[k * neurons + i] = r.value(i, k);
    }
    const auto& info = network.population(membrane_population);
    for (engine::NeuronId n : r.neurons())
      ids.push_back(n - info.offset);
    result["membrane"] = py::dict(
        py::arg("population") = info.name, py::arg("neurons") = take(std::move(ids)),
        py::arg("t_ms") = take(std::move(t_ms)),
        py::arg("v") = take(
            std::move(v), {static_cast<py::ssize_t>(samples), static_cast<py::ssize_t>(neurons)}));
  }
  return result;
}

}  // namespace

void bind_simulation(py::module_& m) {
  py::class_<SimulationHandle>(m, "Simulation",
                               R"(Trials of a network, simulated exactly from event to event.

Simulation(network) simulates the network as it is at each run: weights changed through
Network.weights() count from the next trial on. Each trial starts at t = 0 from the
neurons' initial state; nothing is stepped, so spike times are exact (float64 ms).)")
      .def(py::init<std::shared_ptr<NetworkHandle>>(), py::arg("network"))
      .def_property_readonly("network", &SimulationHandle::network)
      .def("run", &SimulationHandle::run, py::arg("duration_ms"), py::arg("inputs") = py::none(),
           py::kw_only(), py::arg("seed") = 1, py::arg("sample") = 0,
           py::arg("max_spikes") = 1'000'000, py::arg("membrane") = py::none(),
           py::arg("membrane_interval_ms") = 0.1, py::arg("membrane_budget_mb") = 256.0,
           R"(Runs one trial over [0, duration_ms) and returns a dict of NumPy arrays:

  spikes:   {population: {"t_ms": float64, "neuron": uint32}} in time order (recorded up
            to max_spikes in all; dropped_spikes says how many were not; 0: none recorded)
  counts:   {population: uint32 spikes per neuron}
  counters: synaptic_events (SynOps: one per spike per synapse), events_processed, and
            uint64 arrays per projection (projection_synaptic_events,
            projection_queue_events) and per population (population_spikes,
            population_state_updates)
  membrane: with membrane=(population, neurons): {"t_ms": (samples,), "v": (samples,
            neurons) float64, "neurons", "population"}, sampled every membrane_interval_ms
            from the exact solution (the recording may take membrane_budget_mb)

inputs: {spike-source population: (t_ms, neuron)} in any order. seed and sample seed the
neurons' random initial state. The GIL is released while it runs; Ctrl-C stops it.)");
}

}  // namespace sprout::python
