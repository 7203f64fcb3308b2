#pragma once
// Exact operation counts of a simulation.

#include <cstdint>
#include <vector>

namespace sprout::engine {

struct ProjectionCounters {
  // Synaptic events delivered: one per spike per realised synapse (a SynOp).
  std::uint64_t synaptic_events = 0;
  // Queue events of this projection: one per spike per delay segment.
  std::uint64_t queue_events = 0;
};

struct PopulationCounters {
  std::uint64_t spikes = 0;
  // Neuron state updates: one per synaptic event received plus one per wake-up and reset
  // after a spike (see the neuron model for what it counts).
  std::uint64_t state_updates = 0;
};

struct SimulationCounters {
  std::vector<ProjectionCounters> projections;
  std::vector<PopulationCounters> populations;
  std::uint64_t events_processed = 0;  // queue pops

  [[nodiscard]] std::uint64_t synaptic_events() const {
    std::uint64_t total = 0;
    for (const auto& p : projections)
      total += p.synaptic_events;
    return total;
  }
  SimulationCounters& operator+=(const SimulationCounters& other) {
    projections.resize(other.projections.size());
    populations.resize(other.populations.size());
    for (std::size_t i = 0; i < other.projections.size(); ++i) {
      projections[i].synaptic_events += other.projections[i].synaptic_events;
      projections[i].queue_events += other.projections[i].queue_events;
    }
    for (std::size_t i = 0; i < other.populations.size(); ++i) {
      populations[i].spikes += other.populations[i].spikes;
      populations[i].state_updates += other.populations[i].state_updates;
    }
    events_processed += other.events_processed;
    return *this;
  }
};

}  // namespace sprout::engine
