#include "protocols/distributed_bp_sweep.hpp"

#include <nlohmann/json.hpp>

#include "distributed/task_pool.hpp"

namespace sprout::protocols {
namespace {

// A point as JSON, for the exchange between ranks: nlohmann writes doubles with enough
// digits to read back the same bits.
nlohmann::json point_json(const models::BpSweepPoint& p) {
  return {{"hidden", p.hidden},
          {"density", p.density},
          {"nonzero_synapses", p.nonzero_synapses},
          {"dense_synapses", p.dense_synapses},
          {"test_accuracy", p.test_accuracy},
          {"test_loss", p.test_loss},
          {"epochs_trained", p.epochs_trained},
          {"train_wall_s", p.train_wall_s}};
}

models::BpSweepPoint point_of(const nlohmann::json& j) {
  models::BpSweepPoint p;
  j.at("hidden").get_to(p.hidden);
  j.at("density").get_to(p.density);
  j.at("nonzero_synapses").get_to(p.nonzero_synapses);
  j.at("dense_synapses").get_to(p.dense_synapses);
  j.at("test_accuracy").get_to(p.test_accuracy);
  j.at("test_loss").get_to(p.test_loss);
  j.at("epochs_trained").get_to(p.epochs_trained);
  j.at("train_wall_s").get_to(p.train_wall_s);
  return p;
}

}  // namespace

std::vector<models::BpSweepPoint> run_bp_sweep_on_ranks(
    const distributed::Communicator& ranks, const models::BpSweepConfig& config,
    const models::BpData& data, const std::function<void(const models::BpSweepPoint&)>& on_point) {
  const distributed::TaskResults done =
      distributed::run_tasks(ranks, config.hidden_sizes.size(), [&](std::size_t index) {
        nlohmann::json points = nlohmann::json::array();
        for (const models::BpSweepPoint& point : models::run_bp_sweep_for_hidden(
                 config, data, config.hidden_sizes[index], {}, on_point))
          points.push_back(point_json(point));
        return points.dump();
      });
  std::vector<models::BpSweepPoint> points;
  for (const std::string& text : done.results)
    for (const nlohmann::json& point : nlohmann::json::parse(text))
      points.push_back(point_of(point));
  return points;
}

}  // namespace sprout::protocols
