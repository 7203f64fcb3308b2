// Refuses to start, with one line, on a CPU that lacks the instruction set the binary was
// built for (SPROUT_ARCH): without this, such a CPU dies later with SIGILL and no word.
//
// This file alone is compiled for the plain x86-64 baseline (apps/CMakeLists.txt), and
// the check runs as an early constructor, before any code built for the target level.

#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace {

#if defined(__x86_64__) && defined(SPROUT_ARCH_LEVEL)

bool cpu_has_level(int level) {
  __builtin_cpu_init();
  bool ok = true;
  if (level >= 2) {
    ok = ok && __builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("popcnt");
  }
  if (level >= 3) {
    ok = ok && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
         __builtin_cpu_supports("bmi2");
  }
  if (level >= 4) {
    ok = ok && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
  }
  return ok;
}

__attribute__((constructor(101))) void require_build_cpu() {
  if (cpu_has_level(SPROUT_ARCH_LEVEL)) return;
  constexpr std::string_view message =
      "sprout: error: this CPU lacks the instructions of the build target " SPROUT_ARCH_NAME
      "; rebuild with `cmake --preset native` or -DSPROUT_ARCH=<an x86-64 level it has>\n";
  [[maybe_unused]] auto written = ::write(STDERR_FILENO, message.data(), message.size());
  std::_Exit(EXIT_FAILURE);
}

#endif

}  // namespace
