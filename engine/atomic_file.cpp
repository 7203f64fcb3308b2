#include "engine/atomic_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace sprout {

void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write) {
  if (path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      throw std::runtime_error(
          fmt::format("{}: cannot create folder ({})", path.parent_path().string(), ec.message()));
    }
  }
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  try {
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      if (!out) throw std::runtime_error(fmt::format("{}: cannot open for writing", path.string()));
      write(out);
      out.flush();
      if (!out) throw std::runtime_error(fmt::format("{}: write failed", path.string()));
    }
    std::filesystem::rename(temporary, path);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

void write_text_atomically(const std::filesystem::path& path, std::string_view text) {
  write_file_atomically(path, [text](std::ostream& out) {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  });
}

}  // namespace sprout
