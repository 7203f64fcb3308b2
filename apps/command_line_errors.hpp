#pragma once
// Parser errors in the program's one-line form, "sprout: error: <command>: <problem>",
// with the nearest command or option when a word was mistyped ("did you mean 'train'?").

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace sprout::apps {

// Edit distance (insertions, deletions, substitutions and swaps of neighbours) of two words.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or "" when none is close enough to be a likely typo.
[[nodiscard]] std::string nearest_word(std::string_view word,
                                       const std::vector<std::string>& candidates);

// The one line (without "sprout: error: " and the newline) for a parse error of `app`
// after parsing `arguments` (argv without the program name).
[[nodiscard]] std::string parse_error_line(const CLI::App& app, const CLI::ParseError& error,
                                           const std::vector<std::string>& arguments);

}  // namespace sprout::apps
