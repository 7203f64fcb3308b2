// The runs of the paper's protocol (protocols/paper_plan.hpp) from the shipped configs: every
// method at every size and seed, sizes through the configs' scaling rules, one-line errors.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>

#include "protocols/paper_plan.hpp"

using namespace sprout;
using namespace sprout::protocols;
using analysis::PaperMethod;

namespace {

// The shipped configs, found from this source file's path.
PaperProtocolSettings shipped() {
  const std::filesystem::path configs =
      std::filesystem::path(__FILE__).parent_path().parent_path() / "configs";
  PaperProtocolSettings settings;
  settings.structural_config = configs / "paper_structural.json";
  settings.bp_config = configs / "paper_bp_dense.json";
  settings.nonnegative_config = configs / "paper_bp_nonnegative.json";
  return settings;
}

}  // namespace

TEST_CASE("Paper plan: three methods per hidden size and seed, sized by the scaling rules",
          "[paper_plan]") {
  PaperProtocolSettings settings = shipped();
  settings.hidden = {10, 200};
  settings.seeds = 2;
  settings.train_limit = 500;
  const PaperPlan plan = plan_paper_protocol(settings);
  REQUIRE(plan.runs.size() == 12);
  CHECK(plan.classes == encoders::ClassList{1, 2, 6});
  CHECK(plan.runs[0].folder == "bp_h10_s1");
  CHECK(plan.runs[1].folder == "bp_nonnegative_h10_s1");
  CHECK(plan.runs[2].folder == "structural_h10_s1");
  CHECK(plan.runs[3].folder == "bp_h10_s2");
  CHECK(plan.runs[11].folder == "structural_h200_s2");
  const PaperRunPlan& rule = plan.runs[11];
  CHECK(rule.method == PaperMethod::kStructural);
  CHECK(rule.structural.network.hidden == 200);
  CHECK(rule.structural.seed == 2);
  CHECK(rule.structural.train_limit == 500);
  CHECK(rule.structural.hebbian.winners == 10);  // 5 % of 200
  CHECK(rule.structural.network.inhibition_weight ==
        Approx(-2.0));  // -20 / (0.2 · 200 · w_EI 0.25): one interneuron
  CHECK(plan.runs[2].structural.hebbian.winners == 1);  // at least one
  CHECK(plan.runs[1].bp.variant == models::BpVariant::kNonnegative);
  CHECK(plan.runs[1].bp.hidden == 10);
  CHECK(plan.runs[1].bp.train_limit == 500);
  CHECK(plan.runs[0].bp.variant == models::BpVariant::kDense);
  CHECK(plan.configs["structural"]["document"]["data"]["classes"].size() == 3);
  CHECK(plan.configs["overrides"][0]["option"] == "--train-limit");
}

TEST_CASE("Paper plan: bad options and configs are one line naming them", "[paper_plan]") {
  CHECK(parse_hidden_list("10,30,100,200", "--hidden") ==
        std::vector<std::size_t>{10, 30, 100, 200});
  CHECK(parse_hidden_list("40", "--hidden") == std::vector<std::size_t>{40});
  const char* expected =
      "--hidden: expected hidden sizes as positive integers separated by commas (10,30,100,200), "
      "got \"{}\"";
  for (const char* text : {"10,x", "0", "-5", "10.5", "", "10,,30"})
    CHECK_THROWS_WITH(parse_hidden_list(text, "--hidden"),
                      fmt::format(fmt::runtime(expected), text));
  CHECK_THROWS_WITH(parse_hidden_list("10,30,10", "--hidden"),
                    "--hidden: hidden size 10 given twice");

  PaperProtocolSettings settings = shipped();
  settings.hidden = {10, 200000};
  CHECK_THROWS_WITH(plan_paper_protocol(settings), "--hidden: must be in [1, 100000], got 200000");
  settings = shipped();
  settings.threads = 0;
  CHECK_THROWS_WITH(plan_paper_protocol(settings), Catch::Matchers::StartsWith("--threads: "));
  settings = shipped();
  settings.bp_config = settings.nonnegative_config;
  CHECK_THROWS_WITH(
      plan_paper_protocol(settings),
      settings.bp_config.string() + ": variant: is nonnegative, the method bp needs dense");
  settings = shipped();
  settings.bp_config = settings.structural_config.parent_path() / "mnist_bp.json";
  CHECK_THROWS_WITH(plan_paper_protocol(settings),
                    Catch::Matchers::Contains("data.classes: learns 1,2,6, but ") &&
                        Catch::Matchers::Contains("mnist_bp.json learns 0,1,2,3,4,5,6,7,8,9;"));
}
