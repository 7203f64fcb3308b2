#include "results/eval_results.hpp"

namespace sprout::results {

using nlohmann::json;

json EvalResults::to_json() const {
  json document = document_start(ResultKind::kEval, provenance);
  document["test_accuracy"] = test_accuracy;
  document["realised_synapses"] = realised_synapses;
  document["consolidated_synapses"] = consolidated_synapses;
  document["predictions"] = predictions;
  document["synaptic_events_per_image"] = synaptic_events_per_image;
  document["wall_s"] = wall_s;
  return document;
}

EvalResults EvalResults::from_json(const json& document, std::string source) {
  const io::ResultReader in = open_document(document, std::move(source), ResultKind::kEval);
  EvalResults results;
  read(in.at("provenance"), results.provenance);
  results.test_accuracy = in.fraction("test_accuracy");
  results.realised_synapses = in.count("realised_synapses");
  results.consolidated_synapses = in.count("consolidated_synapses");
  results.predictions = in.counts("predictions");
  results.synaptic_events_per_image = in.number("synaptic_events_per_image");
  results.wall_s = in.number("wall_s");
  return results;
}

}  // namespace sprout::results
