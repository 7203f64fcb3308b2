// The `sprout` command-line program. Thin: parses arguments and calls the libraries.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "apps/command_line_errors.hpp"
#include "apps/commands.hpp"
#include "distributed/communicator.hpp"
#include "distributed/session.hpp"
#include "engine/build_info.hpp"

namespace {

// An error ends every rank of an MPI job: the others would wait for this one forever.
int fail(int exit_code) {
  if (sprout::distributed::Communicator::world().size() > 1)
    sprout::distributed::Session::abort(exit_code);
  return exit_code;
}

// "sprout: error: " on one process or rank 0, "sprout: error (rank 3): " on the others.
std::string error_prefix() {
  const auto& world = sprout::distributed::Communicator::world();
  return world.is_root() ? "sprout: error: "
                         : fmt::format("sprout: error (rank {}): ", world.rank());
}

}  // namespace

int main(int argc, char** argv) {
  // Progress and results appear line by line in a log or a pipe, not when the run ends.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const sprout::distributed::Session mpi(argc, argv);
  CLI::App app{"Sprout: event-driven spiking simulation and learning by structural plasticity"};
  app.set_version_flag(
      "--version", fmt::format("sprout {} ({})\nbuilt for {} by {}\nMPI: {}", sprout::version(),
                               sprout::git_revision(), sprout::build_target(), sprout::compiler(),
                               sprout::distributed::mpi_description()));
  app.require_subcommand(1);
  sprout::apps::add_batch_command(app);
  sprout::apps::add_run_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {  // --help, --version
    return app.exit(done);
  } catch (const CLI::ParseError& error) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    fmt::print(stderr, "{}{}\n", error_prefix(),
               sprout::apps::parse_error_line(app, error, arguments));
    return fail(error.get_exit_code());
  } catch (const std::exception& error) {
    fmt::print(stderr, "{}{}\n", error_prefix(), error.what());
    return fail(1);
  }
  return 0;
}
