#include "results/metric_values.hpp"

#include <fmt/format.h>

namespace sprout::results {
namespace {

using nlohmann::json;

constexpr const char* kEstimator = "plug-in + Miller-Madow, percentile bootstrap";

const char* status_name(RatioStatus status) {
  switch (status) {
    case RatioStatus::kInterpolated:
      return "interpolated";
    case RatioStatus::kUpperBound:
      return "upper_bound";
    case RatioStatus::kNotReached:
      return "not_reached";
  }
  return "unknown";
}

void read(const io::ResultReader& in, SweepPoint& out) {
  out.synapses = in.number("synapses");
  out.accuracy_percent = in.number("accuracy_percent");
}

json point_json(const SweepPoint& point) {
  return {{"synapses", point.synapses}, {"accuracy_percent", point.accuracy_percent}};
}

}  // namespace

const char* operation_name(OperationKind kind) {
  return kind == OperationKind::kAccumulate ? "accumulate" : "multiply-accumulate";
}

void to_json(json& out, const InformationEstimate& estimate) {
  out = {{"bits", estimate.bits},
         {"plugin_bits", estimate.plugin_bits},
         {"ci_low_bits", estimate.ci_low_bits},
         {"ci_high_bits", estimate.ci_high_bits},
         {"bootstrap_standard_error_bits", estimate.bootstrap_standard_error_bits},
         {"confidence", estimate.confidence},
         {"samples", estimate.samples},
         {"x_symbols", estimate.x_symbols},
         {"y_symbols", estimate.y_symbols},
         {"joint_symbols", estimate.joint_symbols},
         {"undersampled", estimate.undersampled},
         {"estimator", kEstimator}};
}

void read(const io::ResultReader& in, InformationEstimate& out) {
  out.bits = in.number("bits");
  out.plugin_bits = in.number("plugin_bits");
  out.ci_low_bits = in.number_or_null("ci_low_bits");
  out.ci_high_bits = in.number_or_null("ci_high_bits");
  out.bootstrap_standard_error_bits = in.number_or_null("bootstrap_standard_error_bits");
  out.confidence = in.number("confidence");
  out.samples = in.count("samples");
  out.x_symbols = in.count("x_symbols");
  out.y_symbols = in.count("y_symbols");
  out.joint_symbols = in.count("joint_symbols");
  out.undersampled = in.boolean("undersampled");
  if (in.text("estimator") != kEstimator)
    in.fail("estimator", fmt::format("expected \"{}\"", kEstimator));
}

void to_json(json& out, const HiddenCodeInformation& information) {
  out = {{"mean_unit_bits", information.mean_unit_bits},
         {"max_unit_bits", information.max_unit_bits},
         {"joint", information.joint},
         {"winner", information.winner},
         {"bins", information.bins},
         {"binning", information.binning},
         {"samples", information.samples},
         {"units", information.units}};
  if (!information.per_unit_bits.empty()) out["per_unit_bits"] = information.per_unit_bits;
}

void read(const io::ResultReader& in, HiddenCodeInformation& out) {
  if (in.has("per_unit_bits")) out.per_unit_bits = in.numbers("per_unit_bits");
  out.mean_unit_bits = in.number("mean_unit_bits");
  out.max_unit_bits = in.number("max_unit_bits");
  out.joint = read_as<InformationEstimate>(in, "joint");
  out.winner = read_as<InformationEstimate>(in, "winner");
  out.bins = in.count("bins");
  out.binning = in.text("binning");
  if (out.binning != "equal_width" && out.binning != "equal_frequency" &&
      out.binning != "rounded_capped") {
    in.fail("binning", "expected \"equal_width\", \"equal_frequency\" or \"rounded_capped\"");
  }
  out.samples = in.count("samples");
  out.units = in.count("units");
}

void to_json(json& out, const SynapticCapacity& capacity) {
  out = {{"information_bits_per_sample", capacity.information_bits_per_sample},
         {"label_entropy_bits", capacity.label_entropy_bits},
         {"training_samples", capacity.training_samples},
         {"stored_bits", capacity.stored_bits},
         {"nonzero_synapses", capacity.nonzero_synapses},
         {"bits_per_synapse", capacity.bits_per_synapse}};
}

void read(const io::ResultReader& in, SynapticCapacity& out) {
  out.information_bits_per_sample = in.number("information_bits_per_sample");
  out.label_entropy_bits = in.number("label_entropy_bits");
  out.training_samples = in.count("training_samples");
  out.stored_bits = in.number("stored_bits");
  out.nonzero_synapses = in.count("nonzero_synapses");
  out.bits_per_synapse = in.number("bits_per_synapse");
}

void to_json(json& out, const StorageCost& cost) {
  out = {{"potential_synapses", cost.potential_synapses},
         {"realised_synapses", cost.realised_synapses},
         {"weight_levels", cost.weight_levels},
         {"weight_entropy_bits_per_synapse", cost.weight_entropy_bits_per_synapse},
         {"structure_bits", cost.structure_bits},
         {"structure_bits_per_synapse", cost.structure_bits_per_synapse},
         {"bits_per_synapse", cost.bits_per_synapse},
         {"total_bits", cost.total_bits}};
}

void read(const io::ResultReader& in, StorageCost& out) {
  out.potential_synapses = in.count("potential_synapses");
  out.realised_synapses = in.count("realised_synapses");
  out.weight_levels = in.count("weight_levels");
  out.weight_entropy_bits_per_synapse = in.number("weight_entropy_bits_per_synapse");
  out.structure_bits = in.number("structure_bits");
  out.structure_bits_per_synapse = in.number("structure_bits_per_synapse");
  out.bits_per_synapse = in.number("bits_per_synapse");
  out.total_bits = in.number("total_bits");
}

void to_json(json& out, const EnergyCosts& costs) {
  out = {{"accumulate", costs.accumulate_pj},
         {"multiply_accumulate", costs.multiply_accumulate_pj}};
}

void read(const io::ResultReader& in, EnergyCosts& out) {
  out.accumulate_pj = in.number("accumulate");
  out.multiply_accumulate_pj = in.number("multiply_accumulate");
}

void to_json(json& out, const EnergyReport& report) {
  json layers = json::array();
  for (const LayerEnergy& layer : report.layers) {
    layers.push_back({{"name", layer.name},
                      {"operations_per_image", layer.operations_per_image},
                      {"native_pj", layer.native_pj},
                      {"at_mac_cost_pj", layer.at_mac_cost_pj}});
  }
  out = {{"network", report.network},
         {"operation", operation_name(report.kind)},
         {"costs_pj", report.costs},
         {"layers", layers},
         {"operations_per_image", report.operations_per_image},
         {"native_pj_per_image", report.native_pj},
         {"at_mac_cost_pj_per_image", report.at_mac_cost_pj}};
}

void read(const io::ResultReader& in, EnergyReport& out) {
  out.network = in.text("network");
  const std::string operation = in.text("operation");
  if (operation == operation_name(OperationKind::kAccumulate)) {
    out.kind = OperationKind::kAccumulate;
  } else if (operation == operation_name(OperationKind::kMultiplyAccumulate)) {
    out.kind = OperationKind::kMultiplyAccumulate;
  } else {
    in.fail("operation", "expected \"accumulate\" or \"multiply-accumulate\"");
  }
  out.costs = read_as<EnergyCosts>(in, "costs_pj");
  out.layers.clear();
  for (const io::ResultReader& layer : in.items("layers")) {
    out.layers.push_back({layer.text("name"), layer.number("operations_per_image"),
                          layer.number("native_pj"), layer.number("at_mac_cost_pj")});
  }
  out.operations_per_image = in.number("operations_per_image");
  out.native_pj = in.number("native_pj_per_image");
  out.at_mac_cost_pj = in.number("at_mac_cost_pj_per_image");
}

void to_json(json& out, const OverparameterisationFactor& factor) {
  out = {{"dense", point_json(factor.dense)},
         {"smallest_within_tolerance", point_json(factor.smallest)},
         {"tolerance_points", factor.tolerance_points},
         {"factor", factor.factor}};
}

void read(const io::ResultReader& in, OverparameterisationFactor& out) {
  read(in.at("dense"), out.dense);
  read(in.at("smallest_within_tolerance"), out.smallest);
  out.tolerance_points = in.number("tolerance_points");
  out.factor = in.number("factor");
}

void to_json(json& out, const EqualAccuracyRatio& ratio) {
  out = {{"target_accuracy_percent", ratio.target_accuracy_percent},
         {"bp_synapses", ratio.bp_synapses},
         {"structural_synapses", ratio.structural_synapses},
         {"ratio", ratio.ratio},
         {"status", status_name(ratio.status)}};
}

void read(const io::ResultReader& in, EqualAccuracyRatio& out) {
  out.target_accuracy_percent = in.number("target_accuracy_percent");
  out.bp_synapses = in.number_or_null("bp_synapses");
  out.structural_synapses = in.number("structural_synapses");
  out.ratio = in.number_or_null("ratio");
  const std::string status = in.text("status");
  for (RatioStatus candidate :
       {RatioStatus::kInterpolated, RatioStatus::kUpperBound, RatioStatus::kNotReached}) {
    if (status == status_name(candidate)) {
      out.status = candidate;
      return;
    }
  }
  in.fail("status", "expected \"interpolated\", \"upper_bound\" or \"not_reached\"");
}

}  // namespace sprout::results
