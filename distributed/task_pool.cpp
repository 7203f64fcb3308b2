#include "distributed/task_pool.hpp"

#include <fmt/format.h>

#include <cstring>
#include <stdexcept>

#include "distributed/task_counter.hpp"

namespace sprout::distributed {
namespace {

void append_u64(std::vector<std::byte>& out, std::uint64_t value) {
  const auto* bytes = reinterpret_cast<const std::byte*>(&value);
  out.insert(out.end(), bytes, bytes + sizeof value);
}

std::uint64_t read_u64(std::span<const std::byte> in, std::size_t& at) {
  if (at + sizeof(std::uint64_t) > in.size()) throw std::runtime_error("run_tasks: short block");
  std::uint64_t value = 0;
  std::memcpy(&value, in.data() + at, sizeof value);
  at += sizeof value;
  return value;
}

}  // namespace

TaskResults run_tasks(const Communicator& communicator, std::size_t count,
                      const std::function<std::string(std::size_t index)>& task) {
  // This rank's tasks as (index, length, bytes) records.
  std::vector<std::byte> mine;
  {
    TaskCounter counter(communicator);
    for (std::uint64_t index = counter.next(); index < count; index = counter.next()) {
      const std::string result = task(static_cast<std::size_t>(index));
      append_u64(mine, index);
      append_u64(mine, result.size());
      const auto* bytes = reinterpret_cast<const std::byte*>(result.data());
      mine.insert(mine.end(), bytes, bytes + result.size());
    }
  }
  std::vector<std::size_t> sizes;
  const std::vector<std::byte> all = communicator.all_gather_bytes(mine, &sizes);
  TaskResults results;
  results.results.resize(count);
  results.rank_of.assign(count, -1);
  std::size_t block_start = 0;
  for (std::size_t rank = 0; rank < sizes.size(); ++rank) {
    const auto block = std::span(all).subspan(block_start, sizes[rank]);
    for (std::size_t at = 0; at < block.size();) {
      const std::uint64_t index = read_u64(block, at);
      const std::uint64_t length = read_u64(block, at);
      if (index >= count || at + length > block.size() || results.rank_of[index] != -1)
        throw std::runtime_error("run_tasks: inconsistent results from the ranks");
      results.results[index].assign(reinterpret_cast<const char*>(block.data() + at), length);
      results.rank_of[index] = static_cast<int>(rank);
      at += length;
    }
    block_start += sizes[rank];
  }
  for (std::size_t index = 0; index < count; ++index) {
    if (results.rank_of[index] == -1)
      throw std::runtime_error(fmt::format("run_tasks: task {} was run by no rank", index));
  }
  return results;
}

}  // namespace sprout::distributed
