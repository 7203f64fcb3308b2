#pragma once
// NumPy arrays over C++ storage. Results hand their buffers over (take: the array owns the
// moved vector, nothing is copied); live state is shown through views whose base is the
// Python object that owns it (view: no copy, valid while that object lives).

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstddef>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sprout::python {

namespace py = pybind11;

// An array that owns `values`, moved into it; shape {values.size()} unless given.
template <class T>
[[nodiscard]] py::array_t<T> take(std::vector<T>&& values, std::vector<py::ssize_t> shape = {}) {
  auto* owned = new std::vector<T>(std::move(values));
  py::capsule owner(owned, [](void* pointer) { delete static_cast<std::vector<T>*>(pointer); });
  if (shape.empty()) shape.push_back(static_cast<py::ssize_t>(owned->size()));
  return py::array_t<T>(std::move(shape), owned->data(), owner);
}

// An array over `values`, kept alive by `owner`; read-only for a span of const.
template <class T>
[[nodiscard]] py::array_t<std::remove_const_t<T>> view(std::span<T> values, py::handle owner,
                                                       std::vector<py::ssize_t> shape = {}) {
  using Value = std::remove_const_t<T>;
  if (shape.empty()) shape.push_back(static_cast<py::ssize_t>(values.size()));
  py::array_t<Value> array(std::move(shape), const_cast<Value*>(values.data()), owner);
  if constexpr (std::is_const_v<T>) array.attr("setflags")(py::arg("write") = false);
  return array;
}

// An argument array as C-contiguous values of T (converted, and then copied, only if it
// is not already that).
template <class T>
using ArrayArg = py::array_t<T, py::array::c_style | py::array::forcecast>;

template <class T>
[[nodiscard]] std::span<const T> span_of(const ArrayArg<T>& array) {
  return {array.data(), static_cast<std::size_t>(array.size())};
}

// Throws std::invalid_argument "<name>: expected a <dims>-dimensional array, got <n>".
void require_dimensions(const py::array& array, py::ssize_t dims, std::string_view name);

}  // namespace sprout::python
