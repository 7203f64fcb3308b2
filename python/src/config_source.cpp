#include "config_source.hpp"

#include <stdexcept>

#include "io/config_file.hpp"
#include "json_objects.hpp"

namespace sprout::python {

namespace py = pybind11;

ConfigSource config_source(py::handle config) {
  if (config.is_none()) return {nlohmann::json::object(), "config", ""};
  if (py::isinstance<py::dict>(config)) return {to_json_value(config), "config", ""};
  if (py::isinstance<py::str>(config) || py::hasattr(config, "__fspath__")) {
    const std::string path = py::str(py::module_::import("os").attr("fspath")(config));
    return {io::read_config_document(path), path, path};
  }
  throw py::type_error("config: expected a dict or the path of a config file");
}

}  // namespace sprout::python
