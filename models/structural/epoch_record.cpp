#include "models/structural/epoch_record.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace sprout::models {
namespace {

using nlohmann::json;

double fraction(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// Reads fields of one JSON object, naming the field in every error.
class FieldReader {
 public:
  FieldReader(const json& object, std::string_view source, std::string prefix)
      : object_(object), source_(source), prefix_(std::move(prefix)) {
    if (!object_.is_object()) fail("", "expected an object");
  }
  [[nodiscard]] const json& at(const char* key) const {
    const auto found = object_.find(key);
    if (found == object_.end()) fail(key, "missing");
    return *found;
  }
  [[nodiscard]] bool has(const char* key) const { return object_.contains(key); }
  [[nodiscard]] double number(const char* key) const {
    const json& value = at(key);
    if (!value.is_number()) fail(key, "expected a number");
    return value.get<double>();
  }
  [[nodiscard]] std::size_t count(const char* key) const {
    const json& value = at(key);
    if (!value.is_number_unsigned()) fail(key, "expected a non-negative integer");
    return value.get<std::size_t>();
  }
  [[nodiscard]] bool boolean(const char* key) const {
    const json& value = at(key);
    if (!value.is_boolean()) fail(key, "expected true or false");
    return value.get<bool>();
  }
  [[nodiscard]] FieldReader object(const char* key) const {
    return FieldReader(at(key), source_, prefix_ + key + ".");
  }
  [[noreturn]] void fail(std::string_view key, std::string_view problem) const {
    throw std::runtime_error(fmt::format("{}: {}{}: {}", source_, prefix_, key, problem));
  }

 private:
  const json& object_;
  std::string_view source_;
  std::string prefix_;
};

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
                {"train_running_accuracy", r.train_running_accuracy},
                {"hidden_in_use_train", r.hidden_in_use_train},
                {"replayed_training_responses", r.replayed_training_responses},
                {"reused_test_responses", r.reused_test_responses},
                {"train_wall_s", r.train_wall_s},
                {"eval_wall_s", r.eval_wall_s},
                {"train_samples_per_s", r.train_samples_per_s},
                {"train_synaptic_events_per_s", r.train_synaptic_events_per_s}};
  if (r.interneuron_spikes_per_test_image)
    entry["interneuron_spikes_per_test_image"] = *r.interneuron_spikes_per_test_image;
  if (r.validation_accuracy) {
    entry["validation_accuracy"] = *r.validation_accuracy;
    entry["validation_images"] = r.validation_images;
  }
  return entry;
}

EpochRecord epoch_record_from_json(const json& entry, std::string_view source) {
  const FieldReader f(entry, source, "epochs.");
  EpochRecord r;
  r.epoch = f.count("epoch");
  r.test_accuracy = f.number("test_accuracy");
  r.test_images = f.count("test_images");
  r.hidden_in_use_test = f.count("hidden_in_use_test");
  r.input_spikes_per_test_image = f.number("input_spikes_per_test_image");
  r.hidden_spikes_per_test_image = f.number("hidden_spikes_per_test_image");
  const FieldReader synops = f.object("synops_per_test_image");
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
  const FieldReader synapses = f.object("synapses");
  r.synapses.potential = synapses.count("potential");
  r.synapses.realised = synapses.count("realised");
  r.synapses.silent = synapses.count("silent");
  r.synapses.consolidated = synapses.count("consolidated");
  const FieldReader changes = f.object("structural_changes");
  r.structural_changes.consolidated = changes.count("consolidated");
  r.structural_changes.deconsolidated = changes.count("deconsolidated");
  r.structural_changes.eliminated = changes.count("eliminated");
  r.structural_changes.grown = changes.count("grown");
  r.train_running_accuracy = f.number("train_running_accuracy");
  r.hidden_in_use_train = f.count("hidden_in_use_train");
  r.replayed_training_responses = f.boolean("replayed_training_responses");
  r.reused_test_responses = f.boolean("reused_test_responses");
  r.train_wall_s = f.number("train_wall_s");
  r.eval_wall_s = f.number("eval_wall_s");
  r.train_samples_per_s = f.number("train_samples_per_s");
  r.train_synaptic_events_per_s = f.number("train_synaptic_events_per_s");
  const FieldReader connectivity = f.object("connectivity");
  r.connectivity.potential_P_pot = connectivity.number("potential_P_pot");
  r.connectivity.anatomical_P = connectivity.number("anatomical_P");
  r.connectivity.realised_of_potential = connectivity.number("realised_of_potential");
  r.connectivity.consolidation_load = connectivity.number("consolidation_load");
  if (f.has("validation_accuracy")) {
    r.validation_accuracy = f.number("validation_accuracy");
    r.validation_images = f.count("validation_images");
  }
  return r;
}

}  // namespace sprout::models
