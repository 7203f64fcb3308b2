#pragma once
// The pending-event queue. A thin wrapper that stamps sequence numbers (for
// deterministic tie-breaking) over a heap chosen by benchmarks/event_queue_benchmark.cpp:
// see docs/engine.md for the measurements behind the choice.

#include <boost/heap/d_ary_heap.hpp>
#include <cstddef>
#include <cstdint>

#include "engine/event.hpp"

namespace sprout::engine {

template <class Heap>
class BasicEventQueue {
 public:
  void push(double t_ms, NeuronId source, ProjectionId projection, std::uint32_t segment) {
    heap_.push(Event{t_ms, source, next_sequence_++, projection, segment});
  }
  [[nodiscard]] const Event& top() const { return heap_.top(); }
  void pop() { heap_.pop(); }
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  void clear() {
    heap_.clear();
    next_sequence_ = 0;
  }

 private:
  Heap heap_;
  std::uint32_t next_sequence_ = 0;
};

using DefaultEventHeap =
    boost::heap::d_ary_heap<Event, boost::heap::arity<4>, boost::heap::compare<LaterEvent>>;
using EventQueue = BasicEventQueue<DefaultEventHeap>;

}  // namespace sprout::engine
