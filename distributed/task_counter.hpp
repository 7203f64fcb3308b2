#pragma once
// A counter shared by the ranks of a communicator, on rank 0 (an MPI window with atomic
// fetch-and-add): next() returns 0, 1, 2, ... across all ranks, each value once, without
// a rank having to serve the others.

#include <cstdint>
#include <memory>

#include "distributed/communicator.hpp"

namespace sprout::distributed {

class TaskCounter {
 public:
  // Collective: every rank of `communicator` constructs and destroys it together.
  explicit TaskCounter(const Communicator& communicator);
  ~TaskCounter();
  TaskCounter(const TaskCounter&) = delete;
  TaskCounter& operator=(const TaskCounter&) = delete;

  [[nodiscard]] std::uint64_t next();

 private:
  struct Window;
  std::unique_ptr<Window> window_;
};

}  // namespace sprout::distributed
