#include "json_objects.hpp"

#include <string>

namespace sprout::python {

namespace py = pybind11;

nlohmann::json to_json_value(py::handle object) {
  const py::module_ json = py::module_::import("json");
  // NumPy values (np.int64, arrays) and paths are what a user's dict is likely to hold.
  const py::cpp_function plain([](py::handle value) -> py::object {
    if (py::hasattr(value, "tolist")) return value.attr("tolist")();
    if (py::hasattr(value, "__fspath__")) return value.attr("__fspath__")();
    throw py::type_error("not a JSON value: " + std::string(py::str(py::type::of(value))));
  });
  const std::string text = py::str(json.attr("dumps")(object, py::arg("default") = plain));
  return nlohmann::json::parse(text);
}

py::object to_python(const nlohmann::json& value) {
  return py::module_::import("json").attr("loads")(value.dump());
}

}  // namespace sprout::python
