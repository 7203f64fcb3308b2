#include "results/measures.hpp"

namespace sprout::results {

using nlohmann::json;

void to_json(json& out, const LayerCounts& counts) {
  out = json::object();
  for (const auto& [layer, count] : counts.layers)
    out[layer] = count;
  out["total"] = counts.total;
  if (counts.fixed_lateral_inhibition)
    out["fixed_lateral_inhibition"] = *counts.fixed_lateral_inhibition;
  if (counts.fixed_interneuron_synapses)
    out["fixed_interneuron_synapses"] = *counts.fixed_interneuron_synapses;
}

void read(const io::ResultReader& in, LayerCounts& out) {
  out = {};
  for (const auto& [key, value] : in.members()) {
    if (key == "total") {
      out.total = value.as_count();
    } else if (key == "fixed_lateral_inhibition") {
      out.fixed_lateral_inhibition = value.as_count();
    } else if (key == "fixed_interneuron_synapses") {
      out.fixed_interneuron_synapses = value.as_count();
    } else {
      out.layers[key] = value.as_count();
    }
  }
  (void)in.count("total");  // required
  if (out.layers.empty()) in.fail("", "no layers");
}

void to_json(json& out, const NetworkStorageCost& cost) {
  out = {{"weight_levels", cost.weight_levels},
         {"layers", cost.layers},
         {"realised_synapses", cost.realised_synapses},
         {"total_bits", cost.total_bits},
         {"bits_per_synapse", cost.bits_per_synapse}};
}

void read(const io::ResultReader& in, NetworkStorageCost& out) {
  out.weight_levels = in.count("weight_levels");
  out.layers.clear();
  for (const auto& [layer, cost] : in.at("layers").members())
    read(cost, out.layers[layer]);
  out.realised_synapses = in.count("realised_synapses");
  out.total_bits = in.number("total_bits");
  out.bits_per_synapse = in.number("bits_per_synapse");
}

void read(const io::ResultReader& in, ConfusionMatrix& out) {
  const json& rows = in.value();
  const auto fail = [&] { in.fail("", "expected a square matrix of counts"); };
  if (!rows.is_array() || rows.empty()) fail();
  out.clear();
  for (const json& row : rows) {
    if (!row.is_array() || row.size() != rows.size()) fail();
    std::vector<std::size_t> counts;
    for (const json& cell : row) {
      if (!cell.is_number_unsigned()) fail();
      counts.push_back(cell.get<std::size_t>());
    }
    out.push_back(std::move(counts));
  }
}

void to_json(json& out, const Measures& measures) {
  out = {{"train_confusion", measures.train_confusion},
         {"test_confusion", measures.test_confusion},
         {"storage_cost", measures.storage_cost},
         {"hidden_code_information", measures.hidden_code_information}};
  if (measures.train_images) out["train_images"] = *measures.train_images;
}

void read(const io::ResultReader& in, Measures& out) {
  read(in.at("train_confusion"), out.train_confusion);
  read(in.at("test_confusion"), out.test_confusion);
  out.train_images.reset();
  if (in.has("train_images")) out.train_images = in.count("train_images");
  read(in.at("storage_cost"), out.storage_cost);
  read(in.at("hidden_code_information"), out.hidden_code_information);
}

}  // namespace sprout::results
