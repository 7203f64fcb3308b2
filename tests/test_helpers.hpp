#pragma once
// Small helpers shared by the test files.

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace sprout::testing {

// A fresh, empty folder under the system temp folder, removed when destroyed.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() /
            ("sprout-test-" + std::to_string(device()) + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The MNIST folder the tests read: SPROUT_DATA_DIR (set by CTest) or data/mnist.
inline std::filesystem::path mnist_folder() {
  const char* from_env = std::getenv("SPROUT_DATA_DIR");
  return from_env != nullptr ? std::filesystem::path(from_env)
                             : std::filesystem::path("data/mnist");
}

}  // namespace sprout::testing
