#include "engine/population.hpp"

#include <stdexcept>

namespace sprout::engine {
namespace {

// Sources have no dynamics: their spikes come from Simulation::add_source_spikes.
class SpikeSourceState final : public PopulationState {
 public:
  void reset(std::uint64_t, std::uint64_t) override {}
  void receive(double, std::span<const std::uint32_t>, std::span<const float>,
               PopulationOutput&) override {
    throw std::logic_error("a spike source cannot receive spikes");
  }
  [[nodiscard]] double membrane_potential(std::uint32_t, double) const override { return 0.0; }
};

}  // namespace

std::unique_ptr<PopulationState> SpikeSourceGroup::make_state() const {
  return std::make_unique<SpikeSourceState>();
}

}  // namespace sprout::engine
