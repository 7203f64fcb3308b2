// libFuzzer target: the results readers (what `sprout compare` and `sprout bp
// --budget-from` read back) must turn any file into a document or one std::runtime_error
// naming the file and key, never crash or let a library exception through.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "fuzz/fuzz_input_file.hpp"
#include "results/bp_results.hpp"
#include "results/bp_sweep_results.hpp"
#include "results/schema.hpp"
#include "results/train_results.hpp"

namespace {

template <class Results>
void read_as(const std::filesystem::path& path) {
  try {
    const Results results = sprout::results::read_results_file<Results>(path);
    // What the reader accepts, it writes back and reads again the same.
    const Results again = Results::from_json(results.to_json(), "round trip");
    if (again.to_json() != results.to_json()) __builtin_trap();
  } catch (const std::runtime_error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = sprout::fuzz::write_input(data, size, ".json");
  read_as<sprout::results::TrainResults>(path);
  read_as<sprout::results::BpResults>(path);
  read_as<sprout::results::BpSweepResults>(path);
  return 0;
}
