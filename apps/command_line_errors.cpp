#include "apps/command_line_errors.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <numeric>

namespace sprout::apps {
namespace {

// The deepest command the parser entered: `sprout bp sweep ...` gives `sweep`.
const CLI::App* deepest_command(const CLI::App& app) {
  const CLI::App* command = &app;
  for (;;) {
    const std::vector<CLI::App*> entered = command->get_subcommands();
    if (entered.empty()) return command;
    command = entered.front();
  }
}

// "train", "bp sweep"; empty for the program itself.
std::string command_path(const CLI::App* command) {
  std::string path;
  for (; command != nullptr && command->get_parent() != nullptr; command = command->get_parent())
    path = path.empty() ? command->get_name() : command->get_name() + " " + path;
  return path;
}

std::vector<std::string> subcommand_names(const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> option_names(const CLI::App* command) {
  std::vector<std::string> names{"--help"};
  for (const CLI::Option* option : command->get_options()) {
    for (const std::string& name : option->get_lnames())
      names.push_back("--" + name);
  }
  return names;
}

// What is wrong with a word the parser did not expect, with the likely intended one.
std::string unexpected_word(const CLI::App* command, const std::string& word) {
  if (word.starts_with("-")) {
    const std::string name = word.substr(0, word.find('='));
    const std::string nearest = nearest_word(name, option_names(command));
    return nearest.empty() ? fmt::format("unknown option '{}'", name)
                           : fmt::format("unknown option '{}'; did you mean '{}'?", name, nearest);
  }
  const std::vector<std::string> commands = subcommand_names(command);
  if (commands.empty()) return fmt::format("unexpected argument '{}'", word);
  const std::string nearest = nearest_word(word, commands);
  const std::string what = fmt::format("'{}' is not a command", word);
  return nearest.empty() ? fmt::format("{} (commands: {})", what, fmt::join(commands, ", "))
                         : fmt::format("{}; did you mean '{}'?", what, nearest);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus the swap of two neighbours ("trian").
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i)
    d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j)
    d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::string nearest_word(std::string_view word, const std::vector<std::string>& candidates) {
  // A typo changes a letter or two; more than that is another word.
  const std::size_t allowed = word.size() <= 4 ? 1 : 2;
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string parse_error_line(const CLI::App& app, const CLI::ParseError& error,
                             const std::vector<std::string>& arguments) {
  const CLI::App* command = deepest_command(app);
  const std::string path = command_path(command);
  const std::string help = path.empty() ? "sprout --help" : "sprout " + path + " --help";
  std::string problem = error.what();
  // A word the parser could not place: the first one not given to an option. For the
  // program itself that is the first argument (a command name is required there).
  std::vector<std::string> unplaced = command->remaining();
  if (command == &app && unplaced.empty() && !arguments.empty() &&
      !arguments.front().starts_with("-"))
    unplaced.push_back(arguments.front());
  if (!unplaced.empty()) problem = unexpected_word(command, unplaced.front());
  // CLI11 says "--epochs: At Most 1 required but received 2" for an option given twice.
  if (const auto at = problem.find(": At Most 1 required but received "); at != std::string::npos)
    problem = fmt::format("{}: given {} times; give it once", problem.substr(0, at),
                          problem.substr(at + 34));
  return path.empty() ? fmt::format("{} ({} lists the commands)", problem, help)
                      : fmt::format("{}: {} ({} lists the options)", path, problem, help);
}

}  // namespace sprout::apps
