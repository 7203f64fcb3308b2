// `sprout capacity`: the paper's synaptic capacity "C_S (VIB, paper)" of a trained network,
// I(X;Z) through a variational encoder on its hidden code per non-silent input->hidden
// synapse (analysis/paper_capacity.hpp, docs/metrics.md).

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "analysis/paper_capacity.hpp"
#include "apps/commands.hpp"
#include "apps/options.hpp"
#include "encoders/class_subset.hpp"
#include "io/output_folder.hpp"
#include "results/capacity_results.hpp"

namespace sprout::apps {
namespace {

struct CapacityOptions {
  std::string weights;
  std::string network;
  std::string data_dir;
  std::optional<std::string> classes;
  std::size_t train_limit = 0;
  std::size_t test_limit = 0;
  int threads = 2;
  analysis::VibSettings vib;
  std::optional<std::string> out;  // absent: no result file; given, it must be a usable path
  bool force = false;
};

void run_capacity(const CapacityOptions& o) {
  if (o.weights.empty() == o.network.empty())
    throw std::invalid_argument("give --weights (a BP weights.bin) or --network (network.bin)");
  if (!o.network.empty() && o.classes)
    throw std::invalid_argument(
        "--classes: applies to --weights only (a network file names its own)");
  if (o.out) {
    const std::vector<std::filesystem::path> inputs = {o.weights, o.network, o.data_dir};
    io::check_output_file(*o.out, "--out", inputs, o.force);
  }
  const encoders::ClassList classes =
      o.classes ? encoders::parse_class_list(*o.classes, "--classes") : encoders::all_classes();
  const analysis::PaperCapacity capacity =
      o.weights.empty()
          ? analysis::paper_capacity_of_network_file(o.network, o.data_dir, o.train_limit,
                                                     o.test_limit, o.vib, o.threads)
          : analysis::paper_capacity_of_bp_file(o.weights, o.data_dir, classes, o.train_limit,
                                                o.test_limit, o.vib, o.threads);
  fmt::print(
      "I(X;Z) {:.4f} bits (train {:.4f}; z {} beta {:g}; classifier on z: test accuracy "
      "{:.2f}%)\nnon-silent input->hidden synapses {}\nC_S (VIB, paper) {:.4g} bits per synapse\n",
      capacity.i_xz_bits, capacity.vib.i_xz_bits_train, o.vib.z_dimension, o.vib.beta,
      100 * capacity.vib.test_accuracy, capacity.nonsilent_input_synapses, capacity.c_s_paper);
  if (o.out) {
    const nlohmann::json config = {{"weights", o.weights},
                                   {"network", o.network},
                                   {"data_dir", o.data_dir},
                                   {"train_limit", o.train_limit},
                                   {"test_limit", o.test_limit}};
    results::CapacityResults results;
    results.provenance = results::provenance_of_this_build("capacity", config);
    results.i_xz_bits = capacity.i_xz_bits;
    results.nonsilent_input_synapses = capacity.nonsilent_input_synapses;
    results.c_s_paper = capacity.c_s_paper;
    results.vib = nlohmann::json(capacity)["vib"];
    results::write_results_file(*o.out, results);
  }
}

}  // namespace

void add_capacity_command(CLI::App& app) {
  auto o = std::make_shared<CapacityOptions>();
  CLI::App* cmd = app.add_subcommand(
      "capacity",
      "The paper's C_S of a trained network: I(X;Z) through a variational encoder on its "
      "hidden code, per non-silent input->hidden synapse");
  add_data_dir_option(*cmd, o->data_dir);
  cmd->add_option("--weights", o->weights, "BP weights file written by sprout bp");
  cmd->add_option("--network", o->network, "Network file written by sprout train");
  add_classes_option(*cmd, o->classes,
                     "With --weights: the digits the BP network learnt, in order (default all)");
  cmd->add_option("--train-limit", o->train_limit,
                  "Train the encoder on the first N training images (0: all)");
  cmd->add_option("--test-limit", o->test_limit, "Measure on the first N test images (0: all)");
  add_threads_option(*cmd, o->threads,
                     "Threads of the network's pass (results do not depend on it)");
  cmd->add_option("--beta", o->vib.beta, "Weight of the KL term")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--z-dim", o->vib.z_dimension, "Dimension of z, 1 to 4096")
      ->check(in_range(1, 4096))
      ->capture_default_str();
  cmd->add_option("--encoder-hidden", o->vib.encoder_hidden,
                  "ReLU units of the encoder's hidden layer (0: linear encoder)")
      ->capture_default_str();
  cmd->add_option("--vib-epochs", o->vib.epochs, "Epochs of the encoder's training")
      ->capture_default_str();
  cmd->add_option("--vib-learning-rate", o->vib.learning_rate, "Adam's learning rate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--vib-seed", o->vib.seed, "Seed of the encoder's training")
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Optional result JSON");
  cmd->add_flag("--force", o->force, "Replace an existing --out file");
  cmd->callback([o] {
    require_one_rank("capacity");
    run_capacity(*o);
  });
}

}  // namespace sprout::apps
