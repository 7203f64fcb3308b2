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

#include <algorithm>
#include <cstddef>

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

// Calls body(IndexRange) for every chunk of [0, count), on up to `threads` threads.
template <typename Body>
void for_each_chunk(std::ptrdiff_t count, int threads, const Body& body) {
  const std::ptrdiff_t chunks = chunk_count(count);
  if (threads <= 1 || chunks == 1) {
    for (std::ptrdiff_t index = 0; index < chunks; ++index)
      body(chunk_range(count, index));
    return;
  }
#pragma omp parallel for schedule(static) num_threads(threads)
  for (std::ptrdiff_t index = 0; index < chunks; ++index)
    body(chunk_range(count, index));
}

}  // namespace sprout::models
