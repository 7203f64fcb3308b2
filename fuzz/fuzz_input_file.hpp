#pragma once
// Fuzz inputs for readers that take a path: the bytes go to a file of this process's own
// in /tmp, rewritten for every input.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace sprout::fuzz {

inline const std::filesystem::path& input_file(const std::string& suffix) {
  static const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                            ("sprout-fuzz-" + std::to_string(::getpid()) + suffix);
  return path;
}

inline const std::filesystem::path& write_input(const std::uint8_t* data, std::size_t size,
                                                const std::string& suffix = ".bin") {
  const std::filesystem::path& path = input_file(suffix);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace sprout::fuzz
