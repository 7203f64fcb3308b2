#pragma once
// Eigen's core, included through this header only.
//
// GCC 12 reports a false -Wmaybe-uninitialized inside its own AVX-512 intrinsics
// (the `_mm512_undefined_ps()` placeholder operand; GCC bug 105593, fixed in GCC 13)
// whenever Eigen's AVX-512 path is compiled (-march=x86-64-v4, or -march=native on an
// AVX-512 CPU). The warning is silenced for these headers only, so that it still
// reports Sprout's own code.

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#if defined(__x86_64__)
#include <immintrin.h>  // parsed here, inside the region, whoever includes it next
#endif
#include <Eigen/Core>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace sprout::models {

// Eigen blocks its matrix products by the CPU's cache sizes, which it reads with CPUID;
// the blocking decides the order in which products are summed, so the same binary would
// give different numbers on CPUs with different caches. This fixes the sizes at Eigen's
// own x86 defaults (32 KiB, 256 KiB, 2 MiB), once per process, before the first product.
void use_fixed_eigen_blocking();

}  // namespace sprout::models
