// The compiled part of the `sprout` Python package (python/sprout/__init__.py re-exports
// it). docs/python.md describes the API.

#include <pybind11/pybind11.h>

#include <string>

#include "bindings.hpp"
#include "encoders/idx_file.hpp"
#include "engine/build_info.hpp"
#include "io/config_reader.hpp"

PYBIND11_MODULE(_sprout, m) {
  namespace py = pybind11;
  m.doc() =
      "Sprout: exact event-driven spiking simulation (LIF, exact SynOp counts), learning by "
      "structural plasticity, the BP reference and the information and energy metrics.";
  m.attr("__version__") = std::string(sprout::version());
  m.attr("git_revision") = std::string(sprout::git_revision());
  m.attr("build_target") = std::string(sprout::build_target());
  // Errors carry the command line's one-line message; these two have their own types.
  py::register_exception<sprout::encoders::DataError>(m, "DataError", PyExc_RuntimeError);
  py::register_exception<sprout::io::ConfigError>(m, "ConfigError", PyExc_ValueError);
  sprout::python::bind_data(m);
  sprout::python::bind_encoders(m);
  sprout::python::bind_network(m);
  sprout::python::bind_simulation(m);
  sprout::python::bind_presentation(m);
  sprout::python::bind_structural(m);
  sprout::python::bind_bp(m);
  sprout::python::bind_metrics(m);
}
