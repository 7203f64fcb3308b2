#pragma once
// Writing files so that a reader never sees half of one: the content goes to a
// temporary file beside the target, which is renamed over it only when complete.

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string_view>

namespace sprout {

// Calls `write` with a stream on `<path>.tmp`, flushes, then renames to `path`.
// On any failure (exception from `write`, stream error) the temporary file is removed
// and a std::runtime_error naming `path` is thrown; `path` is left as it was.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

void write_text_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace sprout
