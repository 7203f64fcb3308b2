#pragma once
// Learning by structural plasticity (docs/model.md): a spiking 784 -> H network whose
// input synapses grow, consolidate and are eliminated, whose hidden neurons compete
// through lateral inhibition and learn by competitive Hebbian learning, with homeostatic
// thresholds, and a rate-based readout trained by perturbation (node perturbation by
// default, weight perturbation or the delta rule as ablations).
//
// Training goes by mini-batches: the samples of a batch are simulated in parallel with
// the network as it was at the start of the batch; the learning updates are then applied
// sample by sample in batch order, so the result does not depend on the thread count.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "distributed/communicator.hpp"
#include "encoders/mnist.hpp"
#include "engine/counters.hpp"
#include "models/spiking/feedforward_network.hpp"
#include "models/spiking/image_simulation.hpp"
#include "models/structural/potential_synapses.hpp"
#include "models/structural/readout.hpp"
#include "models/structural/structural_config.hpp"

namespace sprout::models {

struct BatchStats {
  std::size_t samples = 0;
  std::size_t correct = 0;  // readout prediction before its update
  std::uint64_t synaptic_events = 0;
  StructuralStepStats structure;
  double learn_wall_s = 0;  // in the learning updates, after the simulations
};

struct EvaluationResult {
  std::size_t images = 0;
  std::size_t correct = 0;
  std::vector<std::uint32_t> predictions;
  std::vector<std::uint32_t> hidden_counts;  // images x hidden
  engine::SimulationCounters counters;       // summed over images
  std::size_t hidden_in_use = 0;             // neurons that fired for some test image
  [[nodiscard]] double accuracy() const {
    return images == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(images);
  }
};

// The hidden spike counts of images [0, images) on the network of one revision, each
// image presented as in an evaluation. A frozen network gives the same responses again,
// so they are reused while network_revision() stays the same.
struct RecordedResponses {
  PresentationResult presentation;
  std::uint64_t network_revision = 0;
};

class StructuralLearner {
 public:
  StructuralLearner(const StructuralConfig& config, std::size_t inputs);

  // One mini-batch: images[image_indices[k]] presented as sample first_sample_id + k.
  BatchStats train_batch(const encoders::LabelledImages& images,
                         std::span<const std::size_t> image_indices, std::uint64_t first_sample_id);
  // A readout-only batch (past feature_learning_epochs) on the responses `recorded` to
  // `images` instead of a new simulation. Throws std::logic_error if the hidden layer
  // still learns, or `recorded` is of another revision or lacks an image.
  BatchStats train_batch_replayed(const RecordedResponses& recorded,
                                  const encoders::LabelledImages& images,
                                  std::span<const std::size_t> image_indices,
                                  std::uint64_t first_sample_id);
  // Images [0, count) without learning. Every evaluation of an image uses the same random
  // streams, so a network of the same revision gives the same responses.
  [[nodiscard]] EvaluationResult evaluate(const encoders::LabelledImages& images,
                                          std::size_t count) const;
  [[nodiscard]] RecordedResponses respond(
      const encoders::LabelledImages& images, std::size_t count,
      std::function<void(std::size_t done, std::size_t total)> progress = {}) const;
  [[nodiscard]] EvaluationResult classify(const RecordedResponses& responses,
                                          std::span<const std::uint8_t> labels) const;
  // Changes whenever the simulated network (synapses, thresholds, presentation,
  // inhibition delivery) changes; the readout does not count.
  [[nodiscard]] std::uint64_t network_revision() const { return network_revision_; }
  // Past feature_learning_epochs in the epoch of set_epoch(): only the readout learns.
  [[nodiscard]] bool features_frozen() const { return features_frozen_; }

  [[nodiscard]] const StructuralConfig& config() const { return config_; }
  // Threads of later batches and evaluations (the result does not depend on it).
  void set_threads(int threads) { config_.threads = threads; }
  // The ranks that share the simulations of later batches and evaluations (data
  // parallelism; the result does not depend on it). Each rank holds the whole learner and
  // must make the same calls; they exchange each sample's hidden spike counts, and every
  // rank then applies the same updates, so all hold the same network. Null: this process.
  void set_communicator(const distributed::Communicator* communicator) {
    communicator_ = communicator;
  }
  // The run's total epochs (a resumed run may be continued past its config's).
  void set_epochs(std::size_t epochs) { config_.epochs = epochs; }
  // Presentation time of later evaluations. The readout reads rates, so its count scale
  // follows the window: counts over 2t ms are read as counts over t ms times 2.
  void set_presentation_ms(double t_present_ms);
  // Delivery of the lateral inhibition in later evaluations and batches
  // (network.shared_inhibition): the same dynamics up to rounding, for timing both.
  void set_shared_inhibition(bool shared);
  // The epoch (from 0) of the following batches: sets the learning-rate schedule.
  void set_epoch(std::size_t epoch);
  [[nodiscard]] const PotentialSynapses& synapses() const { return synapses_; }
  [[nodiscard]] const LinearReadout& readout() const { return readout_; }
  [[nodiscard]] std::span<const double> thresholds() const { return thresholds_; }
  // Per neuron, the sum of its activity a_j over the samples it won (the annealed
  // Hebbian rate's clock).
  [[nodiscard]] std::span<const double> win_mass() const { return win_mass_; }
  [[nodiscard]] const FeedForwardNetwork& network() const { return net_; }
  // Neurons that won at least once since the last call (then reset).
  std::size_t take_neurons_that_won();

  // The whole learned state (synapses, thresholds, readout, trace clocks), for
  // checkpoints and for `sprout eval` (models/structural/network_file.cpp; format in
  // docs/formats.md). A checkpoint also holds its run's record (`training`: the epochs so
  // far), which load() returns through `training` when asked.
  void save(const std::filesystem::path& path, const nlohmann::json& training = nullptr) const;
  [[nodiscard]] static StructuralLearner load(const std::filesystem::path& path,
                                              nlohmann::json* training = nullptr);

 private:
  // Throws std::invalid_argument when the images do not fit the network (pixels per
  // image against inputs, labels against the readout's classes) or hold fewer than count.
  void check_images(const encoders::LabelledImages& images, std::size_t count) const;
  void decay_traces_to(std::size_t neuron, std::uint64_t sample_id);
  void rebuild_network();
  // The learning updates of one batch, given each sample's hidden spike counts.
  BatchStats learn_batch(std::span<const std::span<const std::uint32_t>> counts,
                         const encoders::LabelledImages& images,
                         std::span<const std::size_t> image_indices, std::uint64_t first_sample_id);
  // learn_batch with its time in BatchStats::learn_wall_s.
  BatchStats timed_learn_batch(std::span<const std::span<const std::uint32_t>> counts,
                               const encoders::LabelledImages& images,
                               std::span<const std::size_t> image_indices,
                               std::uint64_t first_sample_id);

  StructuralConfig config_;
  std::size_t inputs_;
  FeedForwardNetwork net_;
  PotentialSynapses synapses_;
  std::vector<double> thresholds_;
  LinearReadout readout_;
  std::vector<std::uint64_t> trace_clock_;  // sample id up to which traces have decayed
  std::vector<std::uint8_t> won_;           // per neuron, since take_neurons_that_won()
  std::vector<double> win_mass_;            // per neuron: sum of its activity over its wins
  std::uint64_t samples_seen_ = 0;
  std::uint64_t network_revision_ = 0;
  double rate_scale_ = 1.0;        // learning_rate_decay^epoch
  bool features_frozen_ = false;   // past feature_learning_epochs: only the readout learns
  bool structure_frozen_ = false;  // past structural_learning_epochs: no growth or elimination
  const distributed::Communicator* communicator_ = nullptr;
};

}  // namespace sprout::models
