// The output folder of a command: checked before any work, locked for the run's life,
// never an input, never a finished run's unless asked.
#include <catch2/catch.hpp>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/output_folder.hpp"
#include "test_helpers.hpp"

using Catch::Matchers::Contains;
using sprout::io::check_output_file;
using sprout::io::ExistingResults;
using sprout::io::OutputFolder;

namespace {

const std::vector<std::string> kResults = {"results.json"};

void touch(const std::filesystem::path& path) {
  std::ofstream(path) << "x";
}

}  // namespace

TEST_CASE("Output folder: created, and locked against a second writer while held", "[io]") {
  const sprout::testing::TemporaryFolder folder;
  const auto out = folder.path() / "run";
  {
    const OutputFolder first(out, "--out", kResults, {}, ExistingResults::kRefuse);
    CHECK(std::filesystem::is_directory(out));
    CHECK_THROWS_WITH(OutputFolder(out, "--out", kResults, {}, ExistingResults::kRefuse),
                      Contains("another sprout command is writing to this folder"));
  }
  // Released with the first: the folder can be opened again.
  CHECK_NOTHROW(OutputFolder(out, "--out", kResults, {}, ExistingResults::kRefuse));
}

TEST_CASE("Output folder: a folder it created and the command left empty is removed", "[io]") {
  const sprout::testing::TemporaryFolder folder;
  const auto out = folder.path() / "failed";
  { const OutputFolder failed(out, "--out", kResults, {}, ExistingResults::kRefuse); }
  CHECK_FALSE(std::filesystem::exists(out));
  const auto kept = folder.path() / "kept";
  {
    const OutputFolder done(kept, "--out", kResults, {}, ExistingResults::kRefuse);
    touch(kept / "results.json");
  }
  CHECK(std::filesystem::exists(kept / "results.json"));
}

TEST_CASE("Output folder: a finished run is kept unless continued or replaced", "[io]") {
  const sprout::testing::TemporaryFolder folder;
  const auto out = folder.path() / "run";
  std::filesystem::create_directories(out);
  touch(out / "results.json");
  CHECK_THROWS_WITH(
      OutputFolder(out, "--out", kResults, {}, ExistingResults::kRefuse),
      Contains("holds the results of an earlier run (results.json)") && Contains("--force"));
  CHECK_NOTHROW(OutputFolder(out, "--out", kResults, {}, ExistingResults::kContinue));
  CHECK_NOTHROW(OutputFolder(out, "--out", kResults, {}, ExistingResults::kReplace));
}

TEST_CASE("Output folder: never empty, never around an input", "[io]") {
  const sprout::testing::TemporaryFolder folder;
  CHECK_THROWS_WITH(OutputFolder("", "--out", kResults, {}, ExistingResults::kRefuse),
                    Contains("--out: empty path"));
  const auto data = folder.path() / "data";
  std::filesystem::create_directories(data);
  touch(data / "images");
  const std::vector<std::filesystem::path> inputs = {data / "images"};
  CHECK_THROWS_WITH(OutputFolder(data, "--out", kResults, inputs, ExistingResults::kReplace),
                    Contains("holds the input"));
  // The same folder reached another way.
  CHECK_THROWS_WITH(OutputFolder(folder.path() / "data" / ".." / "data", "--out", kResults, inputs,
                                 ExistingResults::kReplace),
                    Contains("holds the input"));
  touch(folder.path() / "a-file");
  CHECK_THROWS_WITH(
      OutputFolder(folder.path() / "a-file", "--out", kResults, {}, ExistingResults::kRefuse),
      Contains("cannot create the folder"));
}

TEST_CASE("Output file: not an input, not a folder, not overwritten unless asked", "[io]") {
  const sprout::testing::TemporaryFolder folder;
  const auto network = folder.path() / "network.bin";
  touch(network);
  const std::vector<std::filesystem::path> inputs = {network};
  CHECK_THROWS_WITH(check_output_file(network, "--out", inputs, true),
                    Contains("is an input of this command"));
  CHECK_THROWS_WITH(check_output_file(folder.path(), "--out", {}, true), Contains("is a folder"));
  CHECK_THROWS_WITH(check_output_file("", "--out", {}, true), Contains("empty path"));
  const auto report = folder.path() / "eval.json";
  CHECK_NOTHROW(check_output_file(report, "--out", inputs, false));
  touch(report);
  CHECK_THROWS_WITH(check_output_file(report, "--out", inputs, false), Contains("--force"));
  CHECK_NOTHROW(check_output_file(report, "--out", inputs, true));
}
