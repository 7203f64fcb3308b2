#include "engine/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <ext/stdio_filebuf.h>
#include <ostream>
#include <stdexcept>

namespace sprout {
namespace {

// A temporary name of this process's own beside `path`, created exclusively (O_EXCL) and
// never through a link (O_NOFOLLOW), so that a file or link prepared in the folder is
// never written through.
int create_temporary(const std::filesystem::path& path, std::filesystem::path& temporary) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary = path;
    temporary += fmt::format(".tmp.{}.{}", ::getpid(), counter.fetch_add(1));
    const int fd =
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd >= 0) return fd;
    if (errno != EEXIST) {
      throw std::runtime_error(
          fmt::format("{}: cannot open for writing ({})", path.string(), std::strerror(errno)));
    }
  }
  throw std::runtime_error(fmt::format("{}: cannot create a temporary file", path.string()));
}

// Makes the rename itself durable: the folder's entry is on disk once this returns.
void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // not every file system lets a folder be opened; the data are synced
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path.filename().empty()) {
    throw std::runtime_error(fmt::format("\"{}\": not a file name", path.string()));
  }
  if (path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      throw std::runtime_error(
          fmt::format("{}: cannot create folder ({})", path.parent_path().string(), ec.message()));
    }
  }
  std::filesystem::path temporary;
  const int fd = create_temporary(path, temporary);
  try {
    {
      __gnu_cxx::stdio_filebuf<char> buffer(fd, std::ios::out | std::ios::binary);
      std::ostream out(&buffer);
      write(out);
      out.flush();
      if (!out) throw std::runtime_error(fmt::format("{}: write failed", path.string()));
      // On disk before the rename, so that a crash leaves the old file or the new one.
      if (::fsync(fd) != 0) {
        throw std::runtime_error(
            fmt::format("{}: write failed ({})", path.string(), std::strerror(errno)));
      }
    }  // the buffer closes fd
    std::filesystem::rename(temporary, path);
    sync_folder(path.parent_path());
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
