#include "models/bp/eigen_core.hpp"

namespace sprout::models {

void use_fixed_eigen_blocking() {
  // A function-local static: set once, thread-safe, before any caller's first product.
  static const bool fixed = [] {
    Eigen::setCpuCacheSizes(32 * 1024, 256 * 1024, 2 * 1024 * 1024);
    return true;
  }();
  static_cast<void>(fixed);
}

}  // namespace sprout::models
