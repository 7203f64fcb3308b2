#pragma once
// The counters of a simulation as a dict of NumPy arrays (per projection and per
// population id) and totals.

#include <pybind11/pybind11.h>

#include "engine/counters.hpp"

namespace sprout::python {

[[nodiscard]] pybind11::dict counters_dict(const engine::SimulationCounters& counters);

}  // namespace sprout::python
