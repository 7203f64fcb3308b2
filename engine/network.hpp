#pragma once
// The structure of a network: populations and the projections between them. Read-only
// while simulations run (any number of Simulation objects may share one Network);
// learning rules change it between trials.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/population.hpp"
#include "engine/projection.hpp"

namespace sprout::engine {

using PopulationId = std::uint32_t;

struct PopulationInfo {
  std::string name;
  std::shared_ptr<const NeuronGroup> group;
  NeuronId offset;  // global id of its first neuron
  std::uint32_t size;
};

class Network {
 public:
  PopulationId add_population(std::string name, std::shared_ptr<const NeuronGroup> group);
  // Checks that the populations exist, that sizes match and that the target is not a
  // spike source. Throws std::invalid_argument naming the projection otherwise.
  ProjectionId add_projection(Projection projection);
  // Swaps in a rebuilt projection (same populations), e.g. after structural plasticity.
  void replace_projection(ProjectionId id, Projection projection);

  [[nodiscard]] const std::vector<PopulationInfo>& populations() const { return populations_; }
  [[nodiscard]] const PopulationInfo& population(PopulationId id) const {
    return populations_.at(id);
  }
  [[nodiscard]] PopulationId find_population(const std::string& name) const;
  [[nodiscard]] const std::vector<Projection>& projections() const { return projections_; }
  [[nodiscard]] const Projection& projection(ProjectionId id) const { return projections_.at(id); }
  [[nodiscard]] Projection& mutable_projection(ProjectionId id) { return projections_.at(id); }
  [[nodiscard]] const std::vector<ProjectionId>& outgoing(PopulationId id) const {
    return outgoing_.at(id);
  }
  [[nodiscard]] std::uint32_t neuron_count() const { return neuron_count_; }
  [[nodiscard]] PopulationId population_of(NeuronId neuron) const;

 private:
  void check_projection(const Projection& projection) const;

  std::vector<PopulationInfo> populations_;
  std::vector<Projection> projections_;
  std::vector<std::vector<ProjectionId>> outgoing_;
  std::uint32_t neuron_count_ = 0;
};

}  // namespace sprout::engine
