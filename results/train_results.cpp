#include "results/train_results.hpp"
#include "results/training_budget.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace sprout::results {

using nlohmann::json;

json TrainResults::to_json() const {
  json document = document_start(ResultKind::kTrain, provenance);
  document["complete"] = final.has_value();
  document["train_images"] = train_images;
  document["validation_images"] = validation_images;
  document["test_images"] = test_images;
  json records = json::array();
  for (const models::EpochRecord& record : epochs)
    records.push_back(models::to_json(record));
  document["epochs"] = records;
  if (final) {
    document["final"] = models::to_json(final->epoch);
    document["nonzero_synapses"] = final->nonzero_synapses;
    document["measures"] = final->measures;
    document["files"] = {{"network", final->files.network},
                         {"receptive_fields", final->files.receptive_fields},
                         {"raster_test_image_0", final->files.raster_test_image_0},
                         {"raster_test_image_0_csv", final->files.raster_test_image_0_csv}};
  }
  return document;
}

TrainResults TrainResults::from_json(const json& document, std::string source) {
  const io::ResultReader in = open_document(document, std::move(source), ResultKind::kTrain);
  TrainResults results;
  read(in.at("provenance"), results.provenance);
  results.train_images = in.count("train_images");
  results.validation_images = in.count("validation_images");
  results.test_images = in.count("test_images");
  for (const io::ResultReader& entry : in.items("epochs"))
    results.epochs.push_back(models::epoch_record_from_json(entry));
  if (!in.boolean("complete")) return results;
  TrainFinal& final = results.final.emplace();
  final.epoch = models::epoch_record_from_json(in.at("final"));
  read(in.at("nonzero_synapses"), final.nonzero_synapses);
  read(in.at("measures"), final.measures);
  const io::ResultReader files = in.at("files").object();
  final.files = {files.text("network"), files.text("receptive_fields"),
                 files.text("raster_test_image_0"), files.text("raster_test_image_0_csv")};
  return results;
}

std::size_t realised_synapses_after_training(const std::filesystem::path& path) {
  const auto results = read_results_file<TrainResults>(path);
  if (results.epochs.empty())
    throw std::runtime_error(
        fmt::format("{}: epochs: no epoch to take the count from", path.string()));
  const std::size_t realised = results.epochs.back().synapses.realised;
  if (realised == 0) {
    throw std::runtime_error(
        fmt::format("{}: epochs.{}.synapses.realised: expected a positive count, got 0",
                    path.string(), results.epochs.size() - 1));
  }
  return realised;
}

}  // namespace sprout::results
