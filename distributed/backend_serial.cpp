// The build without MPI: one rank, and every collective returns this rank's values.

#include <cstdio>
#include <cstdlib>

#include "distributed/communicator.hpp"
#include "distributed/session.hpp"
#include "distributed/task_counter.hpp"

namespace sprout::distributed {

const Communicator& Communicator::world() {
  static const Communicator world(true, 0, 1);
  return world;
}

std::vector<std::byte> Communicator::all_gather_bytes(std::span<const std::byte> mine,
                                                      std::vector<std::size_t>* sizes) const {
  if (sizes) *sizes = {mine.size()};
  return {mine.begin(), mine.end()};
}

std::vector<std::uint64_t> Communicator::sum(std::span<const std::uint64_t> mine) const {
  return {mine.begin(), mine.end()};
}

void Communicator::barrier() const {}

struct TaskCounter::Window {
  std::uint64_t next = 0;
};

TaskCounter::TaskCounter(const Communicator& /*communicator*/)
    : window_(std::make_unique<Window>()) {}
TaskCounter::~TaskCounter() = default;
std::uint64_t TaskCounter::next() {
  return window_->next++;
}

Session::Session(int& /*argc*/, char**& /*argv*/) {}
Session::~Session() = default;

void Session::abort(int exit_code) {
  std::fflush(nullptr);
  std::exit(exit_code);
}

std::string mpi_description() {
  return "no";
}
bool running_under_mpi() {
  return false;
}

}  // namespace sprout::distributed
