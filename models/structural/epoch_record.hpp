#pragma once
// What one epoch of structural training measured: an entry of the "epochs" array of a
// training run's results.json (docs/formats.md) and of its checkpoint.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "io/result_reader.hpp"
#include "models/structural/potential_synapses.hpp"

namespace sprout::models {

struct SynOpsPerImage {
  double input_to_hidden = 0;
  std::optional<double> lateral_inhibition;  // when the network has lateral inhibition
  // When the inhibition goes through an interneuron pool: one per hidden spike per
  // interneuron it reaches, and one per interneuron spike per hidden neuron.
  std::optional<double> hidden_to_interneurons;
  std::optional<double> interneurons_to_hidden;
  double readout = 0;  // one accumulate per hidden spike and class
};

// Fractions of the structure (docs/model.md, connectivity measures).
struct Connectivity {
  double potential_P_pot = 0;        // potential synapses / (inputs x hidden)
  double anatomical_P = 0;           // realised synapses / (inputs x hidden)
  double realised_of_potential = 0;  // realised / potential
  double consolidation_load = 0;     // consolidated / realised
};
[[nodiscard]] Connectivity connectivity_of(const SynapseCounts& counts, std::size_t inputs,
                                           std::size_t hidden);

// The structure at one moment of an epoch that learns features; grown and eliminated
// count from the epoch's start.
struct StructureSample {
  std::size_t images = 0;  // training images of the epoch seen so far
  std::size_t realised = 0;
  std::size_t consolidated = 0;
  std::size_t grown = 0;
  std::size_t eliminated = 0;
};

struct EpochRecord {
  std::size_t epoch = 0;  // from 1
  // The test set after the epoch.
  double test_accuracy = 0;
  std::size_t test_images = 0;
  std::size_t hidden_in_use_test = 0;  // neurons that fired for some test image
  double input_spikes_per_test_image = 0;
  double hidden_spikes_per_test_image = 0;
  std::optional<double> interneuron_spikes_per_test_image;  // with an interneuron pool
  SynOpsPerImage synops_per_test_image;
  // The validation images held out of training, if any.
  std::optional<double> validation_accuracy;
  std::size_t validation_images = 0;
  // The structure after the epoch, and its changes during it.
  SynapseCounts synapses;
  Connectivity connectivity;
  StructuralStepStats structural_changes;
  // The structure's life within the epoch: at its start and after each batch that ends
  // at least 1% of its images further on (empty in readout-only epochs, whose structure
  // is fixed).
  std::vector<StructureSample> structure_during_epoch;
  // Training.
  double train_running_accuracy = 0;    // the readout's predictions before each update
  std::size_t hidden_in_use_train = 0;  // neurons that won for some training image
  bool replayed_training_responses = false;
  bool reused_test_responses = false;
  double train_wall_s = 0;
  // The part of train_wall_s spent in the learning updates, which every MPI rank repeats
  // whole (data parallelism divides only the simulations; docs/scaling.md).
  double learn_wall_s = 0;
  double eval_wall_s = 0;
  double train_samples_per_s = 0;
  double train_synaptic_events_per_s = 0;
};

[[nodiscard]] nlohmann::json to_json(const EpochRecord& record);
// Throws std::runtime_error "<source>: <entry's key>.<field>: <problem>" when a field is
// missing or of the wrong type.
[[nodiscard]] EpochRecord epoch_record_from_json(const io::ResultReader& entry);

}  // namespace sprout::models
