// `sprout data check`: loads MNIST, verifies it, prints per-class counts of both sets.

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>

#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "encoders/mnist.hpp"

namespace sprout::apps {
namespace {

void print_set(std::string_view name, const encoders::LabelledImages& set) {
  fmt::print("{:<6} {:>6} {:>7}  ", name, set.count, fmt::format("{}x{}", set.rows, set.cols));
  for (std::size_t count : set.class_counts())
    fmt::print(" {:>5}", count);
  fmt::print("\n");
}

void run_data_check(const std::string& data_dir) {
  const auto start = std::chrono::steady_clock::now();
  const encoders::Mnist mnist = encoders::load_mnist(data_dir);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("MNIST in {} (loaded in {:.2f} s)\n", data_dir, seconds);
  fmt::print("{:<6} {:>6} {:>7}  ", "set", "count", "shape");
  for (int label = 0; label < 10; ++label)
    fmt::print(" {:>5}", label);
  fmt::print("\n");
  print_set("train", mnist.train);
  print_set("test", mnist.test);
  fmt::print("ok\n");
}

}  // namespace

void add_data_command(CLI::App& app) {
  CLI::App* data = app.add_subcommand("data", "Inspect the MNIST data set");
  data->require_subcommand(1);
  CLI::App* check =
      data->add_subcommand("check", "Load MNIST, verify every file and print per-class counts");
  auto data_dir = std::make_shared<std::string>();
  add_data_dir_option(*check, *data_dir);
  check->callback([data_dir] { run_data_check(*data_dir); });
}

}  // namespace sprout::apps
