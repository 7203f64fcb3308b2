// Which heap should hold pending events? And how much does one queue entry per spike
// and delay (instead of one per synapse) save? Run:
//   build/release/benchmarks/event_queue_benchmark --benchmark_repetitions=5
//
// Event mix ("hold" model, as in a running simulation): the queue holds `size` pending
// events; each step pops the earliest and pushes a new one a short delay later. Delays
// come from a few fixed values (most projections share one delay) plus a small jitter,
// so many events tie in time and the tie-breaking comparator is exercised.

#include <benchmark/benchmark.h>

#include <boost/heap/d_ary_heap.hpp>
#include <boost/heap/fibonacci_heap.hpp>
#include <boost/heap/pairing_heap.hpp>
#include <queue>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/random_stream.hpp"

namespace {

using sprout::engine::Event;
using sprout::engine::LaterEvent;

template <class Heap>
void hold_model(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  sprout::RandomStream random(1, 0, sprout::StreamPurpose::kFirstUserPurpose);
  constexpr double kDelaysMs[] = {0.5, 1.0, 1.0, 1.0, 2.0};
  Heap heap;
  std::uint32_t sequence = 0;
  auto push = [&](double t_ms) {
    const auto source = static_cast<std::uint32_t>(random.below(4000));
    heap.push(Event{t_ms, source, sequence++, 0, 0});
  };
  for (std::size_t k = 0; k < size; ++k)
    push(random.uniform(0.0, 2.0));
  for (auto _ : state) {
    const Event next = heap.top();
    heap.pop();
    // Spike times are continuous; delays are shared: arrival = t + one of few delays.
    push(next.t_ms + kDelaysMs[random.below(5)] + 0.01 * random.uniform());
  }
  state.SetItemsProcessed(state.iterations());
}

template <std::size_t kArity>
using DAry =
    boost::heap::d_ary_heap<Event, boost::heap::arity<kArity>, boost::heap::compare<LaterEvent>>;
using Pairing = boost::heap::pairing_heap<Event, boost::heap::compare<LaterEvent>>;
using Fibonacci = boost::heap::fibonacci_heap<Event, boost::heap::compare<LaterEvent>>;
using StdQueue = std::priority_queue<Event, std::vector<Event>, LaterEvent>;

// std::priority_queue has no clear(); the hold loop does not need it.
BENCHMARK_TEMPLATE(hold_model, StdQueue)->RangeMultiplier(16)->Range(64, 65536);
BENCHMARK_TEMPLATE(hold_model, DAry<2>)->RangeMultiplier(16)->Range(64, 65536);
BENCHMARK_TEMPLATE(hold_model, DAry<4>)->RangeMultiplier(16)->Range(64, 65536);
BENCHMARK_TEMPLATE(hold_model, DAry<8>)->RangeMultiplier(16)->Range(64, 65536);
BENCHMARK_TEMPLATE(hold_model, Pairing)->RangeMultiplier(16)->Range(64, 65536);
BENCHMARK_TEMPLATE(hold_model, Fibonacci)->RangeMultiplier(16)->Range(64, 65536);

// Delivering the spikes of a 784 -> 1000 projection with connection probability 0.2
// (about 200 synapses per spike), all with the same delay:
//  - grouped: one queue entry per spike; popping it delivers the whole row.
//  - per synapse: one queue entry per synapse (target, weight), as a naive simulator.
struct RandomRows {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> targets;
  std::vector<float> weights;
  RandomRows() {
    sprout::RandomStream random(3, 0, sprout::StreamPurpose::kConnectivity);
    for (std::uint32_t i = 0; i < 784; ++i) {
      for (std::uint32_t j = 0; j < 1000; ++j) {
        if (random.uniform() < 0.2) {
          targets.push_back(j);
          weights.push_back(static_cast<float>(random.uniform(0.0, 0.1)));
        }
      }
      offsets.push_back(static_cast<std::uint32_t>(targets.size()));
    }
  }
};

const RandomRows& rows() {
  static const RandomRows instance;
  return instance;
}

// One image's input spikes: (time, presynaptic neuron), in no particular order.
std::vector<std::pair<double, std::uint32_t>> one_image_spikes(sprout::RandomStream& random) {
  std::vector<std::pair<double, std::uint32_t>> spikes;
  for (int k = 0; k < 2300; ++k) {
    spikes.emplace_back(random.uniform(0.0, 350.0), static_cast<std::uint32_t>(random.below(784)));
  }
  return spikes;
}

void delivery_grouped(benchmark::State& state) {
  const RandomRows& r = rows();
  std::vector<double> membrane(1000, 0.0);
  sprout::RandomStream random(4, 0, sprout::StreamPurpose::kInputSpikes);
  sprout::engine::EventQueue queue;
  std::uint64_t delivered = 0;
  for (auto _ : state) {
    state.PauseTiming();
    queue.clear();
    for (const auto& [t_ms, pre] : one_image_spikes(random))
      queue.push(t_ms, pre, 0, 0);
    state.ResumeTiming();
    while (!queue.empty()) {
      const std::uint32_t pre = queue.top().source;
      queue.pop();
      for (std::uint32_t k = r.offsets[pre]; k < r.offsets[pre + 1]; ++k) {
        membrane[r.targets[k]] += r.weights[k];
      }
      delivered += r.offsets[pre + 1] - r.offsets[pre];
    }
  }
  benchmark::DoNotOptimize(membrane.data());
  state.counters["synaptic_events_per_s"] =
      benchmark::Counter(static_cast<double>(delivered), benchmark::Counter::kIsRate);
}

void delivery_per_synapse(benchmark::State& state) {
  const RandomRows& r = rows();
  std::vector<double> membrane(1000, 0.0);
  sprout::RandomStream random(4, 0, sprout::StreamPurpose::kInputSpikes);
  // The segment field carries the synapse index.
  sprout::engine::EventQueue queue;
  std::uint64_t delivered = 0;
  for (auto _ : state) {
    state.PauseTiming();
    queue.clear();
    const auto spikes = one_image_spikes(random);
    state.ResumeTiming();
    for (const auto& [t_ms, pre] : spikes) {
      for (std::uint32_t k = r.offsets[pre]; k < r.offsets[pre + 1]; ++k) {
        queue.push(t_ms, pre, 0, k);
      }
    }
    while (!queue.empty()) {
      const std::uint32_t synapse = queue.top().segment;
      queue.pop();
      membrane[r.targets[synapse]] += r.weights[synapse];
      ++delivered;
    }
  }
  benchmark::DoNotOptimize(membrane.data());
  state.counters["synaptic_events_per_s"] =
      benchmark::Counter(static_cast<double>(delivered), benchmark::Counter::kIsRate);
}

BENCHMARK(delivery_grouped)->Unit(benchmark::kMillisecond);
BENCHMARK(delivery_per_synapse)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
