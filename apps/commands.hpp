#pragma once
// Each subcommand of the `sprout` program lives in its own file and registers itself
// on the top-level CLI11 app. Commands report failure by throwing; main() prints the
// one-line message and exits non-zero.

#include <CLI/CLI.hpp>
#include <string_view>

#include "distributed/communicator.hpp"

namespace sprout::apps {

// Every command but `batch`, on `app` (the program's top level, or a line of a batch).
void add_run_commands(CLI::App& app);

// The ranks a command divides its work over: the job's (Communicator::world()), or this
// process alone while `batch` runs one of its lines.
[[nodiscard]] const distributed::Communicator& command_ranks();
void set_command_ranks(const distributed::Communicator& ranks);

// Throws (one line) when the job has more than one rank and `command` does not divide its
// work over them: it would run once on every rank, each writing the same outputs.
void require_one_rank(std::string_view command);

void add_batch_command(CLI::App& app);
void add_bp_command(CLI::App& app);
void add_capacity_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_config_command(CLI::App& app);
void add_data_command(CLI::App& app);
void add_simulate_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_paper_table_command(CLI::App& app);
void add_probe_command(CLI::App& app);

}  // namespace sprout::apps
