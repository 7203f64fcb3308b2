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
}  // namespace

TEST_CASE("Atomic write: content appears whole and no temporary file remains", "[io]") {
  sprout::testing::TemporaryFolder folder;
  const auto path = folder.path() / "sub" / "result.json";
  sprout::write_text_atomically(path, "{\"a\": 1}\n");
  CHECK(slurp(path) == "{\"a\": 1}\n");
  CHECK_FALSE(std::filesystem::exists(path.string() + ".tmp"));
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
  CHECK_FALSE(std::filesystem::exists(path.string() + ".tmp"));
}
