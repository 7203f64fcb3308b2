#include "results/bp_sweep_results.hpp"

namespace sprout::results {
namespace {

using nlohmann::json;

json point_json(const BpSweepPointResult& point) {
  return {{"hidden", point.hidden},
          {"density", point.density},
          {"nonzero_synapses", point.nonzero_synapses},
          {"dense_synapses", point.dense_synapses},
          {"macs_per_image", point.macs_per_image},
          {"test_accuracy", point.test_accuracy},
          {"test_loss", point.test_loss},
          {"epochs_trained", point.epochs_trained},
          {"train_wall_s", point.train_wall_s}};
}

BpSweepPointResult read_point(const io::ResultReader& in) {
  BpSweepPointResult point;
  point.hidden = in.count("hidden");
  point.density = in.number("density");
  read(in.at("nonzero_synapses"), point.nonzero_synapses);
  read(in.at("dense_synapses"), point.dense_synapses);
  read(in.at("macs_per_image"), point.macs_per_image);
  point.test_accuracy = in.fraction("test_accuracy");
  point.test_loss = in.number("test_loss");
  point.epochs_trained = in.count("epochs_trained");
  point.train_wall_s = in.number("train_wall_s");
  return point;
}

json factor_json(const SweepFactor& factor) {
  return {{"factor", factor.factor},
          {"smallest_within_tolerance",
           {{"hidden", factor.hidden},
            {"density", factor.density},
            {"nonzero_synapses", factor.nonzero_synapses},
            {"test_accuracy", factor.test_accuracy}}}};
}

SweepFactor read_factor(const io::ResultReader& in) {
  const io::ResultReader smallest = in.at("smallest_within_tolerance").object();
  return {in.number("factor"), smallest.count("hidden"), smallest.number("density"),
          smallest.count("nonzero_synapses"), smallest.fraction("test_accuracy")};
}

json overparameterisation_json(const SweepOverparameterisation& factors) {
  json per_hidden = json::array();
  for (const HiddenSizeFactor& row : factors.per_hidden) {
    per_hidden.push_back({{"hidden", row.hidden},
                          {"dense_synapses", row.dense_synapses},
                          {"dense_test_accuracy", row.dense_test_accuracy},
                          {"same_hidden", factor_json(row.same_hidden)},
                          {"any_hidden", factor_json(row.any_hidden)}});
  }
  return {{"definition", factors.definition},
          {"tolerance_points", factors.tolerance_points},
          {"per_hidden", per_hidden},
          {"max_same_hidden", factors.max_same_hidden},
          {"max_any_hidden", factors.max_any_hidden}};
}

SweepOverparameterisation read_overparameterisation(const io::ResultReader& in) {
  SweepOverparameterisation factors;
  factors.definition = in.text("definition");
  factors.tolerance_points = in.number("tolerance_points");
  for (const io::ResultReader& row : in.items("per_hidden")) {
    factors.per_hidden.push_back(
        {row.count("hidden"), row.count("dense_synapses"), row.fraction("dense_test_accuracy"),
         read_factor(row.at("same_hidden")), read_factor(row.at("any_hidden"))});
  }
  factors.max_same_hidden = in.number("max_same_hidden");
  factors.max_any_hidden = in.number("max_any_hidden");
  return factors;
}

}  // namespace

json BpSweepResults::to_json() const {
  json document = document_start(ResultKind::kBpSweep, provenance);
  json rows = json::array();
  for (const BpSweepPointResult& point : points)
    rows.push_back(point_json(point));
  document["points"] = rows;
  document["overparameterisation"] = overparameterisation_json(overparameterisation);
  document["total_wall_s"] = total_wall_s;
  return document;
}

BpSweepResults BpSweepResults::from_json(const json& document, std::string source) {
  const io::ResultReader in = open_document(document, std::move(source), ResultKind::kBpSweep);
  BpSweepResults results;
  read(in.at("provenance"), results.provenance);
  for (const io::ResultReader& point : in.items("points"))
    results.points.push_back(read_point(point));
  results.overparameterisation = read_overparameterisation(in.at("overparameterisation"));
  results.total_wall_s = in.number("total_wall_s");
  return results;
}

}  // namespace sprout::results
