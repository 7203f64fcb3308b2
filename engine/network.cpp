#include "engine/network.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace sprout::engine {

PopulationId Network::add_population(std::string name, std::shared_ptr<const NeuronGroup> group) {
  if (!group) throw std::invalid_argument(fmt::format("population '{}': no neuron group", name));
  for (const auto& existing : populations_) {
    if (existing.name == name) {
      throw std::invalid_argument(fmt::format("population '{}' exists already", name));
    }
  }
  const std::uint32_t size = group->size();
  populations_.push_back({std::move(name), std::move(group), neuron_count_, size});
  outgoing_.emplace_back();
  neuron_count_ += size;
  return static_cast<PopulationId>(populations_.size() - 1);
}

void Network::check_projection(const Projection& projection) const {
  const auto pre = projection.pre_population();
  const auto post = projection.post_population();
  if (pre >= populations_.size() || post >= populations_.size()) {
    throw std::invalid_argument(
        fmt::format("projection '{}': unknown population {}->{}", projection.name(), pre, post));
  }
  if (projection.pre_size() != populations_[pre].size ||
      projection.post_size() != populations_[post].size) {
    throw std::invalid_argument(fmt::format(
        "projection '{}': shape {}x{} does not match populations '{}' ({}) and '{}' ({})",
        projection.name(), projection.pre_size(), projection.post_size(), populations_[pre].name,
        populations_[pre].size, populations_[post].name, populations_[post].size));
  }
  if (populations_[post].group->is_spike_source()) {
    throw std::invalid_argument(fmt::format("projection '{}': target '{}' is a spike source",
                                            projection.name(), populations_[post].name));
  }
}

ProjectionId Network::add_projection(Projection projection) {
  check_projection(projection);
  const auto id = static_cast<ProjectionId>(projections_.size());
  outgoing_[projection.pre_population()].push_back(id);
  projections_.push_back(std::move(projection));
  return id;
}

void Network::replace_projection(ProjectionId id, Projection projection) {
  const Projection& old = projections_.at(id);
  if (projection.pre_population() != old.pre_population() ||
      projection.post_population() != old.post_population()) {
    throw std::invalid_argument(
        fmt::format("projection '{}': a replacement must join the same populations", old.name()));
  }
  check_projection(projection);
  projections_[id] = std::move(projection);
}

PopulationId Network::find_population(const std::string& name) const {
  for (std::size_t i = 0; i < populations_.size(); ++i) {
    if (populations_[i].name == name) return static_cast<PopulationId>(i);
  }
  throw std::invalid_argument(fmt::format("no population named '{}'", name));
}

PopulationId Network::population_of(NeuronId neuron) const {
  const auto after =
      std::upper_bound(populations_.begin(), populations_.end(), neuron,
                       [](NeuronId id, const PopulationInfo& info) { return id < info.offset; });
  return static_cast<PopulationId>(after - populations_.begin() - 1);
}

}  // namespace sprout::engine
