#pragma once
// `sprout eval`: a network saved by `sprout train` evaluated on the MNIST test set, with
// the settings an evaluation may change (results/eval_results.hpp).

#include <cstddef>
#include <optional>
#include <string>

#include "results/eval_results.hpp"

namespace sprout::analysis {

struct EvaluationRequest {
  std::string network;   // the network file
  std::string data_dir;  // MNIST
  std::optional<std::size_t> test_limit;
  std::optional<int> threads;
  std::optional<double> t_present_ms;  // else the training presentation time
  std::optional<bool> shared_inhibition;
  std::optional<std::string> classes;  // "1,2": of the network's classes (else all of them)
};

struct NetworkEvaluation {
  results::EvalResults results;
  std::size_t test_images = 0;
  double t_present_ms = 0;  // each image's presentation
};

// Loads the network and the test set and evaluates the first test_limit images (all
// without it). Throws one line naming the file for an unreadable network.
[[nodiscard]] NetworkEvaluation evaluate_saved_network(const EvaluationRequest& request);

}  // namespace sprout::analysis
