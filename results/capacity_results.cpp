#include "results/capacity_results.hpp"

namespace sprout::results {

using nlohmann::json;

json CapacityResults::to_json() const {
  json document = document_start(ResultKind::kCapacity, provenance);
  document["c_s_paper"] = {{"i_xz_bits", i_xz_bits},
                           {"nonsilent_input_synapses", nonsilent_input_synapses},
                           {"c_s_paper", c_s_paper},
                           {"vib", vib}};
  return document;
}

CapacityResults CapacityResults::from_json(const json& document, std::string source) {
  const io::ResultReader in = open_document(document, std::move(source), ResultKind::kCapacity);
  CapacityResults results;
  read(in.at("provenance"), results.provenance);
  const io::ResultReader capacity = in.at("c_s_paper").object();
  results.i_xz_bits = capacity.number("i_xz_bits");
  results.nonsilent_input_synapses = capacity.count("nonsilent_input_synapses");
  results.c_s_paper = capacity.number("c_s_paper");
  results.vib = capacity.raw("vib");
  return results;
}

}  // namespace sprout::results
