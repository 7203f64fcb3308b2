// libFuzzer target: the IDX reader (plain and gzip input) must reject any bad file with a
// DataError and never crash, hang or allocate past its bound.
#include <cstddef>
#include <cstdint>

#include "encoders/idx_file.hpp"
#include "fuzz/fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = sprout::fuzz::write_input(data, size, ".idx");
  try {
    const auto array = sprout::encoders::read_idx(path);
    if (array.values.size() != array.element_count()) __builtin_trap();
  } catch (const sprout::encoders::DataError&) {
  }
  return 0;
}
