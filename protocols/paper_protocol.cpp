#include "protocols/paper_protocol.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "distributed/task_pool.hpp"
#include "encoders/class_subset.hpp"
#include "engine/atomic_file.hpp"
#include "io/output_folder.hpp"
#include "io/results_file.hpp"
#include "protocols/bp_paper_run.hpp"
#include "protocols/structural_paper_run.hpp"
#include "report/paper_table_markdown.hpp"
#include "results/schema.hpp"

namespace sprout::protocols {
namespace {

using Clock = std::chrono::steady_clock;

// What a protocol leaves in DIR; a new protocol refuses a folder that holds any of them.
const std::vector<std::string> kProtocolFiles = {"table2.json", "table2.md", "runs"};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

nlohmann::json provenance(const PaperProtocolSettings& settings, const PaperPlan& plan) {
  nlohmann::json vib = settings.vib;
  vib["seed"] = "each run's seed";
  const nlohmann::json config = {{"data_dir", settings.data_dir.string()},
                                 {"classes", plan.classes},
                                 {"hidden", settings.hidden},
                                 {"seeds", settings.seeds},
                                 {"configs", plan.configs},
                                 {"vib", vib}};
  return results::document_start(results::ResultKind::kPaperTable,
                                 results::provenance_of_this_build("paper-table", config));
}

// The tables of the runs finished so far.
void write_tables(const std::filesystem::path& out, const PaperProtocolSettings& settings,
                  const PaperPlan& plan, const std::vector<analysis::PaperRunMeasures>& measured,
                  const nlohmann::json& runs, double wall_s, PaperProtocolResult& result) {
  result.rows = analysis::assemble_paper_table(measured);
  nlohmann::json document = provenance(settings, plan);
  document["complete"] = measured.size() == plan.runs.size();
  document.update(analysis::paper_table_json(result.rows));
  document["runs"] = runs;
  document["wall_s"] = wall_s;
  result.table_json = out / "table2.json";
  result.table_markdown = out / "table2.md";
  result.wall_s = wall_s;
  io::write_json_atomically(result.table_json, document);
  write_text_atomically(
      result.table_markdown,
      report::paper_table_markdown(result.rows, {plan.classes, settings.seeds, settings.vib}));
}

}  // namespace

PaperProtocolResult run_paper_protocol(const PaperProtocolSettings& settings,
                                       PaperProtocolObserver& observer,
                                       const distributed::Communicator& ranks) {
  const Clock::time_point start = Clock::now();
  const PaperPlan plan = plan_paper_protocol(settings);
  const std::vector<std::filesystem::path> inputs = {settings.structural_config, settings.bp_config,
                                                     settings.nonnegative_config,
                                                     settings.data_dir};
  std::optional<io::OutputFolder> folder;
  if (ranks.is_root()) {
    folder.emplace(settings.out, "--out", kProtocolFiles, inputs,
                   settings.force ? io::ExistingResults::kReplace : io::ExistingResults::kRefuse);
    if (settings.force) {
      std::filesystem::remove(folder->path() / "table2.json");
      std::filesystem::remove(folder->path() / "table2.md");
      for (const PaperRunPlan& run : plan.runs)
        std::filesystem::remove_all(folder->path() / "runs" / run.folder);
    }
  }
  ranks.barrier();  // the folder is checked (and cleared) before any rank writes in it
  const std::filesystem::path out = folder ? folder->path() : settings.out;
  const std::filesystem::path runs_folder = out / "runs";
  // The structural rule's data, loaded once; this also checks that every class has images.
  const encoders::Mnist data = encoders::load_mnist(settings.data_dir, plan.classes);
  observer.planned(plan);

  // One run into its folder; returns its measures and wall time.
  const auto run_one = [&](std::size_t index) {
    const PaperRunPlan& run = plan.runs[index];
    observer.run_started(run, index + 1, plan.runs.size());
    const Clock::time_point run_start = Clock::now();
    const std::filesystem::path run_folder = runs_folder / run.folder;
    std::filesystem::create_directories(run_folder);
    analysis::PaperRunMeasures measures;
    if (run.method == analysis::PaperMethod::kStructural) {
      models::TrainingObserver* progress = observer.structural_progress();
      models::TrainingObserver quiet;
      measures = run_structural_rule(run, data, settings.data_dir, run_folder, settings.vib,
                                     progress ? *progress : quiet);
    } else {
      measures = run_bp_reference(run, settings.data_dir, run_folder, settings.vib);
    }
    const double run_wall_s = seconds_since(run_start);
    observer.run_finished(run, measures, run_wall_s, seconds_since(start));
    return std::pair(measures, run_wall_s);
  };
  const auto run_record = [&](std::size_t index, double run_wall_s) {
    const PaperRunPlan& run = plan.runs[index];
    return nlohmann::json{{"hidden", run.hidden},
                          {"method", analysis::method_key(run.method)},
                          {"seed", run.seed},
                          {"folder", "runs/" + run.folder},
                          {"wall_s", run_wall_s}};
  };

  std::vector<analysis::PaperRunMeasures> measured;
  nlohmann::json runs = nlohmann::json::array();
  PaperProtocolResult result;
  if (ranks.size() == 1) {
    // One process: the tables are rewritten after every run.
    for (std::size_t index = 0; index < plan.runs.size(); ++index) {
      const auto [measures, run_wall_s] = run_one(index);
      measured.push_back(measures);
      runs.push_back(run_record(index, run_wall_s));
      write_tables(out, settings, plan, measured, runs, seconds_since(start), result);
    }
    return result;
  }
  // The measures travel as JSON; the plan, the same on every rank, gives the rest.
  const distributed::TaskResults done =
      distributed::run_tasks(ranks, plan.runs.size(), [&](std::size_t index) {
        const auto [m, run_wall_s] = run_one(index);
        return nlohmann::json{{"test_accuracy", m.test_accuracy},
                              {"i_xz_bits", m.i_xz_bits},
                              {"nonsilent_input_synapses", m.nonsilent_input_synapses},
                              {"c_s_paper", m.c_s_paper},
                              {"wall_s", run_wall_s}}
            .dump();
      });
  for (std::size_t index = 0; index < plan.runs.size(); ++index) {
    const nlohmann::json j = nlohmann::json::parse(done.results[index]);
    const PaperRunPlan& run = plan.runs[index];
    analysis::PaperRunMeasures m;
    m.hidden = run.hidden;
    m.method = run.method;
    m.seed = run.seed;
    j.at("test_accuracy").get_to(m.test_accuracy);
    j.at("i_xz_bits").get_to(m.i_xz_bits);
    j.at("nonsilent_input_synapses").get_to(m.nonsilent_input_synapses);
    j.at("c_s_paper").get_to(m.c_s_paper);
    measured.push_back(m);
    runs.push_back(run_record(index, j.at("wall_s").get<double>()));
  }
  if (ranks.is_root())
    write_tables(out, settings, plan, measured, runs, seconds_since(start), result);
  return result;
}

}  // namespace sprout::protocols
