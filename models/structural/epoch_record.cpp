#include "models/structural/epoch_record.hpp"

namespace sprout::models {
namespace {

using nlohmann::json;

double fraction(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

Connectivity connectivity_of(const SynapseCounts& c, std::size_t inputs, std::size_t hidden) {
  return {.potential_P_pot = fraction(c.potential, hidden * inputs),
          .anatomical_P = fraction(c.realised, hidden * inputs),
          .realised_of_potential = fraction(c.realised, c.potential),
          .consolidation_load = fraction(c.consolidated, c.realised)};
}

json to_json(const EpochRecord& r) {
  json synops = {{"input_to_hidden", r.synops_per_test_image.input_to_hidden},
                 {"readout", r.synops_per_test_image.readout}};
  if (r.synops_per_test_image.lateral_inhibition)
    synops["lateral_inhibition"] = *r.synops_per_test_image.lateral_inhibition;
  if (r.synops_per_test_image.hidden_to_interneurons)
    synops["hidden_to_interneurons"] = *r.synops_per_test_image.hidden_to_interneurons;
  if (r.synops_per_test_image.interneurons_to_hidden)
    synops["interneurons_to_hidden"] = *r.synops_per_test_image.interneurons_to_hidden;
  const SynapseCounts& c = r.synapses;
  json entry = {{"epoch", r.epoch},
                {"test_accuracy", r.test_accuracy},
                {"test_images", r.test_images},
                {"hidden_in_use_test", r.hidden_in_use_test},
                {"input_spikes_per_test_image", r.input_spikes_per_test_image},
                {"hidden_spikes_per_test_image", r.hidden_spikes_per_test_image},
                {"synops_per_test_image", synops},
                {"synapses",
                 {{"potential", c.potential},
                  {"realised", c.realised},
                  {"silent", c.silent},
                  {"consolidated", c.consolidated}}},
                {"connectivity",
                 {{"potential_P_pot", r.connectivity.potential_P_pot},
                  {"anatomical_P", r.connectivity.anatomical_P},
                  {"realised_of_potential", r.connectivity.realised_of_potential},
                  {"consolidation_load", r.connectivity.consolidation_load}}},
                {"structural_changes",
                 {{"consolidated", r.structural_changes.consolidated},
                  {"deconsolidated", r.structural_changes.deconsolidated},
                  {"eliminated", r.structural_changes.eliminated},
                  {"grown", r.structural_changes.grown}}},
                {"structure_during_epoch", json::array()},
                {"train_running_accuracy", r.train_running_accuracy},
                {"hidden_in_use_train", r.hidden_in_use_train},
                {"replayed_training_responses", r.replayed_training_responses},
                {"reused_test_responses", r.reused_test_responses},
                {"train_wall_s", r.train_wall_s},
                {"learn_wall_s", r.learn_wall_s},
                {"eval_wall_s", r.eval_wall_s},
                {"train_samples_per_s", r.train_samples_per_s},
                {"train_synaptic_events_per_s", r.train_synaptic_events_per_s}};
  for (const StructureSample& sample : r.structure_during_epoch) {
    entry["structure_during_epoch"].push_back({{"images", sample.images},
                                               {"realised", sample.realised},
                                               {"consolidated", sample.consolidated},
                                               {"grown", sample.grown},
                                               {"eliminated", sample.eliminated}});
  }
  if (r.interneuron_spikes_per_test_image)
    entry["interneuron_spikes_per_test_image"] = *r.interneuron_spikes_per_test_image;
  if (r.validation_accuracy) {
    entry["validation_accuracy"] = *r.validation_accuracy;
    entry["validation_images"] = r.validation_images;
  }
  return entry;
}

EpochRecord epoch_record_from_json(const io::ResultReader& entry) {
  const io::ResultReader f = entry.object();
  EpochRecord r;
  r.epoch = f.count("epoch");
  r.test_accuracy = f.fraction("test_accuracy");
  r.test_images = f.count("test_images");
  r.hidden_in_use_test = f.count("hidden_in_use_test");
  r.input_spikes_per_test_image = f.number("input_spikes_per_test_image");
  r.hidden_spikes_per_test_image = f.number("hidden_spikes_per_test_image");
  const io::ResultReader synops = f.at("synops_per_test_image").object();
  r.synops_per_test_image.input_to_hidden = synops.number("input_to_hidden");
  r.synops_per_test_image.readout = synops.number("readout");
  if (synops.has("lateral_inhibition"))
    r.synops_per_test_image.lateral_inhibition = synops.number("lateral_inhibition");
  if (synops.has("hidden_to_interneurons"))
    r.synops_per_test_image.hidden_to_interneurons = synops.number("hidden_to_interneurons");
  if (synops.has("interneurons_to_hidden"))
    r.synops_per_test_image.interneurons_to_hidden = synops.number("interneurons_to_hidden");
  if (f.has("interneuron_spikes_per_test_image"))
    r.interneuron_spikes_per_test_image = f.number("interneuron_spikes_per_test_image");
  const io::ResultReader synapses = f.at("synapses").object();
  r.synapses.potential = synapses.count("potential");
  r.synapses.realised = synapses.count("realised");
  r.synapses.silent = synapses.count("silent");
  r.synapses.consolidated = synapses.count("consolidated");
  const io::ResultReader changes = f.at("structural_changes").object();
  r.structural_changes.consolidated = changes.count("consolidated");
  r.structural_changes.deconsolidated = changes.count("deconsolidated");
  r.structural_changes.eliminated = changes.count("eliminated");
  r.structural_changes.grown = changes.count("grown");
  // Results and checkpoints of builds before this series have none.
  if (f.has("structure_during_epoch")) {
    for (const io::ResultReader& item : f.items("structure_during_epoch")) {
      const io::ResultReader sample = item.object();
      r.structure_during_epoch.push_back({.images = sample.count("images"),
                                          .realised = sample.count("realised"),
                                          .consolidated = sample.count("consolidated"),
                                          .grown = sample.count("grown"),
                                          .eliminated = sample.count("eliminated")});
    }
  }
  r.train_running_accuracy = f.fraction("train_running_accuracy");
  r.hidden_in_use_train = f.count("hidden_in_use_train");
  r.replayed_training_responses = f.boolean("replayed_training_responses");
  r.reused_test_responses = f.boolean("reused_test_responses");
  r.train_wall_s = f.number("train_wall_s");
  if (f.has("learn_wall_s")) r.learn_wall_s = f.number("learn_wall_s");  // newer results only
  r.eval_wall_s = f.number("eval_wall_s");
  r.train_samples_per_s = f.number("train_samples_per_s");
  r.train_synaptic_events_per_s = f.number("train_synaptic_events_per_s");
  const io::ResultReader connectivity = f.at("connectivity").object();
  r.connectivity.potential_P_pot = connectivity.fraction("potential_P_pot");
  r.connectivity.anatomical_P = connectivity.fraction("anatomical_P");
  r.connectivity.realised_of_potential = connectivity.fraction("realised_of_potential");
  r.connectivity.consolidation_load = connectivity.fraction("consolidation_load");
  if (f.has("validation_accuracy")) {
    r.validation_accuracy = f.fraction("validation_accuracy");
    r.validation_images = f.count("validation_images");
  }
  return r;
}

}  // namespace sprout::models
