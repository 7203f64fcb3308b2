// The program's commands in one list, and the ranks they run on.

#include <fmt/format.h>

#include <stdexcept>

#include "apps/commands.hpp"

namespace sprout::apps {
namespace {

const distributed::Communicator* g_command_ranks = nullptr;

}  // namespace

void add_run_commands(CLI::App& app) {
  add_bp_command(app);
  add_capacity_command(app);
  add_compare_command(app);
  add_config_command(app);
  add_data_command(app);
  add_simulate_command(app);
  add_train_command(app);
  add_eval_command(app);
  add_paper_table_command(app);
  add_probe_command(app);
}

const distributed::Communicator& command_ranks() {
  return g_command_ranks ? *g_command_ranks : distributed::Communicator::world();
}

void set_command_ranks(const distributed::Communicator& ranks) {
  g_command_ranks = &ranks;
}

void require_one_rank(std::string_view command) {
  const int ranks = command_ranks().size();
  if (ranks == 1) return;
  throw std::runtime_error(fmt::format(
      "sprout {} runs in one process, not on {} MPI ranks; under mpirun use train, bp sweep, "
      "paper-table or batch, which divide their work over the ranks",
      command, ranks));
}

}  // namespace sprout::apps
