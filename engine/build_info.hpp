#pragma once
// Version, git revision and target of this build, recorded in every result file.

#include <string_view>

namespace sprout {

[[nodiscard]] std::string_view version();
// `git describe --always --dirty` at build time, or "unknown" outside a checkout.
[[nodiscard]] std::string_view git_revision();
// The -march target the build was compiled for ("x86-64-v3" for the portable build,
// "native" when tuned for the building CPU) and the compiler that built it: together
// with the seed and config they decide the numbers a run gives.
[[nodiscard]] std::string_view build_target();
[[nodiscard]] std::string_view compiler();

}  // namespace sprout
