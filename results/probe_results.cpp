#include "results/probe_results.hpp"

namespace sprout::results {

using nlohmann::json;

void to_json(json& out, const ProbeAccuracy& accuracy) {
  out = {{"train_accuracy", accuracy.train}, {"test_accuracy", accuracy.test}};
}

void read(const io::ResultReader& in, ProbeAccuracy& out) {
  out.train = in.fraction("train_accuracy");
  out.test = in.fraction("test_accuracy");
}

json ProbeResults::to_json() const {
  json document = document_start(ResultKind::kProbe, provenance);
  json cosine = json::array();
  for (const CosineProbe& probe : report.cosine_probes) {
    json entry = probe.accuracy;
    entry["k"] = probe.k;
    cosine.push_back(entry);
  }
  document["hidden"] = report.hidden;
  document["probe_train_images"] = report.probe_train_images;
  document["test_images"] = report.test_images;
  document["network_readout"] = report.network_readout;
  document["spike_count_probe"] = report.spike_count_probe;
  document["cosine_top_k_probes"] = cosine;
  document["wall_s"] = wall_s;
  return document;
}

ProbeResults ProbeResults::from_json(const json& document, std::string source) {
  const io::ResultReader in = open_document(document, std::move(source), ResultKind::kProbe);
  ProbeResults results;
  read(in.at("provenance"), results.provenance);
  CodeProbeReport& report = results.report;
  report.hidden = in.count("hidden");
  report.probe_train_images = in.count("probe_train_images");
  report.test_images = in.count("test_images");
  read(in.at("network_readout"), report.network_readout);
  read(in.at("spike_count_probe"), report.spike_count_probe);
  for (const io::ResultReader& entry : in.items("cosine_top_k_probes")) {
    CosineProbe probe{entry.count("k"), {}};
    read(entry, probe.accuracy);
    report.cosine_probes.push_back(probe);
  }
  results.wall_s = in.number("wall_s");
  return results;
}

}  // namespace sprout::results
