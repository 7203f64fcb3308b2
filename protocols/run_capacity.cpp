#include "protocols/run_capacity.hpp"

#include "io/results_file.hpp"

namespace sprout::protocols {

analysis::VibSettings seeded(analysis::VibSettings vib, std::uint64_t seed) {
  vib.seed = seed;
  return vib;
}

void write_capacity_file(const std::filesystem::path& folder, const nlohmann::json& config,
                         const analysis::PaperCapacity& capacity) {
  nlohmann::json document = io::provenance("paper-table", config);
  document["c_s_paper"] = capacity;
  io::write_json_atomically(folder / "capacity.json", document);
}

analysis::PaperRunMeasures run_measures(const PaperRunPlan& run, double test_accuracy,
                                        const analysis::PaperCapacity& capacity) {
  return {run.hidden,        run.method,         run.seed,
          test_accuracy,     capacity.i_xz_bits, capacity.nonsilent_input_synapses,
          capacity.c_s_paper};
}

}  // namespace sprout::protocols
