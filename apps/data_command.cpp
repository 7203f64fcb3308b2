// `sprout data check`: loads MNIST, verifies it, prints per-class counts of both sets.

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "encoders/class_subset.hpp"
#include "encoders/mnist.hpp"

namespace sprout::apps {
namespace {

// One column per class (the classes' original labels head the columns).
void print_set(std::string_view name, const encoders::LabelledImages& set, std::size_t classes) {
  fmt::print("{:<6} {:>6} {:>7}  ", name, set.count, fmt::format("{}x{}", set.rows, set.cols));
  const auto counts = set.class_counts();
  for (std::size_t k = 0; k < classes; ++k)
    fmt::print(" {:>5}", counts[k]);
  fmt::print("\n");
}

void run_data_check(const std::string& data_dir, const std::optional<std::string>& option) {
  const encoders::ClassList classes =
      option ? encoders::parse_class_list(*option, "--classes") : encoders::all_classes();
  const auto start = std::chrono::steady_clock::now();
  const encoders::Mnist mnist = encoders::load_mnist(data_dir, classes);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("MNIST in {} (loaded in {:.2f} s)\n", data_dir, seconds);
  fmt::print("{:<6} {:>6} {:>7}  ", "set", "count", "shape");
  for (std::uint8_t label : classes)
    fmt::print(" {:>5}", label);
  fmt::print("\n");
  print_set("train", mnist.train, classes.size());
  print_set("test", mnist.test, classes.size());
  fmt::print("ok\n");
}

}  // namespace

void add_data_command(CLI::App& app) {
  CLI::App* data = app.add_subcommand("data", "Inspect the MNIST data set");
  data->require_subcommand(1);
  CLI::App* check =
      data->add_subcommand("check", "Load MNIST, verify every file and print per-class counts");
  auto data_dir = std::make_shared<std::string>();
  auto classes = std::make_shared<std::optional<std::string>>();
  add_data_dir_option(*check, *data_dir);
  add_classes_option(*check, *classes, "Count only these digits, e.g. 1,2,6");
  check->callback([data_dir, classes] { run_data_check(*data_dir, *classes); });
}

}  // namespace sprout::apps
