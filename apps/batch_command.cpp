// `sprout batch FILE`: the sprout commands listed in FILE, one per line, as the independent
// runs of a sweep (seeds, sizes, the structural front). Under MPI they are spread over the
// ranks, each rank taking the next line when it is free; without MPI they run one after
// another. Each line runs on one rank, as it would alone.

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "apps/command_line_errors.hpp"
#include "apps/commands.hpp"
#include "apps/progress.hpp"
#include "distributed/task_pool.hpp"

namespace sprout::apps {
namespace {

struct BatchLine {
  std::size_t number = 0;  // in the file, from 1
  std::string text;        // the arguments after `sprout`
};

// The lines that name a command: blank lines and lines starting with # are skipped, and a
// leading "sprout " is allowed.
std::vector<BatchLine> read_batch_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read the batch file", path));
  std::vector<BatchLine> lines;
  std::string text;
  for (std::size_t number = 1; std::getline(in, text); ++number) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos || text[first] == '#') continue;
    text = text.substr(first, text.find_last_not_of(" \t\r") + 1 - first);
    if (text.rfind("sprout ", 0) == 0) text = text.substr(7);
    const std::string command = text.substr(0, text.find_first_of(" \t"));
    if (command == "batch")
      throw std::runtime_error(fmt::format("{}:{}: a batch cannot run a batch", path, number));
    lines.push_back({number, text});
  }
  if (lines.empty()) throw std::runtime_error(fmt::format("{}: lists no command", path));
  return lines;
}

// Runs one line as `sprout <line>` in this process alone.
void run_line(const std::string& path, const BatchLine& line) {
  CLI::App app{"sprout"};
  app.require_subcommand(1);
  add_run_commands(app);
  set_command_ranks(distributed::Communicator::self());
  try {
    app.parse(line.text, false);
  } catch (const CLI::Success&) {
    throw std::runtime_error(
        fmt::format("{}:{}: --help and --version are not runs", path, line.number));
  } catch (const CLI::ParseError& error) {
    // The words as App::parse(std::string) split them.
    const std::vector<std::string> words = CLI::detail::split_up(line.text);
    throw std::runtime_error(
        fmt::format("{}:{}: {}", path, line.number, parse_error_line(app, error, words)));
  } catch (const std::exception& error) {
    throw std::runtime_error(fmt::format("{}:{}: {}", path, line.number, error.what()));
  }
}

void run_batch(const std::string& path) {
  const distributed::Communicator& ranks = command_ranks();
  const std::vector<BatchLine> lines = read_batch_file(path);
  fmt::print("batch: {} runs from {}{}\n", lines.size(), path,
             ranks.size() > 1
                 ? fmt::format(" over {} MPI ranks (rank 0 shows its own runs)", ranks.size())
                 : "");
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const distributed::TaskResults done =
      distributed::run_tasks(ranks, lines.size(), [&](std::size_t index) {
        const auto run_start = std::chrono::steady_clock::now();
        fmt::print("== batch line {}: sprout {} ==\n", lines[index].number, lines[index].text);
        std::fflush(stdout);
        run_line(path, lines[index]);
        const double wall_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count();
        return nlohmann::json{{"wall_s", wall_s}}.dump();
      });
  set_command_ranks(ranks);
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const double wall_s = nlohmann::json::parse(done.results[index]).at("wall_s").get<double>();
    fmt::print("batch line {}: rank {}, {}\n", lines[index].number, done.rank_of[index],
               format_duration(wall_s));
  }
  const double total_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("batch: {} runs done in {}\n", lines.size(), format_duration(total_s));
}

}  // namespace

void add_batch_command(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "batch",
      "Run the sprout commands listed in FILE (one per line, # for comments), spread over the "
      "ranks of an MPI job (mpirun -np N sprout batch FILE) or one after another");
  cmd->add_option("FILE", *path, "The commands, one per line, without 'sprout'")->required();
  cmd->callback([path] { run_batch(*path); });
}

}  // namespace sprout::apps
