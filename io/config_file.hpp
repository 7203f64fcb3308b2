#pragma once
// Config files that compose, and command-line options that set config keys.
//
// A config may extend another and state only what differs:
//   {"extends": "mnist_structural.json", "network": {"hidden": 400}}
// The base (a path relative to the extending file) is resolved first, recursively; the
// extending file is then merged into it as a JSON merge patch (RFC 7386: objects merge
// key by key, any other value replaces the base's, null removes the key). The strict
// reader then sees the resolved document, so an unknown key is still refused.
//
// Options such as `--hidden 400` are overrides of the resolved document's keys, checked
// by the same reader as the file: a value is validated in one place whichever way it came.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sprout::io {

// The resolved document of a config file. Throws std::runtime_error "<file>: <problem>"
// for a missing or invalid file, a base that cannot be read, or a cycle of extends.
[[nodiscard]] nlohmann::json read_config_document(const std::filesystem::path& path);

// A command-line option that sets one config key.
struct ConfigOverride {
  std::string option;    // "--hidden"
  std::string key_path;  // "network.hidden"
  nlohmann::json value;  // as the option's text reads as JSON: 400, -1, true, [1, 2, 6]
};

// The option's text as a JSON value: a number, true/false, a comma-separated list of
// numbers ("1,2,6"), or else the text as a string.
[[nodiscard]] nlohmann::json option_value(std::string_view text);

// Sets each override's key in `document`, creating objects on the way; a key below a value
// that is not an object is left unset, for the config's reader to refuse that value.
void apply_overrides(nlohmann::json& document, std::span<const ConfigOverride> overrides);

// Reads the config file `path`, applies the overrides and runs `parse` on the result. A
// check that fails on a key an override set is reported against the option:
// "--hidden: must be in [1, 100000], got 200000".
// `parse` is a config parser: Config(const nlohmann::json&, std::string_view source).
template <class Parse>
[[nodiscard]] auto parse_config_file(const std::filesystem::path& path,
                                     std::span<const ConfigOverride> overrides, Parse parse);

// Implementation detail of parse_config_file: rethrows a ConfigError on an overridden key
// as the option's error; any other exception unchanged.
[[noreturn]] void rethrow_config_error(std::span<const ConfigOverride> overrides);

template <class Parse>
auto parse_config_file(const std::filesystem::path& path, std::span<const ConfigOverride> overrides,
                       Parse parse) {
  nlohmann::json document = read_config_document(path);
  apply_overrides(document, overrides);
  try {
    return parse(document, path.string());
  } catch (...) {
    rethrow_config_error(overrides);
  }
}

}  // namespace sprout::io
