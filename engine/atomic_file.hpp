#pragma once
// Writing files so that a reader never sees half of one: the content goes to a
// temporary file beside the target (a new name of this process's own, created
// exclusively, never through a link), is flushed to disk, and is renamed over the target
// only when complete.

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string_view>

namespace sprout {

// Calls `write` with a stream on `<path>.tmp.<pid>.<n>`, flushes and syncs it, renames it
// to `path` and syncs the folder. On any failure (exception from `write`, stream or disk
// error) the temporary file is removed and a std::runtime_error naming `path` is thrown;
// `path` is left as it was.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

void write_text_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace sprout
