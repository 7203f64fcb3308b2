// The comparison in words (report/comparison_story.hpp): sentences built from the report's
// numbers, with readable energy units.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "report/comparison_story.hpp"

namespace results = sprout::results;
using sprout::report::comparison_conclusion;
using sprout::report::energy_unit;
using sprout::report::format_energy;
using sprout::report::group_digits;

namespace {

results::RunComparison run_named(const std::string& name, std::optional<std::string> variant) {
  results::RunComparison run;
  run.name = name;
  run.kind = variant ? "bp" : "structural";
  run.variant = std::move(variant);
  return run;
}

// Structural: 95.96% with 210,991 synapses, 4.15 M SynOps (54% through 2,558,400 fixed
// inhibitory synapses) at 0.9 pJ; dense BP: 98.10% with 79,400 synapses and MACs at 4.6 pJ.
results::ComparisonReport sample_report() {
  results::ComparisonReport report;
  report.headline = {
      {"structural", 0.9596, 210991, 0.8, 4154255, "accumulate", 3738830, 19109574, 2558400, 0.54},
      {"bp dense", 0.9810, 79400, 2.4, 79400, "multiply-accumulate", 365240, 365240, 0, 0},
      {"bp budget", 0.9826, 210991, 0.87, 210991, "multiply-accumulate", 970559, 970559, 0, 0}};
  report.runs = {run_named("structural", std::nullopt), run_named("bp dense", "dense"),
                 run_named("bp budget", "budget")};
  return report;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("Energy is printed in a unit that reads between 1 and 1000", "[comparison_story]") {
  CHECK(energy_unit(512).name == "pJ");
  CHECK(energy_unit(365240).name == "nJ");
  CHECK(energy_unit(19109574).name == "µJ");
  CHECK(energy_unit(2.5e9).name == "mJ");
  CHECK(format_energy(365240) == "365 nJ");
  CHECK(format_energy(3738830) == "3.74 µJ");
  CHECK(group_digits(2558400) == "2,558,400");
  CHECK(group_digits(999) == "999");
  CHECK(group_digits(1000) == "1,000");
}

TEST_CASE("The conclusion states the accuracy difference, the synapse and energy ratios",
          "[comparison_story]") {
  const std::vector<std::string> sentences = comparison_conclusion(sample_report());
  REQUIRE(sentences.size() == 3);
  // Against dense BP: 2.14 points, 79,400 / 210,991 = 38% of the synapses.
  CHECK(contains(sentences[0], "95.96% test accuracy with 210,991 learnt synapses"));
  CHECK(contains(sentences[0],
                 "bp dense reaches 98.10% with 79,400 (2.14 points more accuracy, "
                 "38% as many synapses)."));
  // BP given the structural network's synapse count.
  CHECK(sentences[1] ==
        "Given as many input synapses as the structural network, bp budget reaches 98.26% with "
        "210,991 synapses in all (2.30 points more accuracy).");
  // 3,738,830 / 365,240 = 10.2: the structural network needs 10 times the energy, and the
  // inhibitory synapses' share of its operations is named.
  CHECK(contains(sentences[2],
                 "3.74 µJ (4,154,255 accumulates, 54% of them through its "
                 "2,558,400 fixed inhibitory synapses)"));
  CHECK(contains(sentences[2], "bp dense 365 nJ (79,400 multiply-accumulates)"));
  CHECK(contains(sentences[2], "the structural network needs 10 times as much energy"));
}

TEST_CASE("The conclusion names BP's synapses at the structural accuracy from the sweep",
          "[comparison_story]") {
  results::ComparisonReport report = sample_report();
  report.sweep = results::SweepComparison{};
  report.sweep->equal_accuracy_any_hidden = {.target_accuracy_percent = 95.96,
                                             .bp_synapses = 7940,
                                             .structural_synapses = 210991,
                                             .ratio = 7940.0 / 210991,
                                             .status = results::RatioStatus::kInterpolated};
  std::vector<std::string> sentences = comparison_conclusion(report);
  REQUIRE(sentences.size() == 4);
  CHECK(contains(sentences[2],
                 "needs about 7,940 synapses to reach the structural accuracy: "
                 "3.8% as many"));
  // From 10% on, whole per cents: never "1e+02%".
  report.sweep->equal_accuracy_any_hidden.ratio = 0.996;
  CHECK(contains(comparison_conclusion(report)[2], ": 100% as many as the structural network."));
  report.sweep->equal_accuracy_any_hidden.ratio = 0.523;
  CHECK(contains(comparison_conclusion(report)[2], ": 52% as many as the structural network."));
  report.sweep->equal_accuracy_any_hidden.status = results::RatioStatus::kNotReached;
  sentences = comparison_conclusion(report);
  CHECK(sentences[2] == "No network of BP's pruning sweep reaches the structural accuracy.");
}
