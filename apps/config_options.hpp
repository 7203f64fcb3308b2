#pragma once
// Options that set a config key (`--hidden 400` sets network.hidden). Their text is read
// as JSON and checked by the config's own reader with the file's values, so a value is
// validated in one place however it was given (io/config_file.hpp).

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "apps/options.hpp"
#include "io/config_file.hpp"

namespace sprout::apps {

using ConfigOverrides = std::vector<io::ConfigOverride>;

inline CLI::Option* add_config_option(CLI::App& command,
                                      const std::shared_ptr<ConfigOverrides>& overrides,
                                      const std::string& option, const std::string& key_path,
                                      const std::string& help, const char* type_name) {
  return command
      .add_option_function<std::string>(
          option,
          [overrides, option, key_path](const std::string& text) {
            overrides->push_back({option, key_path, io::option_value(text)});
          },
          help + " (config key " + key_path + ")")
      ->type_name(type_name);
}

}  // namespace sprout::apps
