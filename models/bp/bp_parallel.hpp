#pragma once
// Parallel loops of the BP reference whose results do not depend on the thread count.
//
// Eigen's own OpenMP GEMM picks its cache blocking from the number of threads, so the
// same product summed in a different order gives different last bits on 1 and 2
// threads (measured: up to 1.5e-5 on a 64x784x100 product). Sprout therefore turns
// Eigen's threading off (EIGEN_DONT_PARALLELIZE, set on sprout_models) and splits work
// itself into chunks that depend only on the size of the work: each chunk is computed
// by one thread with single-threaded Eigen, so every number is the same whichever
// thread computes it.
//
// The chunks run on a ChunkPool rather than in OpenMP parallel regions: a batch of a
// small network is only ~0.2 ms of work in several loops, and OpenMP's end-of-region
// barrier waits for every thread of the team. On a machine shared with other work a
// descheduled team thread stalls every loop (measured: 5-14 s per epoch of 784-100-10
// on 2 threads beside two compilers, against 0.9 s on 1 thread). In a ChunkPool the
// caller takes chunks itself and waits only for chunks another thread has started, so
// a late worker costs nothing.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

namespace sprout::models {

// A half-open range [begin, begin + size) of rows or columns.
struct IndexRange {
  std::ptrdiff_t begin = 0;
  std::ptrdiff_t size = 0;
};

// Number of chunks for `count` items: about 16 items or more per chunk (small GEMMs
// lose more to packing than they gain), at most 8 chunks (enough to balance 2-8 threads).
[[nodiscard]] inline std::ptrdiff_t chunk_count(std::ptrdiff_t count) {
  return std::clamp<std::ptrdiff_t>(count / 16, 1, 8);
}

// The `index`-th of `chunk_count(count)` near-equal ranges covering [0, count).
[[nodiscard]] inline IndexRange chunk_range(std::ptrdiff_t count, std::ptrdiff_t index) {
  const std::ptrdiff_t chunks = chunk_count(count);
  const std::ptrdiff_t begin = count * index / chunks;
  const std::ptrdiff_t end = count * (index + 1) / chunks;
  return {begin, end - begin};
}

// `threads - 1` worker threads that help the calling thread with chunked loops. Workers
// spin briefly between loops, then sleep. One loop at a time: run() is not re-entrant
// and must be called from one thread.
class ChunkPool {
 public:
  explicit ChunkPool(int threads);
  ~ChunkPool();
  ChunkPool(const ChunkPool&) = delete;
  ChunkPool& operator=(const ChunkPool&) = delete;

  [[nodiscard]] int threads() const { return static_cast<int>(workers_.size()) + 1; }

  // Calls body(IndexRange) once for every chunk of [0, count); returns when all are done.
  template <typename Body>
  void for_each_chunk(std::ptrdiff_t count, const Body& body) {
    run(count, &body,
        [](const void* context, IndexRange range) { (*static_cast<const Body*>(context))(range); });
  }

 private:
  using Invoke = void (*)(const void*, IndexRange);

  void run(std::ptrdiff_t count, const void* context, Invoke invoke);
  // Claims and runs one chunk of loop `generation`; false when none is left to claim.
  bool run_one_chunk(std::uint32_t generation);
  void work();

  // The loop being run: written by the caller before it publishes the loop in ticket_,
  // read by a worker only after it claimed a chunk (so the loop is still running).
  const void* context_ = nullptr;
  Invoke invoke_ = nullptr;
  std::ptrdiff_t count_ = 0;

  // generation (high 32 bits) | chunk count (bits 16-31) | next chunk (low 16 bits).
  std::atomic<std::uint64_t> ticket_{0};
  std::atomic<std::uint32_t> generation_{0};  // workers wait on it
  std::atomic<std::int32_t> unfinished_{0};   // chunks of the current loop not yet done
  std::atomic<bool> stop_{false};
  std::uint32_t last_generation_ = 0;
  std::vector<std::thread> workers_;
};

}  // namespace sprout::models
