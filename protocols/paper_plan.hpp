#pragma once
// The runs of the paper's Table 2 protocol (`sprout paper-table`): every method at every
// hidden size and seed, each with its config read, overridden and checked before any run
// starts, so that a bad option costs no training time.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/paper_table.hpp"
#include "analysis/variational_information.hpp"
#include "encoders/class_subset.hpp"
#include "models/bp/bp_config.hpp"
#include "models/structural/structural_config.hpp"

namespace sprout::protocols {

struct PaperProtocolSettings {
  std::filesystem::path out;  // DIR: table2.json, table2.md, runs/
  std::filesystem::path data_dir = "data/mnist";
  // The structural config's network.hidden and the BP configs' hidden are set per run, so
  // the structural rule's winners and inhibition follow its scaling rules.
  std::filesystem::path structural_config = "configs/paper_structural.json";
  std::filesystem::path bp_config = "configs/paper_bp_dense.json";
  std::filesystem::path nonnegative_config = "configs/paper_bp_nonnegative.json";
  std::vector<std::size_t> hidden = {10, 30, 100, 200};
  std::size_t seeds = 1;  // seeds 1..seeds of every run (and of its VIB encoder)
  // Overrides of every config, unset: the configs' own.
  std::optional<encoders::ClassList> classes;
  std::optional<std::size_t> threads;
  std::optional<std::size_t> train_limit;
  std::optional<std::size_t> test_limit;
  // The estimator's settings, the same for every run but its seed (the run's).
  analysis::VibSettings vib;
  bool force = false;  // replace the tables and run folders of an earlier protocol in out
};

// One run: its method, size, seed, folder (under out/runs) and effective config.
struct PaperRunPlan {
  analysis::PaperMethod method = analysis::PaperMethod::kBp;
  std::size_t hidden = 0;
  std::uint64_t seed = 0;
  std::string folder;                   // "structural_h30_s1"
  std::filesystem::path config;         // the file it came from
  models::StructuralConfig structural;  // for kStructural
  models::BpConfig bp;                  // for kBp and kBpNonnegative
};

struct PaperPlan {
  std::vector<PaperRunPlan> runs;  // by hidden size, then seed, then method
  encoders::ClassList classes;     // the digits every run learns
  // For the provenance: each config file with its resolved document (before the per-run
  // hidden size and seed) and the overrides the options gave.
  nlohmann::json configs;
};

// "--hidden 10,30,100,200": positive integers, none twice. Throws std::invalid_argument
// "<option>: <problem>".
[[nodiscard]] std::vector<std::size_t> parse_hidden_list(std::string_view text,
                                                         std::string_view option);

// Reads and checks every run's config. Throws one line naming the option or the config file
// and key: a bad value ("--hidden: must be in [1, 100000], got 0"), configs that do not
// learn the same digits, a method the config file is not ("bp_config: variant must be
// dense").
[[nodiscard]] PaperPlan plan_paper_protocol(const PaperProtocolSettings& settings);

}  // namespace sprout::protocols
