#pragma once
// A config given from Python: a dict (the JSON document itself) or a path to a config
// file (read with its `extends` resolved, io/config_file.hpp). Errors name the file, or
// "config" for a dict, and the key, as the command line's do.

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>
#include <string>

namespace sprout::python {

struct ConfigSource {
  nlohmann::json document;
  std::string source;  // the file, or "config"
  std::string file;    // the file, or "" for a dict
};

// None: the empty document (every key at its default).
[[nodiscard]] ConfigSource config_source(pybind11::handle config);

// `parse`(document, source) on the config.
template <class Parse>
[[nodiscard]] auto parse_config(pybind11::handle config, Parse parse) {
  const ConfigSource given = config_source(config);
  return parse(given.document, given.source);
}

}  // namespace sprout::python
