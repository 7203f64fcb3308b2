#pragma once
// Python objects and JSON values: dicts, lists, numbers, strings, bools and None map to
// JSON and back, as Python's json module maps them (NumPy scalars and arrays are taken as
// their tolist()). Results come back as the dicts their JSON files hold.

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

namespace sprout::python {

[[nodiscard]] nlohmann::json to_json_value(pybind11::handle object);
[[nodiscard]] pybind11::object to_python(const nlohmann::json& value);

}  // namespace sprout::python
