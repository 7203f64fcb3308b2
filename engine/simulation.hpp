#pragma once
// One simulation of a Network: the dynamic state of every population, the event queue,
// counters and recorders. Time jumps from event to event; nothing is stepped.
// Simulations are independent: run one per thread over the same (unchanging) Network.

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "engine/counters.hpp"
#include "engine/event_queue.hpp"
#include "engine/membrane_recorder.hpp"
#include "engine/network.hpp"
#include "engine/population.hpp"
#include "engine/spike_recorder.hpp"

namespace sprout::engine {

class Simulation {
 public:
  explicit Simulation(const Network& network);

  // Starts a trial at t = 0: empties the queue, resets every population (random initial
  // state from (seed, sample_index)), zeroes spike counts and counters, clears recorders.
  void start_trial(std::uint64_t seed, std::uint64_t sample_index);
  // Spikes of a spike-source population for this trial: parallel arrays, any order.
  void add_source_spikes(PopulationId population, std::span<const double> t_ms,
                         std::span<const std::uint32_t> neuron);
  // Processes every event with time < t_end_ms.
  void run_until(double t_end_ms);

  [[nodiscard]] double now_ms() const { return now_ms_; }
  // Spikes per neuron of a population in this trial.
  [[nodiscard]] std::span<const std::uint32_t> spike_counts(PopulationId population) const;
  [[nodiscard]] const SimulationCounters& counters() const { return counters_; }
  [[nodiscard]] const Network& network() const { return network_; }
  [[nodiscard]] double membrane_potential(NeuronId neuron, double t_ms) const;

  // Recorders are owned by the caller and must outlive the trials they record.
  void set_spike_recorder(SpikeRecorder* recorder) { spike_recorder_ = recorder; }
  void set_membrane_recorder(MembraneRecorder* recorder) { membrane_recorder_ = recorder; }

 private:
  void handle_output(PopulationId population, double t_ms);
  void sample_membranes_before(double t_ms);
  // The next event in time order from the queue and the source stream; false if none
  // before t_end_ms.
  bool pop_next_event(double t_end_ms, Event& event);

  const Network& network_;
  // Per population, copied from the network for the spike path.
  std::vector<NeuronId> offsets_;
  std::vector<const std::vector<ProjectionId>*> outgoing_;
  std::vector<std::unique_ptr<PopulationState>> states_;
  EventQueue queue_;
  // Events of source spikes, known before the trial runs: kept as a sorted stream and
  // merged with the queue, which saves a heap push and pop per source spike. Sorted
  // lazily, and only when an event arrived out of order.
  std::vector<Event> source_events_;
  std::size_t next_source_event_ = 0;
  bool source_events_sorted_ = true;
  std::uint32_t next_source_sequence_ = 0;
  PopulationOutput output_;
  std::vector<std::uint32_t> spike_counts_;  // by global neuron id
  SimulationCounters counters_;
  SpikeRecorder* spike_recorder_ = nullptr;
  MembraneRecorder* membrane_recorder_ = nullptr;
  double now_ms_ = 0.0;
};

}  // namespace sprout::engine
