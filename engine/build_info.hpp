#pragma once
// Version and git revision of this build, recorded in every result file.

#include <string_view>

namespace sprout {

[[nodiscard]] std::string_view version();
// `git describe --always --dirty` at build time, or "unknown" outside a checkout.
[[nodiscard]] std::string_view git_revision();

}  // namespace sprout
