#include "results/bp_results.hpp"

#include <limits>

namespace sprout::results {
namespace {

using nlohmann::json;

json epoch_json(const BpEpoch& epoch) {
  return {{"epoch", epoch.epoch},           {"phase", epoch.phase},
          {"train_loss", epoch.train_loss}, {"train_accuracy", epoch.train_accuracy},
          {"test_loss", epoch.test_loss},   {"test_accuracy", epoch.test_accuracy},
          {"wall_s", epoch.wall_s},         {"nonzero_synapses", epoch.nonzero_synapses}};
}

BpEpoch read_epoch(const io::ResultReader& in) {
  BpEpoch epoch;
  epoch.epoch = in.count("epoch");
  epoch.phase = in.text("phase");
  epoch.train_loss = in.number("train_loss");
  epoch.train_accuracy = in.fraction("train_accuracy");
  epoch.test_loss = in.number("test_loss");
  epoch.test_accuracy = in.fraction("test_accuracy");
  epoch.wall_s = in.number("wall_s");
  read(in.at("nonzero_synapses"), epoch.nonzero_synapses);
  return epoch;
}

json pruning_json(const Pruning& pruning) {
  json rounds = json::array();
  for (const PruningRound& round : pruning.rounds) {
    rounds.push_back({{"round", round.round},
                      {"kept_synapses", round.kept_synapses},
                      {"test_accuracy_after_pruning", round.test_accuracy_after_pruning}});
  }
  return {
      {"layers", pruning.layers}, {"target_synapses", pruning.target_synapses}, {"rounds", rounds}};
}

Pruning read_pruning(const io::ResultReader& in) {
  Pruning pruning{in.text("layers"), in.count("target_synapses"), {}};
  for (const io::ResultReader& round : in.items("rounds")) {
    pruning.rounds.push_back({round.count("round"), round.count("kept_synapses"),
                              round.fraction("test_accuracy_after_pruning")});
  }
  return pruning;
}

int read_threads(const io::ResultReader& in) {
  const std::size_t threads = in.count("threads");
  if (threads < 1 || threads > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    in.fail("threads", "expected a positive integer");
  return static_cast<int>(threads);
}

}  // namespace

void to_json(json& out, const MacsPerImage& macs) {
  out = {{"dense", macs.dense}, {"sparse", macs.sparse}};
}

void read(const io::ResultReader& in, MacsPerImage& out) {
  out.dense = in.count("dense");
  out.sparse = in.count("sparse");
}

json BpResults::to_json() const {
  json document = document_start(ResultKind::kBp, provenance);
  document["variant"] = variant;
  document["inputs"] = inputs;
  document["input_scaling"] = {{"offset", input_scaling.offset},
                               {"scale", input_scaling.scale},
                               {"folded_into_weights_file", true}};
  document["layer_sizes"] = layer_sizes;
  document["train_samples"] = train_samples;
  document["test_samples"] = test_samples;
  document["test_accuracy"] = test_accuracy;
  document["test_loss"] = test_loss;
  document["train_accuracy"] = train_accuracy;
  document["train_loss"] = train_loss;
  document["nonzero_synapses"] = nonzero_synapses;
  document["dense_synapses"] = dense_synapses;
  document["macs_per_image"] = macs_per_image;
  document["epoch_wall_s"] = epoch_wall_s;
  document["mean_epoch_wall_s"] = mean_epoch_wall_s;
  document["total_wall_s"] = total_wall_s;
  document["threads"] = threads;
  json records = json::array();
  for (const BpEpoch& epoch : epochs)
    records.push_back(epoch_json(epoch));
  document["epochs"] = records;
  if (pruning) document["pruning"] = pruning_json(*pruning);
  if (budget) document["budget"] = {{"synapses", budget->synapses}, {"source", budget->source}};
  document["weights_file"] = weights_file;
  document["measures"] = measures;
  return document;
}

BpResults BpResults::from_json(const json& document, std::string source) {
  const io::ResultReader in = open_document(document, std::move(source), ResultKind::kBp);
  BpResults results;
  read(in.at("provenance"), results.provenance);
  results.variant = in.text("variant");
  results.inputs = in.text("inputs");
  const io::ResultReader scaling = in.at("input_scaling").object();
  results.input_scaling = {scaling.number("offset"), scaling.number("scale")};
  if (!scaling.boolean("folded_into_weights_file"))
    scaling.fail("folded_into_weights_file", "expected true");
  results.layer_sizes = in.counts("layer_sizes");
  results.train_samples = in.count("train_samples");
  results.test_samples = in.count("test_samples");
  results.test_accuracy = in.fraction("test_accuracy");
  results.test_loss = in.number("test_loss");
  results.train_accuracy = in.fraction("train_accuracy");
  results.train_loss = in.number("train_loss");
  read(in.at("nonzero_synapses"), results.nonzero_synapses);
  read(in.at("dense_synapses"), results.dense_synapses);
  read(in.at("macs_per_image"), results.macs_per_image);
  results.epoch_wall_s = in.numbers("epoch_wall_s");
  results.mean_epoch_wall_s = in.number("mean_epoch_wall_s");
  results.total_wall_s = in.number("total_wall_s");
  results.threads = read_threads(in);
  for (const io::ResultReader& epoch : in.items("epochs"))
    results.epochs.push_back(read_epoch(epoch));
  if (in.has("pruning")) results.pruning = read_pruning(in.at("pruning"));
  if (in.has("budget")) {
    const io::ResultReader budget = in.at("budget");
    results.budget = Budget{budget.count("synapses"), budget.text("source")};
  }
  results.weights_file = in.text("weights_file");
  read(in.at("measures"), results.measures);
  return results;
}

}  // namespace sprout::results
