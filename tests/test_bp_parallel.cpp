// Chunked loops of the BP reference: the chunks cover the range exactly, depend only on
// its size, and a ChunkPool runs each chunk exactly once per loop, over many loops.

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "models/bp/bp_parallel.hpp"

using sprout::models::chunk_count;
using sprout::models::chunk_range;
using sprout::models::ChunkPool;
using sprout::models::IndexRange;

TEST_CASE("Chunks cover 0 to count in order, at most 8 of about 16 items or more",
          "[bp][parallel]") {
  for (std::ptrdiff_t count : {1, 15, 16, 33, 100, 784, 1000, 100000}) {
    const std::ptrdiff_t chunks = chunk_count(count);
    CHECK(chunks >= 1);
    CHECK(chunks <= 8);
    std::ptrdiff_t next = 0;
    for (std::ptrdiff_t index = 0; index < chunks; ++index) {
      const IndexRange range = chunk_range(count, index);
      CHECK(range.begin == next);
      CHECK(range.size >= (count >= 16 ? 16 : 1));
      next += range.size;
    }
    CHECK(next == count);
  }
  CHECK(chunk_count(100) == 6);
}

TEST_CASE("ChunkPool runs every chunk exactly once, loop after loop", "[bp][parallel]") {
  for (int threads : {1, 2, 3}) {
    ChunkPool pool(threads);
    CHECK(pool.threads() == threads);
    const std::ptrdiff_t count = 128;  // 8 chunks
    std::vector<int> visits(count, 0);
    // Many short loops: a lost wake-up or a chunk run twice or never shows up here.
    for (int loop = 0; loop < 20000; ++loop) {
      pool.for_each_chunk(count, [&](IndexRange range) {
        for (std::ptrdiff_t i = range.begin; i < range.begin + range.size; ++i)
          ++visits[static_cast<std::size_t>(i)];
      });
    }
    CHECK(std::all_of(visits.begin(), visits.end(), [](int v) { return v == 20000; }));
  }
}
