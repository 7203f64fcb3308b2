// Class subsets (encoders/class_subset.hpp): the --classes list, the data set restricted
// to some labels and renumbered, the "data" object of both configs, and the class count
// of the networks that follow it.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "encoders/class_subset.hpp"
#include "encoders/idx_file.hpp"
#include "models/bp/bp_config.hpp"
#include "models/bp/bp_data.hpp"
#include "models/bp/bp_training.hpp"
#include "models/structural/structural_config.hpp"
#include "models/structural/structural_learner.hpp"
#include "test_helpers.hpp"

using nlohmann::json;
using namespace sprout;
using Catch::Matchers::Contains;

namespace {

template <typename Call>
std::string error_of(Call call) {
  try {
    call();
  } catch (const std::exception& error) {
    return error.what();
  }
  return "(no error)";
}

// Eight 1x2 images; image i has pixels (i, 100 + i) and label labels[i].
encoders::LabelledImages tiny_set() {
  encoders::LabelledImages set{8, 1, 2, {}, {3, 1, 4, 1, 5, 9, 2, 6}};
  for (std::uint8_t i = 0; i < 8; ++i) {
    set.pixels.push_back(i);
    set.pixels.push_back(static_cast<std::uint8_t>(100 + i));
  }
  return set;
}

}  // namespace

TEST_CASE("Class subsets: the --classes list", "[classes]") {
  CHECK(encoders::parse_class_list("1,2,6", "--classes") == encoders::ClassList{1, 2, 6});
  CHECK(encoders::parse_class_list("9,0", "--classes") == encoders::ClassList{9, 0});
  CHECK(encoders::parse_class_list("0,1,2,3,4,5,6,7,8,9", "--classes") == encoders::all_classes());
  CHECK(encoders::is_all_classes(encoders::all_classes()));
  CHECK_FALSE(encoders::is_all_classes(encoders::ClassList{1, 0, 2, 3, 4, 5, 6, 7, 8, 9}));

  const auto error = [](const char* text) {
    return error_of([&] { (void)encoders::parse_class_list(text, "--classes"); });
  };
  CHECK(error("1") == "--classes: 1 class given (1); allowed: 2 to 10 distinct labels 0-9");
  CHECK(error("1,2,1") == "--classes: class 1 given twice; allowed: 2 to 10 distinct labels 0-9");
  CHECK(error("1,12") == "--classes: unknown class label 12; allowed: 2 to 10 distinct labels 0-9");
  CHECK_THAT(error("1,x"), Contains("--classes: 'x' is not a label"));
  CHECK_THAT(error("1,,2"), Contains("'' is not a label"));
  CHECK_THAT(error(""), Contains("--classes: '' is not a label"));
  CHECK_THAT(error("-1,2"), Contains("'-1' is not a label"));
  CHECK_THAT(error("0,1,2,3,4,5,6,7,8,9,0"), Contains("11 classes given"));
}

TEST_CASE("Class subsets: filtering keeps the order and renumbers the labels", "[classes]") {
  const encoders::LabelledImages set = tiny_set();
  const encoders::ClassList classes{6, 1, 9};
  const encoders::LabelledImages subset = encoders::filter_classes(set, classes, "tiny");
  // Images 1 (label 1), 3 (label 1), 5 (label 9) and 7 (label 6), in that order.
  CHECK(subset.count == 4);
  CHECK(subset.rows == 1);
  CHECK(subset.cols == 2);
  CHECK(subset.labels == std::vector<std::uint8_t>{1, 1, 2, 0});
  CHECK(subset.pixels == std::vector<std::uint8_t>{1, 101, 3, 103, 5, 105, 7, 107});

  CHECK(error_of([&] {
          (void)encoders::filter_classes(set, encoders::ClassList{1, 7}, "tiny");
        }) == "tiny: class 7 has no image; the labels present are 1,2,3,4,5,6,9");
  // Every class of a full list present: nothing removed, labels unchanged.
  const encoders::ClassList present{1, 2, 3, 4, 5, 6, 9};
  encoders::LabelledImages same = encoders::select_classes(set, present, encoders::all_classes());
  CHECK(same.labels == set.labels);
  CHECK(same.pixels == set.pixels);
}

TEST_CASE("Class subsets: any IDX folder, and a subset of a network's classes", "[classes]") {
  const testing::TemporaryFolder folder;
  const encoders::LabelledImages set = tiny_set();
  for (const char* prefix : {"train", "t10k"}) {
    const std::vector<std::uint32_t> image_dims{8, 1, 2};
    const std::vector<std::uint32_t> label_dims{8};
    encoders::write_idx(folder.path() / (std::string(prefix) + "-images-idx3-ubyte"), image_dims,
                        set.pixels);
    encoders::write_idx(folder.path() / (std::string(prefix) + "-labels-idx1-ubyte"), label_dims,
                        set.labels);
  }
  const encoders::ClassList classes{9, 1};
  const encoders::Mnist mnist = encoders::load_mnist(folder.path(), classes);
  CHECK(mnist.train.labels == std::vector<std::uint8_t>{1, 1, 0});
  CHECK(mnist.test.count == 3);
  CHECK_THAT(error_of([&] {
               (void)encoders::load_mnist(folder.path(), encoders::ClassList{1, 8});
             }),
             Contains("training set: class 8 has no image"));

  // A network of classes {6, 1, 9} evaluated on its digits 9 and 6 only: the images keep
  // the network's class numbers (6 -> 0, 9 -> 2).
  const encoders::ClassList network{6, 1, 9};
  const encoders::LabelledImages part = encoders::load_mnist_split_for(
      folder.path(), encoders::MnistSplit::kTest, encoders::ClassList{9, 6}, network, "--classes");
  CHECK(part.labels == std::vector<std::uint8_t>{2, 0});
  CHECK(error_of([&] {
          (void)encoders::load_mnist_split_for(folder.path(), encoders::MnistSplit::kTest,
                                               encoders::ClassList{1, 2}, network, "--classes");
        }) == "--classes: 2 is not one of the network's classes 6,1,9");
}

TEST_CASE("Class subsets: the data object of the structural and BP configs", "[classes][config]") {
  const json document = json::parse(R"({"data": {"classes": [1, 2, 6]}})");
  const models::StructuralConfig structural = models::parse_structural_config(document, "s.json");
  CHECK(structural.data.classes == encoders::ClassList{1, 2, 6});
  CHECK(models::to_json(structural)["data"]["classes"] == json::parse("[1, 2, 6]"));
  CHECK(models::parse_structural_config(json::object(), "s.json").data.classes ==
        encoders::all_classes());
  const models::BpConfig bp = models::parse_bp_config(document, "b.json");
  CHECK(bp.data.classes == encoders::ClassList{1, 2, 6});
  CHECK(models::to_json(bp)["data"]["classes"] == json::parse("[1, 2, 6]"));
  const models::BpSweepConfig sweep = models::parse_bp_sweep_config(document, "w.json");
  CHECK(sweep.training.data.classes == encoders::ClassList{1, 2, 6});
  CHECK(models::to_json(sweep)["data"]["classes"] == json::parse("[1, 2, 6]"));

  const auto error = [](const char* text) {
    return error_of([&] { (void)models::parse_bp_config(json::parse(text), "b.json"); });
  };
  CHECK(error(R"({"data": {"classes": [3]}})") ==
        "b.json: data.classes: 1 class given (3); allowed: 2 to 10 distinct labels 0-9");
  CHECK(error(R"({"data": {"classes": [3, 3]}})") ==
        "b.json: data.classes: class 3 given twice; allowed: 2 to 10 distinct labels 0-9");
  CHECK(error(R"({"data": {"classes": [3, 10]}})") ==
        "b.json: data.classes: unknown class label 10; allowed: 2 to 10 distinct labels 0-9");
  CHECK_THAT(error(R"({"data": {"classes": [3, -1]}})"), Contains("b.json: data.classes: must be"));
  CHECK_THAT(error(R"({"data": {"classes": []}})"),
             Contains("b.json: data.classes: expected a non-empty list"));
  CHECK_THAT(error(R"({"data": {"labels": [1, 2]}})"),
             Contains("b.json: data.labels: unknown key (known: classes)"));
  CHECK_THAT(error_of([&] {
               (void)models::parse_structural_config(json::parse(R"({"data": {"classes": [4]}})"),
                                                     "s.json");
             }),
             Contains("s.json: data.classes: 1 class given"));
}

TEST_CASE("Class subsets: the readout has one unit per class and the network file keeps them",
          "[classes][structural]") {
  models::StructuralConfig config;
  config.data.classes = {1, 2, 6};
  config.network.hidden = 30;
  config.hebbian.winners = 3;
  const models::StructuralLearner learner(config, 16);
  CHECK(learner.readout().classes() == 3);
  const testing::TemporaryFolder folder;
  learner.save(folder.path() / "network.bin");
  const models::StructuralLearner loaded =
      models::StructuralLearner::load(folder.path() / "network.bin");
  CHECK(loaded.readout().classes() == 3);
  CHECK(loaded.config().data.classes == encoders::ClassList{1, 2, 6});

  // A label the readout does not have (data of other classes) is refused.
  encoders::LabelledImages images{1, 4, 4, std::vector<std::uint8_t>(16, 200), {5}};
  models::StructuralLearner training(config, 16);
  const std::vector<std::size_t> indices{0};
  CHECK(error_of([&] { (void)training.train_batch(images, indices, 0); }) ==
        "image 0 has label 5, not one of the network's 3 classes (the data's classes differ "
        "from the network's data.classes)");
}

TEST_CASE("Class subsets: BP on digits 1, 2 and 6 has three outputs", "[classes][bp][mnist]") {
  models::BpConfig config;
  config.data.classes = {1, 2, 6};
  config.train_limit = 500;
  config.test_limit = 200;
  const models::BpData data = models::load_bp_data(config, testing::mnist_folder());
  CHECK(data.classes == 3);
  CHECK(data.class_labels == encoders::ClassList{1, 2, 6});
  CHECK(data.train.size() == 500);
  CHECK(data.test.size() == 200);
  for (std::uint8_t label : data.train.labels)
    REQUIRE(label < 3);
  CHECK(models::make_network(config, data).classes() == 3);
}
