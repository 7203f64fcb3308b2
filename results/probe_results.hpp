#pragma once
// The results of `sprout probe --out FILE` (schema "sprout.probe/1"; every key in
// docs/formats.md): the network's readout against linear probes on its spike counts and
// on cosine top-K codes of its weights (analysis/code_probe.hpp).

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "results/schema.hpp"

namespace sprout::results {

struct ProbeAccuracy {
  double train = 0;
  double test = 0;
};

struct CosineProbe {
  std::size_t k = 0;
  ProbeAccuracy accuracy;
};

struct CodeProbeReport {
  std::size_t hidden = 0;
  std::size_t probe_train_images = 0;
  std::size_t test_images = 0;
  ProbeAccuracy network_readout;  // the network's own readout on the same images
  ProbeAccuracy spike_count_probe;
  std::vector<CosineProbe> cosine_probes;  // in the order of the requested K
};

struct ProbeResults {
  Provenance provenance;  // config: network, data_dir, images, top_k, probe settings
  CodeProbeReport report;
  double wall_s = 0;

  [[nodiscard]] nlohmann::json to_json() const;
  // Throws one line "<source>: <key>: <problem>" (results/schema.hpp).
  [[nodiscard]] static ProbeResults from_json(const nlohmann::json& document, std::string source);
};

// {"train_accuracy", "test_accuracy"}
void to_json(nlohmann::json& out, const ProbeAccuracy& accuracy);
void read(const io::ResultReader& in, ProbeAccuracy& out);

}  // namespace sprout::results
