#include "models/bp/bp_parallel.hpp"

#include <stdexcept>

namespace sprout::models {
namespace {

// Spin iterations before sleeping: ~50 us, longer than the serial gaps between the loops
// of one batch, much shorter than anything a sleeping worker would delay.
constexpr int kSpins = 4000;

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

constexpr std::uint64_t pack(std::uint32_t generation, std::uint64_t chunks, std::uint64_t next) {
  return (static_cast<std::uint64_t>(generation) << 32U) | (chunks << 16U) | next;
}

}  // namespace

ChunkPool::ChunkPool(int threads) {
  if (threads < 1) throw std::invalid_argument("ChunkPool: needs at least one thread");
  for (int worker = 1; worker < threads; ++worker)
    workers_.emplace_back([this] { work(); });
}

ChunkPool::~ChunkPool() {
  stop_.store(true, std::memory_order_release);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  generation_.notify_all();
  for (std::thread& worker : workers_)
    worker.join();
}

void ChunkPool::run(std::ptrdiff_t count, const void* context, Invoke invoke) {
  const std::ptrdiff_t chunks = chunk_count(count);
  if (workers_.empty() || chunks == 1) {
    for (std::ptrdiff_t index = 0; index < chunks; ++index)
      invoke(context, chunk_range(count, index));
    return;
  }
  context_ = context;
  invoke_ = invoke;
  count_ = count;
  unfinished_.store(static_cast<std::int32_t>(chunks), std::memory_order_relaxed);
  const std::uint32_t generation = ++last_generation_;
  ticket_.store(pack(generation, static_cast<std::uint64_t>(chunks), 0), std::memory_order_release);
  generation_.store(generation, std::memory_order_release);
  generation_.notify_all();

  while (run_one_chunk(generation)) {
  }
  // Wait only for chunks that workers have claimed and not finished.
  for (int spin = 0;; ++spin) {
    const std::int32_t left = unfinished_.load(std::memory_order_acquire);
    if (left == 0) break;
    if (spin < kSpins) {
      cpu_relax();
    } else {
      unfinished_.wait(left, std::memory_order_acquire);
    }
  }
}

bool ChunkPool::run_one_chunk(std::uint32_t generation) {
  std::uint64_t ticket = ticket_.load(std::memory_order_acquire);
  for (;;) {
    const auto ticket_generation = static_cast<std::uint32_t>(ticket >> 32U);
    const std::uint64_t chunks = (ticket >> 16U) & 0xffffU;
    const std::uint64_t next = ticket & 0xffffU;
    if (ticket_generation != generation || next >= chunks) return false;
    if (ticket_.compare_exchange_weak(ticket, ticket + 1, std::memory_order_acq_rel,
                                      std::memory_order_acquire)) {
      // Claimed: the loop cannot end before this chunk is done, so its fields are valid.
      invoke_(context_, chunk_range(count_, static_cast<std::ptrdiff_t>(next)));
      if (unfinished_.fetch_sub(1, std::memory_order_acq_rel) == 1) unfinished_.notify_all();
      return true;
    }
  }
}

void ChunkPool::work() {
  std::uint32_t seen = 0;
  for (;;) {
    std::uint32_t generation = generation_.load(std::memory_order_acquire);
    for (int spin = 0; generation == seen && spin < kSpins; ++spin) {
      cpu_relax();
      generation = generation_.load(std::memory_order_acquire);
    }
    if (generation == seen) {
      generation_.wait(seen, std::memory_order_acquire);
      continue;
    }
    if (stop_.load(std::memory_order_acquire)) return;
    seen = generation;
    while (run_one_chunk(generation)) {
    }
  }
}

}  // namespace sprout::models
