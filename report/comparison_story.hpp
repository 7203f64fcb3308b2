#pragma once
// The comparison in words: a few sentences generated from the report's numbers (accuracy
// difference, synapse ratio, energy ratio, BP's synapses at the structural accuracy), which
// open report.html and close `sprout compare`'s console output. Nothing is hand-written:
// every number comes from the report.

#include <string>
#include <vector>

#include "results/comparison_report.hpp"

namespace sprout::report {

// An energy unit for values around `picojoules`: pJ, nJ, µJ or mJ, so that the value
// reads between 1 and 1000 in it.
struct EnergyUnit {
  double picojoules = 1;  // one unit in pJ
  std::string name = "pJ";
};
[[nodiscard]] EnergyUnit energy_unit(double picojoules);

// "3.21 µJ": three significant digits in the value's own unit.
[[nodiscard]] std::string format_energy(double picojoules);

// "1,234,567".
[[nodiscard]] std::string group_digits(double whole);

// Two to four sentences: the structural run against the first dense BP run (else the
// first BP run), BP at the structural synapse budget if given, the sweep's
// equal-accuracy synapse count if given, and the energy per test image.
[[nodiscard]] std::vector<std::string> comparison_conclusion(
    const results::ComparisonReport& report);

}  // namespace sprout::report
