#pragma once
// What `sprout bp` and `sprout bp sweep` print: the data loaded, a line per epoch (and a
// progress line within it on stderr), a line per sweep network and the summaries.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "apps/progress.hpp"
#include "models/bp/bp_config.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/bp_sweep.hpp"
#include "models/bp/bp_training.hpp"
#include "results/bp_results.hpp"
#include "results/bp_sweep_results.hpp"

namespace sprout::apps {

// The data a BP config asks for, with a line saying what was loaded.
inline models::BpData load_bp_data_verbose(const models::BpConfig& config,
                                           const std::string& data_dir) {
  const auto start = std::chrono::steady_clock::now();
  models::BpData data = models::load_bp_data(config, data_dir);
  fmt::print("data: {} training and {} test samples of {} features ({}{}), loaded in {:.2f} s\n",
             data.train.size(), data.test.size(), data.train.width(),
             models::to_string(config.inputs),
             config.standardise_inputs ? fmt::format(", standardised: mean {:.4f}, sd {:.4f}",
                                                     data.scaling.offset, data.scaling.scale)
                                       : "",
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return data;
}

// Per-epoch lines on stdout; within an epoch, a progress line on stderr (which a log shows
// only for epochs of a second or more).
class BpConsole {
 public:
  [[nodiscard]] models::BpProgress progress() {
    models::BpProgress progress;
    progress.batch = [this](std::size_t done, std::size_t total) {
      if (!line_) line_ = std::make_unique<ProgressLine>("  training", total, "samples");
      line_->update(done);
      if (done >= total) line_.reset();
    };
    progress.epoch = [](const models::BpEpochRecord& record) {
      std::size_t synapses = 0;
      for (std::size_t count : record.nonzero_synapses)
        synapses += count;
      fmt::print(
          "epoch {:>3}  {:<18} loss {:.4f}  train {:6.2f}%  test {:6.2f}%  {:>8}  synapses "
          "{}\n",
          record.epoch, record.phase, record.train_loss, 100.0 * record.train_accuracy,
          100.0 * record.test_accuracy, format_duration(record.wall_s), synapses);
      std::fflush(stdout);
    };
    progress.note = [](std::string_view text) {
      fmt::print("{}\n", text);
      std::fflush(stdout);
    };
    return progress;
  }

 private:
  std::unique_ptr<ProgressLine> line_;
};

// The sweep prints a line per network measured (not per epoch: a sweep trains dozens of
// short epochs) and a progress line over the networks on stderr.
class BpSweepConsole {
 public:
  explicit BpSweepConsole(const models::BpSweepConfig& config)
      : networks_(config.hidden_sizes.size() *
                  (1 + static_cast<std::size_t>(
                           std::count_if(config.densities.begin(), config.densities.end(),
                                         [](double density) { return density < 1.0; })))),
        line_("bp sweep", networks_, "networks") {}

  void point(const models::BpSweepPoint& point) {
    ++done_;
    fmt::print("network {:>2}/{}: hidden {:>5}, density {:>6.2f}%, {:>7} synapses: test {:6.2f}%\n",
               done_, networks_, point.hidden, 100.0 * point.density, point.nonzero_total(),
               100.0 * point.test_accuracy);
    std::fflush(stdout);
    line_.update(done_);
  }

 private:
  std::size_t networks_;
  std::size_t done_ = 0;
  ProgressLine line_;
};

inline void print_bp_start(const models::BpConfig& config, const models::BpData& data) {
  fmt::print("bp {}: {}-{}-{}, {} lr {:g}, batch {}, {} epochs, {} threads, seed {}\n",
             models::to_string(config.variant), data.train.width(), config.hidden, data.classes,
             models::to_string(config.optimizer.kind), config.optimizer.learning_rate,
             config.batch_size, config.epochs, config.threads, config.seed);
}

inline void print_bp_summary(const results::BpResults& results,
                             const std::filesystem::path& folder) {
  fmt::print("test accuracy {:.2f}%  nonzero synapses {} of {}  MACs/image {} sparse, {} dense\n",
             100.0 * results.test_accuracy, results.nonzero_synapses.total,
             results.dense_synapses.total, results.macs_per_image.sparse,
             results.macs_per_image.dense);
  fmt::print("mean epoch {}, total {}; wrote {} and {}\n",
             format_duration(results.mean_epoch_wall_s), format_duration(results.total_wall_s),
             (folder / "results.json").string(), (folder / results.weights_file).string());
}

inline void print_sweep_summary(const results::BpSweepResults& results,
                                const std::filesystem::path& folder) {
  for (const results::HiddenSizeFactor& row : results.overparameterisation.per_hidden) {
    fmt::print("over-parameterisation, hidden {}: {:.1f} (own curve), {:.1f} (any hidden size)\n",
               row.hidden, row.same_hidden.factor, row.any_hidden.factor);
  }
  fmt::print("sweep took {}; wrote {} and {}\n", format_duration(results.total_wall_s),
             (folder / "sweep.json").string(), (folder / "sweep.csv").string());
}

}  // namespace sprout::apps
