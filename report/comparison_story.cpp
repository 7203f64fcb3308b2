#include "report/comparison_story.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace sprout::report {
namespace {

// "2.14 points more", "0.30 points less", "the same".
std::string points_difference(double difference_percent) {
  if (std::fabs(difference_percent) < 0.005) return "the same accuracy";
  return fmt::format("{:.2f} points {} accuracy", std::fabs(difference_percent),
                     difference_percent > 0 ? "more" : "less");
}

// "31 times", "3.1 times", and below one a percentage: "99%", "52%", "3.8%" (as many).
std::string times(double ratio) {
  if (ratio < 1) {
    return 100 * ratio >= 10 ? fmt::format("{:.0f}%", 100 * ratio)
                             : fmt::format("{:.2g}%", 100 * ratio);
  }
  return ratio >= 10 ? fmt::format("{:.0f} times", ratio) : fmt::format("{:.2g} times", ratio);
}

std::optional<std::size_t> run_with_variant(const results::ComparisonReport& report,
                                            const std::string& variant) {
  for (std::size_t r = 0; r < report.runs.size(); ++r)
    if (report.runs[r].variant == variant) return r;
  return std::nullopt;
}

}  // namespace

EnergyUnit energy_unit(double picojoules) {
  const double magnitude = std::fabs(picojoules);
  if (magnitude >= 1e9) return {1e9, "mJ"};
  if (magnitude >= 1e6) return {1e6, "µJ"};
  if (magnitude >= 1e3) return {1e3, "nJ"};
  return {1, "pJ"};
}

std::string format_energy(double picojoules) {
  const EnergyUnit unit = energy_unit(picojoules);
  return fmt::format("{:.3g} {}", picojoules / unit.picojoules, unit.name);
}

std::string group_digits(double whole) {
  const std::string digits = fmt::format("{:.0f}", std::fabs(whole));
  std::string grouped = whole <= -0.5 ? "-" : "";
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) grouped += ',';
    grouped += digits[k];
  }
  return grouped;
}

std::vector<std::string> comparison_conclusion(const results::ComparisonReport& report) {
  std::vector<std::string> sentences;
  if (report.headline.size() < 2) return sentences;
  const results::HeadlineRow& ours = report.headline.front();
  const std::size_t bp_index = run_with_variant(report, "dense").value_or(1);
  const results::HeadlineRow& bp = report.headline[bp_index];
  const double our_synapses = static_cast<double>(ours.nonzero_synapses);
  sentences.push_back(fmt::format(
      "The structural network reaches {:.2f}% test accuracy with {} learnt synapses; {} reaches "
      "{:.2f}% with {} ({}, {} as many synapses).",
      100 * ours.test_accuracy, group_digits(our_synapses), bp.name, 100 * bp.test_accuracy,
      group_digits(static_cast<double>(bp.nonzero_synapses)),
      points_difference(100 * (bp.test_accuracy - ours.test_accuracy)),
      times(static_cast<double>(bp.nonzero_synapses) / our_synapses)));
  if (report.structural_runs) {
    for (const results::StructuralRunGroup& group : report.structural_runs->groups) {
      if (group.runs < 2) continue;
      sentences.push_back(fmt::format(
          "Over {} structural runs with {} hidden neurons, test accuracy is {:.2f}% (sd {:.2f}, "
          "range {:.2f}-{:.2f}) with {} synapses on average (range {}-{}).",
          group.runs, group.hidden, 100 * group.test_accuracy.mean, 100 * group.test_accuracy.sd,
          100 * group.test_accuracy.min, 100 * group.test_accuracy.max,
          group_digits(group.nonzero_synapses.mean), group_digits(group.nonzero_synapses.min),
          group_digits(group.nonzero_synapses.max)));
    }
  }
  if (const auto budget = run_with_variant(report, "budget")) {
    const results::HeadlineRow& row = report.headline[*budget];
    sentences.push_back(fmt::format(
        "Given as many input synapses as the structural network, {} reaches {:.2f}% with {} "
        "synapses in all ({}).",
        row.name, 100 * row.test_accuracy, group_digits(static_cast<double>(row.nonzero_synapses)),
        points_difference(100 * (row.test_accuracy - ours.test_accuracy))));
  }
  if (report.sweep) {
    const results::EqualAccuracyRatio& equal = report.sweep->equal_accuracy_any_hidden;
    switch (equal.status) {
      case results::RatioStatus::kInterpolated:
        sentences.push_back(fmt::format(
            "BP's pruning sweep needs about {} synapses to reach the structural accuracy: {} as "
            "many as the structural network.",
            group_digits(equal.bp_synapses), times(equal.ratio)));
        break;
      case results::RatioStatus::kUpperBound:
        sentences.push_back(fmt::format(
            "Even BP's smallest network of the pruning sweep reaches the structural accuracy, "
            "with {} synapses ({} as many as the structural network; fewer might do).",
            group_digits(equal.bp_synapses), times(equal.ratio)));
        break;
      case results::RatioStatus::kNotReached:
        sentences.push_back("No network of BP's pruning sweep reaches the structural accuracy.");
        break;
    }
  }
  const std::string inhibition =
      ours.fixed_inhibitory_synapses > 0
          ? fmt::format(", {:.0f}% of them through its {} fixed inhibitory synapses",
                        100 * ours.inhibitory_operations_fraction,
                        group_digits(static_cast<double>(ours.fixed_inhibitory_synapses)))
          : "";
  const std::string who = ours.energy_pj >= bp.energy_pj ? "the structural network" : bp.name;
  const double ratio = std::max(ours.energy_pj, bp.energy_pj) /
                       std::max(std::min(ours.energy_pj, bp.energy_pj), 1e-300);
  sentences.push_back(fmt::format(
      "Per test image the structural network spends {} ({} {}s{}), {} {} ({} {}s): {} needs {} "
      "as much energy at these costs.",
      format_energy(ours.energy_pj), group_digits(ours.operations_per_image), ours.operation,
      inhibition, bp.name, format_energy(bp.energy_pj), group_digits(bp.operations_per_image),
      bp.operation, who, times(ratio)));
  return sentences;
}

}  // namespace sprout::report
