#pragma once
// Options shared by several subcommands, declared once so they read the same everywhere.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace sprout::apps {

inline constexpr const char* kDefaultDataDir = "data/mnist";

// The type names every command shows: UINT for counts, seeds and sizes; TEXT for a name;
// LIST for comma-separated values.
inline constexpr const char* kCountType = "UINT";
inline constexpr const char* kTextType = "TEXT";
inline constexpr const char* kListType = "LIST";

// A range check whose limits the option's help states: CLI11 would otherwise append its
// own type to the type name ("UINT:INT in [1 - 1024]").
template <typename Number>
CLI::Validator in_range(Number low, Number high) {
  return CLI::Range(low, high).description("");
}

// --threads N, 1 to 1024, its default shown (an int, or an optional<int> when unset means
// "the config's").
template <typename Threads>
CLI::Option* add_threads_option(CLI::App& command, Threads& threads, const std::string& what) {
  return command.add_option("--threads", threads, what + ", 1 to 1024")
      ->check(in_range(1, 1024))
      ->type_name(kCountType)
      ->capture_default_str();
}

// --data-dir D (default data/mnist, or the SPROUT_DATA_DIR environment variable).
inline CLI::Option* add_data_dir_option(CLI::App& command, std::string& data_dir) {
  data_dir = kDefaultDataDir;
  return command
      .add_option("--data-dir", data_dir,
                  "Folder with the MNIST IDX files (plain or .gz); env SPROUT_DATA_DIR")
      ->envname("SPROUT_DATA_DIR")
      ->capture_default_str();
}

// --classes 1,2,6: the labels to learn or read (encoders::parse_class_list reads it).
inline CLI::Option* add_classes_option(CLI::App& command, std::optional<std::string>& classes,
                                       const char* what) {
  return command.add_option("--classes", classes, what)->type_name(kListType);
}

}  // namespace sprout::apps
