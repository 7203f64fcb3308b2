// The build with MPI. MPI starts only in a process an MPI launcher started (Session), so
// `sprout` run by hand never initialises it; until then, and without a launcher, the world
// is this process alone.

#include <mpi.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "distributed/communicator.hpp"
#include "distributed/session.hpp"
#include "distributed/task_counter.hpp"

namespace sprout::distributed {
namespace {

bool g_started = false;
int g_rank = 0;
int g_size = 1;

// Set by Open MPI's mpirun, by PMIx launchers (Open MPI, Slurm's srun --mpi=pmix) and by
// PMI-1/2 launchers (MPICH's mpiexec, srun --mpi=pmi2).
bool started_by_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

MPI_Comm handle_of(bool world) {
  return world ? MPI_COMM_WORLD : MPI_COMM_SELF;
}

}  // namespace

const Communicator& Communicator::world() {
  // Built on first use, which is after the Session in main.
  static const Communicator world(true, g_rank, g_size);
  return world;
}

std::vector<std::byte> Communicator::all_gather_bytes(std::span<const std::byte> mine,
                                                      std::vector<std::size_t>* sizes) const {
  if (size_ == 1) {
    if (sizes) *sizes = {mine.size()};
    return {mine.begin(), mine.end()};
  }
  const MPI_Comm comm = handle_of(world_);
  const auto ranks = static_cast<std::size_t>(size_);
  const unsigned long long my_size = mine.size();
  std::vector<unsigned long long> all_sizes(ranks);
  MPI_Allgather(&my_size, 1, MPI_UNSIGNED_LONG_LONG, all_sizes.data(), 1, MPI_UNSIGNED_LONG_LONG,
                comm);
  std::vector<std::size_t> offsets(ranks, 0);
  std::size_t total = 0, largest = 0;
  for (std::size_t r = 0; r < ranks; ++r) {
    offsets[r] = total;
    total += all_sizes[r];
    largest = std::max<std::size_t>(largest, all_sizes[r]);
  }
  std::vector<std::byte> gathered(total);
  // MPI counts are ints: move the blocks in rounds whose total stays below INT_MAX.
  const std::size_t chunk = std::max<std::size_t>(1, (INT_MAX / ranks) & ~std::size_t{7});
  std::vector<int> counts(ranks), displacements(ranks);
  std::vector<std::byte> round_buffer;
  for (std::size_t done = 0; done < largest; done += chunk) {
    int round_total = 0;
    for (std::size_t r = 0; r < ranks; ++r) {
      const std::size_t left = all_sizes[r] > done ? all_sizes[r] - done : 0;
      counts[r] = static_cast<int>(std::min(left, chunk));
      displacements[r] = round_total;
      round_total += counts[r];
    }
    round_buffer.resize(static_cast<std::size_t>(round_total));
    const std::size_t me = static_cast<std::size_t>(rank_);
    MPI_Allgatherv(mine.data() + std::min<std::size_t>(done, mine.size()), counts[me], MPI_BYTE,
                   round_buffer.data(), counts.data(), displacements.data(), MPI_BYTE, comm);
    for (std::size_t r = 0; r < ranks; ++r) {
      std::copy_n(round_buffer.begin() + displacements[r], counts[r],
                  gathered.begin() + static_cast<std::ptrdiff_t>(offsets[r] + done));
    }
  }
  if (sizes) sizes->assign(all_sizes.begin(), all_sizes.end());
  return gathered;
}

std::vector<std::uint64_t> Communicator::sum(std::span<const std::uint64_t> mine) const {
  std::vector<std::uint64_t> total(mine.begin(), mine.end());
  if (size_ == 1 || mine.empty()) return total;
  MPI_Allreduce(mine.data(), total.data(), static_cast<int>(mine.size()), MPI_UINT64_T, MPI_SUM,
                handle_of(world_));
  return total;
}

void Communicator::barrier() const {
  if (size_ > 1) MPI_Barrier(handle_of(world_));
}

struct TaskCounter::Window {
  MPI_Win window = MPI_WIN_NULL;
  std::uint64_t* value = nullptr;  // rank 0's counter
  std::uint64_t serial_next = 0;   // one rank: no window
};

TaskCounter::TaskCounter(const Communicator& communicator) : window_(std::make_unique<Window>()) {
  if (communicator.size() == 1) return;
  const MPI_Comm comm = handle_of(communicator.world_);
  const MPI_Aint bytes = communicator.is_root() ? sizeof(std::uint64_t) : 0;
  MPI_Win_allocate(bytes, sizeof(std::uint64_t), MPI_INFO_NULL, comm, &window_->value,
                   &window_->window);
  if (communicator.is_root()) {
    MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, window_->window);
    *window_->value = 0;
    MPI_Win_unlock(0, window_->window);
  }
  MPI_Barrier(comm);
}

TaskCounter::~TaskCounter() {
  if (window_->window != MPI_WIN_NULL) MPI_Win_free(&window_->window);
}

std::uint64_t TaskCounter::next() {
  if (window_->window == MPI_WIN_NULL) return window_->serial_next++;
  const std::uint64_t one = 1;
  std::uint64_t taken = 0;
  MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, window_->window);
  MPI_Fetch_and_op(&one, &taken, MPI_UINT64_T, 0, 0, MPI_SUM, window_->window);
  MPI_Win_unlock(0, window_->window);
  return taken;
}

Session::Session(int& argc, char**& argv) {
  if (!started_by_launcher()) return;
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  g_started = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
  // Rank 0 tells the story; the others' errors still reach standard error.
  if (g_rank != 0 && std::freopen("/dev/null", "w", stdout) == nullptr) std::fclose(stdout);
}

Session::~Session() {
  if (g_started) MPI_Finalize();
}

void Session::abort(int exit_code) {
  std::fflush(nullptr);
  if (g_started && g_size > 1) MPI_Abort(MPI_COMM_WORLD, exit_code);
  if (g_started) MPI_Finalize();
  std::exit(exit_code);
}

std::string mpi_description() {
  char text[MPI_MAX_LIBRARY_VERSION_STRING];
  int length = 0;
  MPI_Get_library_version(text, &length);
  std::string_view line(text, static_cast<std::size_t>(length));
  line = line.substr(0, line.find_first_of("\r\n"));
  if (const auto comma = line.find(','); comma != std::string_view::npos)
    line = line.substr(0, comma);
  return std::string(line);
}

bool running_under_mpi() {
  return g_started;
}

}  // namespace sprout::distributed
