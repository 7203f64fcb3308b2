#pragma once
// Result files: JSON with the producing command's config and the build's git revision
// inside, written atomically.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

namespace sprout::io {

// Returns {"sprout_version", "git_revision", "command", "config"} to embed in a result.
[[nodiscard]] nlohmann::json provenance(std::string_view command, const nlohmann::json& config);

// Writes `document` (pretty-printed) to `path` through a temporary file.
void write_json_atomically(const std::filesystem::path& path, const nlohmann::json& document);

// Reads a JSON file; throws std::runtime_error "<path>: <reason>" when missing or invalid.
[[nodiscard]] nlohmann::json read_json_file(const std::filesystem::path& path);

}  // namespace sprout::io
