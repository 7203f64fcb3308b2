// The `sprout` command-line program. Thin: parses arguments and calls the libraries.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "apps/command_line_errors.hpp"
#include "apps/commands.hpp"
#include "engine/build_info.hpp"

int main(int argc, char** argv) {
  // Progress and results appear line by line in a log or a pipe, not when the run ends.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  CLI::App app{"Sprout: event-driven spiking simulation and learning by structural plasticity"};
  app.set_version_flag(
      "--version", fmt::format("sprout {} ({})\nbuilt for {} by {}", sprout::version(),
                               sprout::git_revision(), sprout::build_target(), sprout::compiler()));
  app.require_subcommand(1);
  sprout::apps::add_bp_command(app);
  sprout::apps::add_capacity_command(app);
  sprout::apps::add_compare_command(app);
  sprout::apps::add_config_command(app);
  sprout::apps::add_data_command(app);
  sprout::apps::add_simulate_command(app);
  sprout::apps::add_train_command(app);
  sprout::apps::add_eval_command(app);
  sprout::apps::add_paper_table_command(app);
  sprout::apps::add_probe_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {  // --help, --version
    return app.exit(done);
  } catch (const CLI::ParseError& error) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    fmt::print(stderr, "sprout: error: {}\n",
               sprout::apps::parse_error_line(app, error, arguments));
    return error.get_exit_code();
  } catch (const std::exception& error) {
    fmt::print(stderr, "sprout: error: {}\n", error.what());
    return 1;
  }
  return 0;
}
