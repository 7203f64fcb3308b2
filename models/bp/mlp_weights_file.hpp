#pragma once
// The trained weights of a BP network as a binary file (docs/bp.md, "Weights file"):
//
//   bytes 0-7   magic "SPRTMLP1"
//   uint32      layer count L
//   uint32      L + 1 layer sizes: inputs, hidden..., classes
//   per layer   float32 weights, outputs x inputs, row-major (row o: synapses onto o),
//               then float32 biases (outputs)
//
// All numbers little-endian. Pruned synapses are stored as 0; the mask is not stored (a
// loaded network has no mask). Written atomically.

#include <filesystem>

#include "models/bp/mlp.hpp"

namespace sprout::models {

void write_mlp_weights(const std::filesystem::path& path, const Mlp& network);

// Throws std::runtime_error "<path>: <problem>" for a missing, foreign or truncated file.
[[nodiscard]] Mlp read_mlp_weights(const std::filesystem::path& path);

}  // namespace sprout::models
