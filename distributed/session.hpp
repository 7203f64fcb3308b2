#pragma once
// The MPI environment of one run of the program. Sprout starts MPI only when an MPI
// launcher (mpirun, mpiexec, srun) started the process, so that a plain `sprout ...` never
// touches MPI. Threads inside a rank work as before (MPI_THREAD_FUNNELED: only the main
// thread calls MPI).

#include <string>

namespace sprout::distributed {

class Session {
 public:
  // Starts MPI if the process was started by an MPI launcher and the build has MPI. On
  // every rank but the first, standard output is discarded: rank 0 tells the story.
  Session(int& argc, char**& argv);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Ends every rank of the job with `exit_code` (MPI_Abort), or this process without MPI.
  // For an error on one rank: the others would otherwise wait for it forever.
  [[noreturn]] static void abort(int exit_code);
};

// "Open MPI v4.1.4, ..." (the library's own version line), or "no" for a build without MPI.
[[nodiscard]] std::string mpi_description();
// Whether this process runs under MPI (started by a launcher, in a build with MPI).
[[nodiscard]] bool running_under_mpi();

}  // namespace sprout::distributed
