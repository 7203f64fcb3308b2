#include "array_views.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace sprout::python {

void require_dimensions(const py::array& array, py::ssize_t dims, std::string_view name) {
  if (array.ndim() != dims) {
    throw std::invalid_argument(
        fmt::format("{}: expected a {}-dimensional array, got {}", name, dims, array.ndim()));
  }
}

}  // namespace sprout::python
