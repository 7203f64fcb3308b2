#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <stdexcept>

#include "engine/atomic_file.hpp"
#include "test_helpers.hpp"

namespace {
std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The names in `folder`, so that no temporary file can hide under another name.
std::vector<std::string> names_in(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}
}  // namespace

TEST_CASE("Atomic write: content appears whole and no temporary file remains", "[io]") {
  sprout::testing::TemporaryFolder folder;
  const auto path = folder.path() / "sub" / "result.json";
  sprout::write_text_atomically(path, "{\"a\": 1}\n");
  CHECK(slurp(path) == "{\"a\": 1}\n");
  CHECK(names_in(folder.path() / "sub") == std::vector<std::string>{"result.json"});
}

TEST_CASE("Atomic write: a failing writer leaves the old file untouched", "[io]") {
  sprout::testing::TemporaryFolder folder;
  const auto path = folder.path() / "result.json";
  sprout::write_text_atomically(path, "old");
  CHECK_THROWS_AS(sprout::write_file_atomically(path,
                                                [](std::ostream& out) {
                                                  out << "half of the new";
                                                  throw std::runtime_error("disk on fire");
                                                }),
                  std::runtime_error);
  CHECK(slurp(path) == "old");
  CHECK(names_in(folder.path()) == std::vector<std::string>{"result.json"});
}

TEST_CASE("Atomic write: a file or link prepared at the old temporary name is not written through",
          "[io]") {
  sprout::testing::TemporaryFolder folder;
  const auto victim = folder.path() / "victim";
  sprout::write_text_atomically(victim, "precious");
  const auto path = folder.path() / "result.json";
  std::filesystem::create_symlink(victim, path.string() + ".tmp");
  sprout::write_text_atomically(path, "new");
  CHECK(slurp(path) == "new");
  CHECK(slurp(victim) == "precious");
  CHECK(std::filesystem::is_symlink(path.string() + ".tmp"));
}

TEST_CASE("Atomic write: an empty path is refused with its reason", "[io]") {
  CHECK_THROWS_WITH(sprout::write_text_atomically("", "x"), Catch::Contains("not a file name"));
}
