// `sprout compare`: the structural rule against BP, side by side. Reads the runs'
// results, writes DIR/report.json and the self-contained DIR/report.html, and prints the
// headline table.

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "analysis/comparison.hpp"
#include "apps/commands.hpp"
#include "engine/atomic_file.hpp"
#include "io/output_folder.hpp"
#include "report/comparison_html.hpp"
#include "report/comparison_story.hpp"
#include "results/comparison_report.hpp"

namespace sprout::apps {
namespace {

struct CompareOptions {
  std::vector<std::string> structural;
  std::vector<std::string> bp;
  std::string sweep;
  std::string paper_table;
  std::string front;
  std::string out;
  bool force = false;
  analysis::ComparisonRequest request;
};

void print_headline(const results::ComparisonReport& report) {
  fmt::print("{:<24} {:>14} {:>12} {:>14} {:>14} {:>14} {:>16}\n", "network", "test accuracy",
             "synapses", "bits/synapse", "ops/image", "energy pJ", "at MAC cost pJ");
  for (const results::HeadlineRow& row : report.headline) {
    fmt::print("{:<24} {:>13.2f}% {:>12} {:>14.4f} {:>14.0f} {:>14.0f} {:>16.0f}\n", row.name,
               100.0 * row.test_accuracy, row.nonzero_synapses, row.bits_per_synapse,
               row.operations_per_image, row.energy_pj, row.energy_at_mac_cost_pj);
  }
}

// The effective command, every option spelt out (for the provenance).
std::string command_line(const CompareOptions& options) {
  std::string line = "sprout compare";
  for (const std::string& structural : options.structural)
    line += fmt::format(" --structural {}", structural);
  for (const std::string& bp : options.bp)
    line += fmt::format(" --bp {}", bp);
  if (!options.sweep.empty()) line += fmt::format(" --sweep {}", options.sweep);
  if (!options.paper_table.empty()) line += fmt::format(" --paper-table {}", options.paper_table);
  if (!options.front.empty()) line += fmt::format(" --front {}", options.front);
  const analysis::ComparisonRequest& request = options.request;
  return line + fmt::format(
                    " --out {} --accumulate-pj {} --mac-pj {} --tolerance-points {} "
                    "--bootstrap {}",
                    options.out, request.costs.accumulate_pj, request.costs.multiply_accumulate_pj,
                    request.tolerance_points, request.bootstrap.replicates);
}

void run_compare(CompareOptions& options) {
  std::vector<std::filesystem::path> inputs = {options.sweep};
  inputs.insert(inputs.end(), options.structural.begin(), options.structural.end());
  inputs.insert(inputs.end(), options.bp.begin(), options.bp.end());
  const std::vector<std::string> outputs = {"report.json", "report.html"};
  const io::OutputFolder folder(
      options.out, "--out", outputs, inputs,
      options.force ? io::ExistingResults::kReplace : io::ExistingResults::kRefuse);
  options.request.command_line = command_line(options);
  options.request.structural = options.structural.front();
  options.request.more_structural.assign(options.structural.begin() + 1, options.structural.end());
  options.request.bp.assign(options.bp.begin(), options.bp.end());
  if (!options.sweep.empty()) options.request.sweep = options.sweep;
  if (!options.paper_table.empty()) options.request.paper_table = options.paper_table;
  if (!options.front.empty()) options.request.structural_front = options.front;
  const results::ComparisonReport report = analysis::compare_runs(options.request);
  const std::string html = report::comparison_html(report);  // before anything is written
  const std::filesystem::path out = options.out;
  results::write_results_file(out / "report.json", report);
  write_text_atomically(out / "report.html", html);
  print_headline(report);
  fmt::print("\n");
  for (const std::string& sentence : report::comparison_conclusion(report))
    fmt::print("{}\n", sentence);
  fmt::print("\nThe charts and every metric: open {} in a browser ({} has the numbers).\n",
             (out / "report.html").string(), (out / "report.json").string());
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Structural rule against BP: DIR/report.json and a self-contained DIR/report.html");
  cmd->add_option("--structural", options->structural,
                  "results.json of `sprout train`; repeat for other seeds or sizes (the first is "
                  "the one compared in full, all are drawn with their spread)")
      ->required();
  cmd->add_option("--bp", options->bp, "results.json of `sprout bp` (repeat for several runs)")
      ->required();
  cmd->add_option("--sweep", options->sweep,
                  "sweep.json of `sprout bp sweep` (over-parameterisation, equal-accuracy ratio)");
  cmd->add_option("--front", options->front,
                  "front.json of scripts/structural_front (the rule's accuracy-synapse front)");
  cmd->add_option("--paper-table", options->paper_table,
                  "table2.json of `sprout paper-table` (the paper's Table 2 beside Sprout's)");
  cmd->add_option("--out", options->out, "Output folder")->required();
  cmd->add_flag("--force", options->force, "Replace the report of an earlier comparison in OUT");
  cmd->add_option("--accumulate-pj", options->request.costs.accumulate_pj,
                  "Energy of one accumulate (one SynOp)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--mac-pj", options->request.costs.multiply_accumulate_pj,
                  "Energy of one multiply-accumulate")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--tolerance-points", options->request.tolerance_points,
                  "Over-parameterisation: accuracy tolerance in percentage points")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--bootstrap", options->request.bootstrap.replicates,
                  "Bootstrap replicates of I(prediction; label) (0: no interval)")
      ->capture_default_str();
  cmd->callback([options] {
    require_one_rank("compare");
    run_compare(*options);
  });
}

}  // namespace sprout::apps
