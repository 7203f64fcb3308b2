#include "io/output_folder.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace sprout::io {
namespace {

// The path as the file system resolves it, for comparing an output with the inputs.
std::filesystem::path resolved(const std::filesystem::path& path) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::absolute(path) : canonical;
}

bool inside(const std::filesystem::path& file, const std::filesystem::path& folder) {
  const auto [end, _] = std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
  return end == folder.end();
}

void check_not_empty(const std::filesystem::path& path, const std::string& option) {
  if (path.empty()) throw std::runtime_error(fmt::format("{}: empty path", option));
}

// Creates `folder` if needed and proves it writable with a file of our own.
void check_writable(const std::filesystem::path& folder, const std::string& option) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec || !std::filesystem::is_directory(folder)) {
    throw std::runtime_error(fmt::format("{} {}: cannot create the folder ({})", option,
                                         folder.string(),
                                         ec ? ec.message() : "a file of that name exists"));
  }
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    throw std::runtime_error(fmt::format("{} {}: folder is not writable ({})", option,
                                         folder.string(), std::strerror(errno)));
  }
}

}  // namespace

OutputFolder::OutputFolder(std::filesystem::path folder, std::string option,
                           std::span<const std::string> results,
                           std::span<const std::filesystem::path> inputs, ExistingResults existing)
    : folder_(std::move(folder)) {
  check_not_empty(folder_, option);
  const auto out = resolved(folder_);
  for (const auto& input : inputs) {
    if (!input.empty() && inside(resolved(input), out)) {
      throw std::runtime_error(fmt::format("{} {}: holds the input {}; write elsewhere", option,
                                           folder_.string(), input.string()));
    }
  }
  created_ = !std::filesystem::exists(folder_);
  check_writable(folder_, option);
  const auto lock = folder_ / ".sprout.lock";
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    throw std::runtime_error(fmt::format("{} {}: cannot create the lock file ({})", option,
                                         folder_.string(), std::strerror(errno)));
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw std::runtime_error(fmt::format("{} {}: another sprout command is writing to this folder",
                                         option, folder_.string()));
  }
  if (existing == ExistingResults::kRefuse) {
    for (const std::string& name : results) {
      if (std::filesystem::exists(folder_ / name)) {
        ::close(lock_fd_);
        lock_fd_ = -1;
        throw std::runtime_error(fmt::format(
            "{} {}: holds the results of an earlier run ({}); choose another folder, continue it "
            "with --resume where the command has it, or replace it with --force",
            option, folder_.string(), name));
      }
    }
  }
}

OutputFolder::~OutputFolder() {
  if (lock_fd_ < 0) return;
  if (created_) {
    // Only the lock file in it: the command failed before writing anything.
    std::error_code ec;
    const auto first = std::filesystem::directory_iterator(folder_, ec);
    const bool only_lock = !ec && first != std::filesystem::directory_iterator() &&
                           first->path().filename() == ".sprout.lock" &&
                           std::next(std::filesystem::directory_iterator(folder_, ec)) ==
                               std::filesystem::directory_iterator();
    if (only_lock) {
      std::filesystem::remove(folder_ / ".sprout.lock", ec);
      std::filesystem::remove(folder_, ec);
    }
  }
  ::close(lock_fd_);  // releases the lock; the file stays (removing it would race a waiter)
}

void check_output_file(const std::filesystem::path& file, const std::string& option,
                       std::span<const std::filesystem::path> inputs, bool replace) {
  check_not_empty(file, option);
  if (file.filename().empty() || std::filesystem::is_directory(file)) {
    throw std::runtime_error(
        fmt::format("{} {}: is a folder, expected a file name", option, file.string()));
  }
  const auto out = resolved(file);
  const bool exists = std::filesystem::exists(file);
  for (const auto& input : inputs) {
    if (input.empty()) continue;
    const auto in = resolved(input);
    // An existing file in an input folder (e.g. the data folder) may be one of its inputs.
    if (in == out || (exists && std::filesystem::is_directory(in) && inside(out, in))) {
      throw std::runtime_error(fmt::format("{} {}: is an input of this command; write elsewhere",
                                           option, file.string()));
    }
  }
  check_writable(file.has_parent_path() ? file.parent_path() : std::filesystem::path("."), option);
  if (!replace && exists) {
    throw std::runtime_error(fmt::format(
        "{} {}: exists; choose another name or replace it with --force", option, file.string()));
  }
}

}  // namespace sprout::io
