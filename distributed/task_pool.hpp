#pragma once
// Independent runs of a sweep spread over the ranks with dynamic load balancing: each rank
// takes the next task nobody has taken as soon as it is free, so long and short runs mix.
// The results come back in task order, so the sweep's output equals the serial one's.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "distributed/communicator.hpp"

namespace sprout::distributed {

struct TaskResults {
  std::vector<std::string> results;  // task i's result, in task order
  std::vector<int> rank_of;          // the rank that ran task i
};

// Runs task(i) once for every i in [0, count) on the ranks of `communicator`; every rank
// receives every result. A task runs on one rank only, so it must use
// Communicator::self() for anything collective. A task that throws ends the job (through
// the program's error handler, which aborts every rank).
[[nodiscard]] TaskResults run_tasks(const Communicator& communicator, std::size_t count,
                                    const std::function<std::string(std::size_t index)>& task);

}  // namespace sprout::distributed
