# The instruction-set baseline. The default, x86-64-v3 (AVX2, FMA, BMI2: Intel Haswell and
# AMD Zen or newer), gives one binary that runs, and gives the same numbers, on every such
# CPU: the code does not depend on the CPU that built it. It keeps hardware FMA, which the
# LIF loop's std::fma needs to stay an instruction rather than a libm call.
# SPROUT_ARCH=native (the `native` preset) tunes for the building CPU instead; Eigen then
# takes that CPU's widest SIMD path and BP results may differ in the last bits.
set(SPROUT_ARCH "x86-64-v3" CACHE STRING
    "Target of -march: an x86-64 level (x86-64-v3, x86-64-v4, ...) or 'native'")
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  add_compile_options(-march=${SPROUT_ARCH})
else()
  message(WARNING "Sprout is built and tested on x86-64; SPROUT_ARCH is ignored on "
                  "${CMAKE_SYSTEM_PROCESSOR}.")
endif()
