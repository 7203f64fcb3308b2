#pragma once
// JSON files on disk: written atomically, read with one-line errors naming the file. The
// layout of each kind of results file is its schema's (results/).

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace sprout::io {

// Writes `document` (pretty-printed) to `path` through a temporary file.
void write_json_atomically(const std::filesystem::path& path, const nlohmann::json& document);

// Reads a JSON file; throws std::runtime_error "<path>: <reason>" when missing or invalid.
[[nodiscard]] nlohmann::json read_json_file(const std::filesystem::path& path);
// JSON text parsed, refusing nesting deeper than kMaxJsonDepth (deeper documents would
// exhaust the stack of the recursive code that prints or walks them); throws one line
// "<source>: invalid JSON: <problem>".
inline constexpr int kMaxJsonDepth = 64;
[[nodiscard]] nlohmann::json parse_json_text(const std::string& text, std::string_view source);

// A JSON library error as a user reads it: "parse error at line 2, column 3: ...", without
// the library's "[json.exception...]" tag.
[[nodiscard]] std::string json_error_text(const nlohmann::json::exception& error);

}  // namespace sprout::io
