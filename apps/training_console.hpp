#pragma once
// What `sprout train` prints while a run trains: a progress line per pass on stderr (each
// pass named for what it does) and a summary line per epoch on stdout.

#include <fmt/format.h>

#include <cstdio>
#include <optional>
#include <string>

#include "apps/progress.hpp"
#include "models/structural/training_run.hpp"

namespace sprout::apps {

class TrainingConsole : public models::TrainingObserver {
 public:
  void pass_started(std::string_view name, std::size_t images) override {
    line_.emplace(std::string(name), images);
  }
  void pass_progress(std::size_t done, const models::BatchProgress* batch) override {
    if (!line_) return;
    line_->update(done, batch == nullptr
                            ? std::string()
                            : fmt::format("running accuracy {:.1f}%, {} synapses realised",
                                          100.0 * batch->running_accuracy, batch->realised));
  }
  void pass_finished() override {
    if (line_) line_->finish();
    line_.reset();
  }
  void epoch_finished(const models::EpochRecord& r) override {
    if (r.validation_accuracy)
      fmt::print("epoch {}: validation accuracy {:.2f}%\n", r.epoch, 100 * *r.validation_accuracy);
    const models::SynapseCounts& c = r.synapses;
    const models::StructuralStepStats& changed = r.structural_changes;
    // Structure and simulation rates only where the epoch changed or simulated anything.
    const std::string structure =
        r.structure_during_epoch.empty()
            ? ""
            : fmt::format(" (grown {}, eliminated {}, consolidated {} during the epoch)",
                          changed.grown, changed.eliminated, changed.consolidated);
    // A replayed epoch simulates nothing (and its time may include recording the
    // responses it replays): no rate for it.
    const std::string rate =
        r.replayed_training_responses
            ? std::string("readout only, on the recorded responses")
            : fmt::format("{:.0f} images/s, {:.0f} M synaptic events/s", r.train_samples_per_s,
                          r.train_synaptic_events_per_s / 1e6);
    fmt::print(
        "epoch {}: test accuracy {:.2f}%; synapses realised {} ({:.1f}% of potential), "
        "consolidated {}, silent {}{}; trained in {} ({})\n",
        r.epoch, 100 * r.test_accuracy, c.realised, 100.0 * r.connectivity.realised_of_potential,
        c.consolidated, c.silent, structure, format_duration(r.train_wall_s), rate);
    std::fflush(stdout);
  }

 private:
  std::optional<ProgressLine> line_;
};

}  // namespace sprout::apps
