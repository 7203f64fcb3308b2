#pragma once
// The parts of the module, one file each (module.cpp calls them in this order: later
// parts use the classes of earlier ones in their signatures).

#include <pybind11/pybind11.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "encoders/class_subset.hpp"

namespace sprout::python {

void bind_data(pybind11::module_& m);          // IDX, MNIST, image sets, class subsets
void bind_encoders(pybind11::module_& m);      // spike encoders, Poisson trains
void bind_network(pybind11::module_& m);       // populations, projections, connection rules
void bind_simulation(pybind11::module_& m);    // one trial of a network
void bind_presentation(pybind11::module_& m);  // the 784 -> H network, images in parallel
void bind_structural(pybind11::module_& m);    // the rule: learner, training run
void bind_bp(pybind11::module_& m);            // the BP reference
void bind_metrics(pybind11::module_& m);       // information, capacity, energy

// None: all ten classes; else a valid class subset. Throws std::invalid_argument
// "classes: <problem>".
[[nodiscard]] encoders::ClassList class_list(
    const std::optional<std::vector<std::size_t>>& classes);

}  // namespace sprout::python
