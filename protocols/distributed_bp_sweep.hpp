#pragma once
// `sprout bp sweep` over the ranks of an MPI job: each hidden size (its dense network and
// its pruning levels, which build on each other) is one task, taken by the next free rank
// (distributed/task_pool.hpp). The points come back in the serial sweep's order, with the
// same values: each hidden size is trained from its own seeded streams.

#include <functional>
#include <vector>

#include "distributed/communicator.hpp"
#include "models/bp/bp_sweep.hpp"

namespace sprout::protocols {

// Every rank calls it with the same config and data and receives every point. `on_point`
// sees the points this rank measures, as it measures them.
[[nodiscard]] std::vector<models::BpSweepPoint> run_bp_sweep_on_ranks(
    const distributed::Communicator& ranks, const models::BpSweepConfig& config,
    const models::BpData& data,
    const std::function<void(const models::BpSweepPoint&)>& on_point = {});

}  // namespace sprout::protocols
