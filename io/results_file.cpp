#include "io/results_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>

#include "engine/atomic_file.hpp"

namespace sprout::io {

void write_json_atomically(const std::filesystem::path& path, const nlohmann::json& document) {
  write_text_atomically(path, document.dump(2) + "\n");
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw std::runtime_error(fmt::format("{}: is a folder, expected a JSON file", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error(fmt::format("{}: cannot read file", path.string()));
  return parse_json_text(text.str(), path.string());
}

nlohmann::json parse_json_text(const std::string& text, std::string_view source) {
  const auto limit_depth = [source](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > kMaxJsonDepth)
      throw std::runtime_error(
          fmt::format("{}: invalid JSON: nested deeper than {} levels", source, kMaxJsonDepth));
    return true;
  };
  try {
    return nlohmann::json::parse(text, limit_depth);
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(fmt::format("{}: invalid JSON: {}", source, json_error_text(error)));
  }
}

std::string json_error_text(const nlohmann::json::exception& error) {
  // "[json.exception.parse_error.101] parse error at line 2, column 3: ..." without the
  // library's tag.
  const std::string text = error.what();
  const auto tag_end = text.find("] ");
  return text.starts_with("[json.exception.") && tag_end != std::string::npos
             ? text.substr(tag_end + 2)
             : text;
}

}  // namespace sprout::io
