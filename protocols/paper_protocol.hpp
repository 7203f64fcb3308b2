#pragma once
// The paper's Table 2 protocol (`sprout paper-table`): the structural rule, standard BP
// and non-negative sparse BP at every hidden size on the paper's digits, each seed, each
// run into DIR/runs/<method>_h<H>_s<seed>/ as a normal results folder with capacity.json;
// then DIR/table2.json (rows with means and spread, the paper's rows, the orderings, the
// provenance) and DIR/table2.md. Both tables are rewritten after every run, marked
// "complete": false until the last one.

#include <cstddef>
#include <filesystem>
#include <vector>

#include "analysis/paper_table.hpp"
#include "distributed/communicator.hpp"
#include "protocols/paper_plan.hpp"

namespace sprout::models {
class TrainingObserver;
}

namespace sprout::protocols {

// What the protocol tells while it works; every callback has an empty default.
class PaperProtocolObserver {
 public:
  virtual ~PaperProtocolObserver() = default;
  // The configs are read and the data loaded; no run has started.
  virtual void planned(const PaperPlan& /*plan*/) {}
  // `index` counts from 1 to `total`.
  virtual void run_started(const PaperRunPlan& /*run*/, std::size_t /*index*/,
                           std::size_t /*total*/) {}
  virtual void run_finished(const PaperRunPlan& /*run*/,
                            const analysis::PaperRunMeasures& /*measures*/, double /*run_wall_s*/,
                            double /*protocol_wall_s*/) {}
  // Told the structural rule's passes and epochs; nullptr: nobody.
  virtual models::TrainingObserver* structural_progress() { return nullptr; }
};

struct PaperProtocolResult {
  std::vector<analysis::PaperTableRow> rows;
  std::filesystem::path table_json;
  std::filesystem::path table_markdown;
  double wall_s = 0;
};

// Checks the options and configs (paper_plan.hpp), the output folder (io/output_folder.hpp:
// an earlier protocol's tables or runs there are refused unless settings.force) and the
// data (every class present) before the first run. Throws one line on any failure.
//
// With more than one rank, every rank calls it alike: the runs are spread over the ranks
// (the next free rank takes the next run), each rank writes the folders of its runs, and
// rank 0 owns DIR and writes the tables once every run is done. The observer hears of
// this rank's runs only. The tables equal the one-process protocol's.
PaperProtocolResult run_paper_protocol(
    const PaperProtocolSettings& settings, PaperProtocolObserver& observer,
    const distributed::Communicator& ranks = distributed::Communicator::self());

}  // namespace sprout::protocols
