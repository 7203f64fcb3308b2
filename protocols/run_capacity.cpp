#include "protocols/run_capacity.hpp"

#include "results/capacity_results.hpp"

namespace sprout::protocols {

analysis::VibSettings seeded(analysis::VibSettings vib, std::uint64_t seed) {
  vib.seed = seed;
  return vib;
}

void write_capacity_file(const std::filesystem::path& folder, const nlohmann::json& config,
                         const analysis::PaperCapacity& capacity) {
  results::CapacityResults results;
  results.provenance = results::provenance_of_this_build("paper-table", config);
  results.i_xz_bits = capacity.i_xz_bits;
  results.nonsilent_input_synapses = capacity.nonsilent_input_synapses;
  results.c_s_paper = capacity.c_s_paper;
  results.vib = nlohmann::json(capacity)["vib"];
  results::write_results_file(folder / "capacity.json", results);
}

analysis::PaperRunMeasures run_measures(const PaperRunPlan& run, double test_accuracy,
                                        const analysis::PaperCapacity& capacity) {
  return {run.hidden,        run.method,         run.seed,
          test_accuracy,     capacity.i_xz_bits, capacity.nonsilent_input_synapses,
          capacity.c_s_paper};
}

}  // namespace sprout::protocols
