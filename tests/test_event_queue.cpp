#include <boost/heap/fibonacci_heap.hpp>
#include <boost/heap/pairing_heap.hpp>
#include <catch2/catch.hpp>
#include <vector>

#include "engine/event_queue.hpp"

using namespace sprout::engine;

namespace {

template <class Heap>
std::vector<std::pair<double, NeuronId>> drain_in_order() {
  BasicEventQueue<Heap> queue;
  // Pushed out of order, with ties in time and in (time, source).
  queue.push(2.0, 5, 0, 0);
  queue.push(1.0, 9, 0, 0);
  queue.push(2.0, 3, 0, 0);
  queue.push(1.0, 2, 0, 0);
  queue.push(2.0, 3, 1, 7);  // same (time, source) as an earlier push: comes after it
  queue.push(0.5, 100, 0, 0);
  std::vector<std::pair<double, NeuronId>> order;
  std::uint32_t last_segment = 0;
  while (!queue.empty()) {
    order.emplace_back(queue.top().t_ms, queue.top().source);
    last_segment = queue.top().segment;
    queue.pop();
  }
  CHECK(last_segment == 0);  // (2.0, 5) is last
  return order;
}

const std::vector<std::pair<double, NeuronId>> kExpected = {{0.5, 100}, {1.0, 2}, {1.0, 9},
                                                            {2.0, 3},   {2.0, 3}, {2.0, 5}};

}  // namespace

TEST_CASE("Event queue: events come out by (time, source, push order)", "[queue]") {
  CHECK(drain_in_order<DefaultEventHeap>() == kExpected);
  using Pairing = boost::heap::pairing_heap<Event, boost::heap::compare<LaterEvent>>;
  using Fibonacci = boost::heap::fibonacci_heap<Event, boost::heap::compare<LaterEvent>>;
  CHECK(drain_in_order<Pairing>() == kExpected);
  CHECK(drain_in_order<Fibonacci>() == kExpected);
}

TEST_CASE("Event queue: equal (time, source) keep push order via the sequence", "[queue]") {
  EventQueue queue;
  for (std::uint32_t k = 0; k < 50; ++k)
    queue.push(1.0, 4, 0, k);
  for (std::uint32_t k = 0; k < 50; ++k) {
    REQUIRE(queue.top().segment == k);
    queue.pop();
  }
}

TEST_CASE("Event queue: at equal times wake-ups come before spike arrivals", "[queue]") {
  EventQueue queue;
  queue.push(3.0, 1, 0, 0);             // arrival from source 1
  queue.push(3.0, 7, kWakeupEvent, 0);  // wake-up of neuron 7
  queue.push(2.0, 9, 0, 0);
  CHECK(queue.top().source == 9);
  queue.pop();
  CHECK(queue.top().projection == kWakeupEvent);
  queue.pop();
  CHECK(queue.top().source == 1);
}
