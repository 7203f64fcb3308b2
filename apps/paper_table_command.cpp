// `sprout paper-table`: the paper's Table 2 reproduced (protocols/paper_protocol.hpp): the
// structural rule, BP and non-negative sparse BP at each hidden size on the paper's digits,
// each run a results folder under DIR/runs, the tables in DIR/table2.json and table2.md.

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "analysis/paper_table.hpp"
#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "apps/progress.hpp"
#include "encoders/class_subset.hpp"
#include "models/structural/training_run.hpp"
#include "protocols/paper_protocol.hpp"

namespace sprout::apps {
namespace {

struct PaperTableOptions {
  protocols::PaperProtocolSettings settings;
  std::string data_dir;
  std::string hidden = "10,30,100,200";
  std::optional<std::string> classes;
};

// A line per run started and finished on stdout; the structural rule's epochs as indented
// lines, and its passes as a progress line when stderr is a terminal.
class PaperTableConsole : public protocols::PaperProtocolObserver, public models::TrainingObserver {
 public:
  void planned(const protocols::PaperPlan& plan) override {
    const int ranks = command_ranks().size();
    if (ranks == 1) {
      fmt::print("paper-table: {} runs on digits {}; the tables are rewritten after each run\n",
                 plan.runs.size(), fmt::join(plan.classes, ","));
    } else {
      fmt::print(
          "paper-table: {} runs on digits {} over {} MPI ranks (rank 0 shows its own runs); the "
          "tables are written when every run is done\n",
          plan.runs.size(), fmt::join(plan.classes, ","), ranks);
    }
    std::fflush(stdout);
  }
  void run_started(const protocols::PaperRunPlan& run, std::size_t index,
                   std::size_t total) override {
    label_ = fmt::format("[{}/{}] {} H={} seed {}", index, total, analysis::method_key(run.method),
                         run.hidden, run.seed);
    fmt::print("{}: started, runs/{}\n", label_, run.folder);
    std::fflush(stdout);
  }
  void run_finished(const protocols::PaperRunPlan& /*run*/, const analysis::PaperRunMeasures& m,
                    double run_wall_s, double protocol_wall_s) override {
    fmt::print(
        "{}: finished: test accuracy {:.2f}%  I(X;Z) {:.3f} bits  non-silent input synapses {}  "
        "C_S {:.3e} bits/synapse  ({:.0f} s; {:.1f} min in all)\n",
        label_, 100 * m.test_accuracy, m.i_xz_bits, m.nonsilent_input_synapses, m.c_s_paper,
        run_wall_s, protocol_wall_s / 60);
    std::fflush(stdout);
  }
  models::TrainingObserver* structural_progress() override { return this; }

  void pass_started(std::string_view name, std::size_t images) override {
    if (isatty(fileno(stderr)) != 0) line_.emplace(std::string(name), images);
  }
  void pass_progress(std::size_t done, const models::BatchProgress* /*batch*/) override {
    if (line_) line_->update(done);
  }
  void pass_finished() override {
    if (line_) line_->finish();
    line_.reset();
  }
  void epoch_finished(const models::EpochRecord& r) override {
    fmt::print("  epoch {}: test accuracy {:.2f}%  realised synapses {}  train {:.0f} s\n", r.epoch,
               100 * r.test_accuracy, r.synapses.realised, r.train_wall_s);
    std::fflush(stdout);
  }

 private:
  std::string label_;
  std::optional<ProgressLine> line_;
};

void run_paper_table(PaperTableOptions& o) {
  protocols::PaperProtocolSettings& settings = o.settings;
  if (settings.out.empty()) throw std::invalid_argument("--out DIR is required");
  settings.data_dir = o.data_dir;
  settings.hidden = protocols::parse_hidden_list(o.hidden, "--hidden");
  if (o.classes) settings.classes = encoders::parse_class_list(*o.classes, "--classes");
  PaperTableConsole console;
  const protocols::PaperProtocolResult result =
      protocols::run_paper_protocol(settings, console, command_ranks());
  fmt::print("wrote {} and {} ({:.1f} min)\n", result.table_json.string(),
             result.table_markdown.string(), result.wall_s / 60);
}

}  // namespace

void add_paper_table_command(CLI::App& app) {
  auto o = std::make_shared<PaperTableOptions>();
  protocols::PaperProtocolSettings& s = o->settings;
  CLI::App* cmd = app.add_subcommand(
      "paper-table",
      "The paper's Table 2: the structural rule, BP and non-negative sparse BP at each hidden "
      "size on digits 1, 2, 6; accuracy, I(X;Z), non-silent synapses and C_S beside the paper's");
  cmd->add_option("--out", s.out, "Output folder: table2.json, table2.md, runs/ (required)");
  add_data_dir_option(*cmd, o->data_dir);
  cmd->add_option("--seeds", s.seeds, "Seeds 1..N of every run, N from 1 to 100")
      ->check(in_range(1, 100))
      ->capture_default_str();
  cmd->add_option("--hidden", o->hidden, "Hidden sizes, comma-separated")
      ->capture_default_str()
      ->type_name(kListType);
  add_classes_option(*cmd, o->classes, "Override every config's data.classes, e.g. 1,2,6");
  cmd->add_option("--threads", s.threads, "Override every config's threads");
  cmd->add_option("--train-limit", s.train_limit,
                  "Override every config's train_limit: the first N training images");
  cmd->add_option("--test-limit", s.test_limit,
                  "Override every config's test_limit: the first N test images");
  cmd->add_option("--structural-config", s.structural_config, "The structural rule's config")
      ->capture_default_str();
  cmd->add_option("--bp-config", s.bp_config, "Standard BP's config (variant dense)")
      ->capture_default_str();
  cmd->add_option("--nonnegative-config", s.nonnegative_config,
                  "Non-negative sparse BP's config (variant nonnegative)")
      ->capture_default_str();
  cmd->add_option("--vib-epochs", s.vib.epochs,
                  "Epochs of the I(X;Z) encoder's training, 1 to 100000")
      ->check(in_range(1, 100000))
      ->capture_default_str();
  cmd->add_flag("--force", s.force, "Replace the tables and runs of an earlier protocol in OUT");
  cmd->callback([o] { run_paper_table(*o); });
}

}  // namespace sprout::apps
