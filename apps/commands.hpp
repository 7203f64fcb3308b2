#pragma once
// Each subcommand of the `sprout` program lives in its own file and registers itself
// on the top-level CLI11 app. Commands report failure by throwing; main() prints the
// one-line message and exits non-zero.

#include <CLI/CLI.hpp>

namespace sprout::apps {

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
