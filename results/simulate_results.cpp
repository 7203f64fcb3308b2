#include "results/simulate_results.hpp"

namespace sprout::results {

using nlohmann::json;

json SimulateResults::to_json() const {
  json document = document_start(ResultKind::kSimulate, provenance);
  document["synaptic_events"] = synaptic_events;
  document["synaptic_events_per_image"] = synaptic_events_per_image;
  document["input_spikes"] = input_spikes;
  document["hidden_spikes"] = hidden_spikes;
  document["hidden_rate_hz"] = hidden_rate_hz;
  document["neuron_state_updates"] = neuron_state_updates;
  document["queue_events"] = queue_events;
  document["wall_s"] = wall_s;
  document["cpu_s"] = cpu_s;
  document["events_per_cpu_s"] = events_per_cpu_s;
  document["build_s"] = build_s;
  document["events_per_s"] = events_per_s;
  document["synapses"] = synapses;
  document["bytes_per_synapse"] = bytes_per_synapse;
  document["total_bytes_per_synapse"] = total_bytes_per_synapse;
  json rows = json::array();
  for (const ProjectionResult& projection : projections) {
    rows.push_back({{"name", projection.name},
                    {"synapses", projection.synapses},
                    {"synaptic_events", projection.synaptic_events},
                    {"queue_events", projection.queue_events},
                    {"synaptic_events_per_image", projection.synaptic_events_per_image},
                    {"hot_path_bytes_per_synapse", projection.hot_path_bytes_per_synapse},
                    {"total_bytes_per_synapse", projection.total_bytes_per_synapse}});
  }
  document["projections"] = rows;
  document["files"] = {{"hidden_counts_csv", files.hidden_counts_csv},
                       {"raster_first_image", files.raster_first_image},
                       {"raster_first_image_csv", files.raster_first_image_csv}};
  document["raster_first_image_spikes"] = raster_first_image_spikes;
  document["raster_first_image_truncated"] = raster_first_image_truncated;
  return document;
}

SimulateResults SimulateResults::from_json(const json& document, std::string source) {
  const io::ResultReader in = open_document(document, std::move(source), ResultKind::kSimulate);
  SimulateResults r;
  read(in.at("provenance"), r.provenance);
  r.synaptic_events = in.count("synaptic_events");
  r.synaptic_events_per_image = in.number("synaptic_events_per_image");
  r.input_spikes = in.count("input_spikes");
  r.hidden_spikes = in.count("hidden_spikes");
  r.hidden_rate_hz = in.number("hidden_rate_hz");
  r.neuron_state_updates = in.count("neuron_state_updates");
  r.queue_events = in.count("queue_events");
  r.wall_s = in.number("wall_s");
  r.cpu_s = in.number("cpu_s");
  r.events_per_cpu_s = in.number("events_per_cpu_s");
  r.build_s = in.number("build_s");
  r.events_per_s = in.number("events_per_s");
  r.synapses = in.count("synapses");
  r.bytes_per_synapse = in.number("bytes_per_synapse");
  r.total_bytes_per_synapse = in.number("total_bytes_per_synapse");
  for (const io::ResultReader& row : in.items("projections")) {
    r.projections.push_back({row.text("name"), row.count("synapses"), row.count("synaptic_events"),
                             row.count("queue_events"), row.number("synaptic_events_per_image"),
                             row.number("hot_path_bytes_per_synapse"),
                             row.number("total_bytes_per_synapse")});
  }
  const io::ResultReader names = in.at("files").object();
  r.files = {names.text("hidden_counts_csv"), names.text("raster_first_image"),
             names.text("raster_first_image_csv")};
  r.raster_first_image_spikes = in.count("raster_first_image_spikes");
  r.raster_first_image_truncated = in.boolean("raster_first_image_truncated");
  return r;
}

}  // namespace sprout::results
