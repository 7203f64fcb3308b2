#pragma once
// What every results document starts with (docs/formats.md, "Results files"):
//   "schema": "sprout.<kind>/<version>"  which command wrote it, in which layout
//   "provenance": {...}                  the build and the effective config behind it
// Readers refuse another kind, another version and a document without a schema, naming
// the file and the key.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "io/result_reader.hpp"
#include "io/results_file.hpp"

namespace sprout::results {

enum class ResultKind {
  kTrain,
  kBp,
  kBpSweep,
  kSimulate,
  kEval,
  kProbe,
  kCompare,
  kCapacity,
  kPaperTable
};

// The layout version of every kind; a reader reads this version only.
inline constexpr int kSchemaVersion = 1;

// "sprout.train/1", "sprout.bp/1", "sprout.bp_sweep/1", "sprout.simulate/1",
// "sprout.eval/1", "sprout.probe/1", "sprout.compare/1", "sprout.capacity/1",
// "sprout.paper_table/1".
[[nodiscard]] std::string schema_id(ResultKind kind);
// The command that writes the kind: "train", "bp", "bp sweep", ...
[[nodiscard]] std::string_view command_of(ResultKind kind);

// Who made a results file: this build, the command and the complete effective config.
struct Provenance {
  std::string sprout_version;
  std::string git_revision;
  std::string build_target;
  std::string command;    // "train", "bp", "bp sweep", ...
  nlohmann::json config;  // the effective config, as the command's config reader reads it
};

// The provenance of a result this build writes now.
[[nodiscard]] Provenance provenance_of_this_build(std::string command, nlohmann::json config);

void to_json(nlohmann::json& out, const Provenance& provenance);
void read(const io::ResultReader& in, Provenance& out);

// {"schema": schema_id(kind), "provenance": provenance}: the start of a document.
[[nodiscard]] nlohmann::json document_start(ResultKind kind, const Provenance& provenance);

// The document's top level, after checking that "schema" is `expected`'s: throws one line
// "<source>: schema: <problem>" otherwise.
[[nodiscard]] io::ResultReader open_document(const nlohmann::json& document, std::string source,
                                             ResultKind expected);

// A results file read by its kind's reader: Results::from_json(document, path).
template <class Results>
[[nodiscard]] Results read_results_file(const std::filesystem::path& path) {
  return Results::from_json(io::read_json_file(path), path.string());
}

// Results::to_json() written to `path` through a temporary file.
template <class Results>
void write_results_file(const std::filesystem::path& path, const Results& results) {
  io::write_json_atomically(path, results.to_json());
}

}  // namespace sprout::results
