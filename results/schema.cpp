#include "results/schema.hpp"

#include <fmt/format.h>

#include <array>

#include "engine/build_info.hpp"

namespace sprout::results {
namespace {

using nlohmann::json;

struct KindName {
  ResultKind kind;
  std::string_view name;     // in the schema id
  std::string_view command;  // that writes it
};

constexpr std::array<KindName, 9> kKinds{{{ResultKind::kTrain, "train", "train"},
                                          {ResultKind::kBp, "bp", "bp"},
                                          {ResultKind::kBpSweep, "bp_sweep", "bp sweep"},
                                          {ResultKind::kSimulate, "simulate", "simulate"},
                                          {ResultKind::kEval, "eval", "eval"},
                                          {ResultKind::kProbe, "probe", "probe"},
                                          {ResultKind::kCompare, "compare", "compare"},
                                          {ResultKind::kCapacity, "capacity", "capacity"},
                                          {ResultKind::kPaperTable, "paper_table", "paper-table"}}};

const KindName& name_of(ResultKind kind) {
  for (const KindName& entry : kKinds)
    if (entry.kind == kind) return entry;
  return kKinds.front();
}

}  // namespace

std::string schema_id(ResultKind kind) {
  return fmt::format("sprout.{}/{}", name_of(kind).name, kSchemaVersion);
}

std::string_view command_of(ResultKind kind) {
  return name_of(kind).command;
}

Provenance provenance_of_this_build(std::string command, json config) {
  return {std::string(version()), std::string(git_revision()), std::string(build_target()),
          std::move(command), std::move(config)};
}

void to_json(json& out, const Provenance& provenance) {
  out = {{"sprout_version", provenance.sprout_version},
         {"git_revision", provenance.git_revision},
         {"build_target", provenance.build_target},
         {"command", provenance.command},
         {"config", provenance.config}};
}

void read(const io::ResultReader& in, Provenance& out) {
  out.sprout_version = in.text("sprout_version");
  out.git_revision = in.text("git_revision");
  out.build_target = in.text("build_target");
  out.command = in.text("command");
  out.config = in.raw("config");
  if (!out.config.is_object()) in.fail("config", "expected an object");
}

json document_start(ResultKind kind, const Provenance& provenance) {
  return {{"schema", schema_id(kind)}, {"provenance", provenance}};
}

io::ResultReader open_document(const json& document, std::string source, ResultKind expected) {
  const io::ResultReader top = io::ResultReader(document, std::move(source)).object();
  const std::string wanted = schema_id(expected);
  const std::string expected_text =
      fmt::format("expected \"{}\" (a results file of 'sprout {}')", wanted, command_of(expected));
  if (!top.has("schema"))
    top.fail("schema", fmt::format("missing: not a Sprout results file; {}", expected_text));
  const std::string schema = top.text("schema");
  if (schema == wanted) return top;
  for (const KindName& entry : kKinds) {
    const std::string prefix = fmt::format("sprout.{}/", entry.name);
    if (!schema.starts_with(prefix)) continue;
    if (entry.kind != expected) {
      top.fail("schema", fmt::format("\"{}\" is a results file of 'sprout {}', {}", schema,
                                     entry.command, expected_text));
    }
    top.fail("schema", fmt::format("version {} is not read by this build (it reads \"{}\")",
                                   schema.substr(prefix.size()), wanted));
  }
  top.fail("schema", fmt::format("unknown kind \"{}\", {}", schema, expected_text));
}

}  // namespace sprout::results
