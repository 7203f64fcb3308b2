#pragma once
// Events of the simulation: the arrival of one spike at one group of synapses that share
// a delay (a "delay segment" of a projection row), or a wake-up a neuron model asked for.

#include <cstdint>
#include <limits>

namespace sprout::engine {

using NeuronId = std::uint32_t;      // global: population offset + index in population
using ProjectionId = std::uint32_t;  // index into Network::projections()

inline constexpr ProjectionId kWakeupEvent = std::numeric_limits<ProjectionId>::max();

struct Event {
  double t_ms;              // arrival time
  NeuronId source;          // presynaptic neuron (or the neuron to wake)
  std::uint32_t sequence;   // push order: the final, deterministic tie-breaker
  ProjectionId projection;  // or kWakeupEvent
  std::uint32_t segment;    // delay segment of the projection (or the wake-up tag)
};

// Ties are broken deterministically: at equal times, wake-ups come before spike
// arrivals (a neuron's own state change at t, such as the end of its refractory period,
// is settled before inputs at t), then lower source ids first, then push order.
[[nodiscard]] constexpr bool happens_before(const Event& a, const Event& b) {
  if (a.t_ms != b.t_ms) return a.t_ms < b.t_ms;
  const bool a_arrives = a.projection != kWakeupEvent;
  const bool b_arrives = b.projection != kWakeupEvent;
  if (a_arrives != b_arrives) return b_arrives;
  if (a.source != b.source) return a.source < b.source;
  return a.sequence < b.sequence;
}

// Comparator for max-heaps (std::priority_queue, Boost.Heap): "a has lower priority".
struct LaterEvent {
  constexpr bool operator()(const Event& a, const Event& b) const { return happens_before(b, a); }
};

}  // namespace sprout::engine
