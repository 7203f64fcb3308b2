#pragma once
// The results of a structural training run (`sprout train`, DIR/results.json, schema
// "sprout.train/1"; every key in docs/formats.md): the split, the epochs, and for a
// finished run the final network's synapse counts and measures for `sprout compare`.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/structural/epoch_record.hpp"
#include "results/measures.hpp"
#include "results/schema.hpp"

namespace sprout::results {

// The files of a finished run beside results.json; the defaults are the names
// `sprout train` writes (report/training_outputs.hpp).
struct TrainFiles {
  std::string network = "network.bin";
  std::string receptive_fields = "receptive_fields.svg";
  std::string raster_test_image_0 = "raster_test_image_0.bin";
  std::string raster_test_image_0_csv = "raster_test_image_0.csv";
};

// What a finished run adds: the last epoch again, the final network's non-zero synapses
// (as `sprout bp` counts them) and its measures.
struct TrainFinal {
  models::EpochRecord epoch;
  LayerCounts nonzero_synapses;
  Measures measures;
  TrainFiles files;
};

struct TrainResults {
  Provenance provenance;  // config: the effective config plus config_file and data_dir
  std::size_t train_images = 0;
  std::size_t validation_images = 0;
  std::size_t test_images = 0;
  std::vector<models::EpochRecord> epochs;
  std::optional<TrainFinal> final;  // set when the run is complete

  [[nodiscard]] nlohmann::json to_json() const;
  // Throws one line "<source>: <key>: <problem>" (results/schema.hpp).
  [[nodiscard]] static TrainResults from_json(const nlohmann::json& document, std::string source);
};

}  // namespace sprout::results
