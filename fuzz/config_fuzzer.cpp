// libFuzzer target: the strict config readers (structural, BP, BP sweep) must turn any JSON
// text into a config or one std::runtime_error, never crash.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include <string>

#include "io/results_file.hpp"
#include "models/bp/bp_config.hpp"
#include "models/structural/structural_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // As the program reads a config file: text that is not JSON, or nests too deep, is one
  // error before any reader sees it.
  nlohmann::json document;
  try {
    document =
        sprout::io::parse_json_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  } catch (const std::runtime_error&) {
    return 0;
  }
  try {
    const auto config = sprout::models::parse_structural_config(document, "fuzz");
    // What the reader accepts, it writes back and reads again the same.
    const auto again =
        sprout::models::parse_structural_config(sprout::models::to_json(config), "round trip");
    if (sprout::models::to_json(again) != sprout::models::to_json(config)) __builtin_trap();
  } catch (const std::runtime_error&) {
  }
  try {
    (void)sprout::models::parse_bp_config(document, "fuzz");
  } catch (const std::runtime_error&) {
  }
  try {
    (void)sprout::models::parse_bp_sweep_config(document, "fuzz");
  } catch (const std::runtime_error&) {
  }
  return 0;
}
