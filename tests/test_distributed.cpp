// The parts of distributed/ that one process can check: the block partition every rank
// computes alike, and the task pool and collectives on one rank. Runs on several ranks
// are tested end to end under mpirun (tests/mpi/).

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "distributed/communicator.hpp"
#include "distributed/task_pool.hpp"

using sprout::distributed::Block;
using sprout::distributed::block_of;
using sprout::distributed::Communicator;

TEST_CASE("block_of splits samples into contiguous blocks in rank order", "[distributed]") {
  // 10 samples on 3 ranks: 4 + 3 + 3, by hand.
  CHECK(block_of(10, 0, 3).first == 0);
  CHECK(block_of(10, 0, 3).count == 4);
  CHECK(block_of(10, 1, 3).first == 4);
  CHECK(block_of(10, 1, 3).count == 3);
  CHECK(block_of(10, 2, 3).first == 7);
  CHECK(block_of(10, 2, 3).count == 3);
  // Fewer samples than ranks: the last rank has none.
  CHECK(block_of(1, 0, 2).count == 1);
  CHECK(block_of(1, 1, 2).count == 0);
  CHECK(block_of(1, 1, 2).first == 1);
  // Every sample in exactly one block, sizes within one of each other.
  for (std::size_t total : {0, 1, 7, 64, 1000, 60000}) {
    for (int ranks : {1, 2, 3, 7, 16, 64}) {
      std::size_t next = 0, smallest = total, largest = 0;
      for (int rank = 0; rank < ranks; ++rank) {
        const Block block = block_of(total, rank, ranks);
        REQUIRE(block.first == next);
        next += block.count;
        smallest = std::min(smallest, block.count);
        largest = std::max(largest, block.count);
      }
      CHECK(next == total);
      CHECK(largest - smallest <= 1);
    }
  }
  CHECK_THROWS(block_of(10, 3, 3));
  CHECK_THROWS(block_of(10, 0, 0));
}

TEST_CASE("One rank: collectives return its own values", "[distributed]") {
  const Communicator& self = Communicator::self();
  CHECK(self.size() == 1);
  CHECK(self.is_root());
  const std::vector<std::uint32_t> mine = {3, 1, 4, 1, 5};
  CHECK(self.all_gather(std::span<const std::uint32_t>(mine)) == mine);
  const std::vector<std::uint64_t> counts = {2, 7};
  CHECK(self.sum(counts) == counts);
  // The test program is not started by an MPI launcher: its world is itself.
  CHECK(Communicator::world().size() == 1);
}

TEST_CASE("The task pool runs each task once and returns results in task order", "[distributed]") {
  std::vector<int> runs(5, 0);
  const auto done = sprout::distributed::run_tasks(Communicator::self(), 5, [&](std::size_t i) {
    ++runs[i];
    return std::string(i, 'x') + std::to_string(i);  // results of different lengths
  });
  CHECK(runs == std::vector<int>(5, 1));
  REQUIRE(done.results.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(done.results[i] == std::string(i, 'x') + std::to_string(i));
    CHECK(done.rank_of[i] == 0);
  }
  CHECK(sprout::distributed::run_tasks(Communicator::self(), 0, [](std::size_t) {
          return std::string("never");
        }).results.empty());
}
