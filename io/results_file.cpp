#include "io/results_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

#include "engine/atomic_file.hpp"

namespace sprout::io {

void write_json_atomically(const std::filesystem::path& path, const nlohmann::json& document) {
  write_text_atomically(path, document.dump(2) + "\n");
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open file", path.string()));
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(fmt::format("{}: invalid JSON ({})", path.string(), error.what()));
  }
}

}  // namespace sprout::io
