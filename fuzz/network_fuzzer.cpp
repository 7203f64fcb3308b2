// libFuzzer target: the network file loader must reject any corrupt file with one
// std::runtime_error, never crash or allocate what a header asks for unchecked.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "fuzz/fuzz_input_file.hpp"
#include "models/structural/structural_learner.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = sprout::fuzz::write_input(data, size, ".network");
  try {
    (void)sprout::models::StructuralLearner::load(path);
  } catch (const std::runtime_error&) {
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
