#pragma once
// The ranks of a job and the few collective operations Sprout needs: gathering every
// rank's block of results in rank order, summing counters, a barrier. Without MPI (or
// when the program was not started by an MPI launcher) there is one rank, and every
// operation returns this rank's own values.
//
// Every operation is collective: each rank of the communicator must call it, in the same
// order. Integer sums are exact, so no result depends on the number of ranks.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace sprout::distributed {

class Communicator {
 public:
  // Every rank of the job: MPI_COMM_WORLD under mpirun or srun, else this process alone.
  [[nodiscard]] static const Communicator& world();
  // This process alone: a task of a distributed sweep runs on it.
  [[nodiscard]] static const Communicator& self();

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool is_root() const { return rank_ == 0; }

  // Every rank's bytes, concatenated in rank order, on every rank; `sizes` (if given)
  // receives each rank's byte count. Blocks may differ in size and exceed 2 GiB.
  [[nodiscard]] std::vector<std::byte> all_gather_bytes(
      std::span<const std::byte> mine, std::vector<std::size_t>* sizes = nullptr) const;
  // Every rank's values, concatenated in rank order, on every rank.
  template <class T>
  [[nodiscard]] std::vector<T> all_gather(std::span<const T> mine) const {
    const std::vector<std::byte> bytes = all_gather_bytes(std::as_bytes(mine));
    std::vector<T> all(bytes.size() / sizeof(T));
    if (!bytes.empty()) std::memcpy(all.data(), bytes.data(), bytes.size());
    return all;
  }
  // The element-wise sum over the ranks, on every rank (the same length on every rank).
  [[nodiscard]] std::vector<std::uint64_t> sum(std::span<const std::uint64_t> mine) const;
  void barrier() const;

 private:
  friend class TaskCounter;
  Communicator(bool world, int rank, int size) : world_(world), rank_(rank), size_(size) {}
  bool world_;  // MPI_COMM_WORLD rather than MPI_COMM_SELF
  int rank_;
  int size_;
};

// The samples [first, first + count) that `rank` of `ranks` takes of `total`: contiguous
// blocks in rank order whose sizes differ by at most one.
struct Block {
  std::size_t first = 0;
  std::size_t count = 0;
};
[[nodiscard]] Block block_of(std::size_t total, int rank, int ranks);

}  // namespace sprout::distributed
