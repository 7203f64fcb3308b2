#include "analysis/code_probe.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "engine/random_stream.hpp"
#include "models/bp/bp_random.hpp"

namespace sprout::analysis {
namespace {

// The probe's shuffle of the training codes draws from its own stream per (seed, epoch).
constexpr std::uint64_t kProbeShufflePurpose = purpose_value(StreamPurpose::kProbeShuffle);

// Single precision with a vectorised sum: its order is fixed by the build, not by the
// thread count.
float dot(const float* a, const float* b, std::size_t size) {
  float sum = 0;
#pragma omp simd reduction(+ : sum)
  for (std::size_t i = 0; i < size; ++i)
    sum += a[i] * b[i];
  return sum;
}

double euclidean_norm(std::span<const float> values) {
  double sum = 0;
  for (float v : values)
    sum += static_cast<double>(v) * v;
  return std::sqrt(sum);
}

double accuracy(const models::LinearReadout& probe, const LabelledCodes& set) {
  std::size_t correct = 0;
  for (std::size_t k = 0; k < set.codes.size(); ++k)
    correct += probe.predict(set.codes[k]) == set.labels[k] ? 1 : 0;
  return static_cast<double>(correct) / static_cast<double>(set.codes.size());
}

void check_codes(const LabelledCodes& set, std::string_view name, std::size_t inputs,
                 std::size_t classes) {
  if (set.codes.empty())
    throw std::invalid_argument(fmt::format("linear probe: no {} codes", name));
  if (set.labels.size() < set.codes.size()) {
    throw std::invalid_argument(fmt::format("linear probe: {} {} codes but {} labels", name,
                                            set.codes.size(), set.labels.size()));
  }
  for (std::size_t k = 0; k < set.codes.size(); ++k) {
    if (set.labels[k] >= classes) {
      throw std::invalid_argument(fmt::format(
          "linear probe: {} label {} of sample {} >= {} classes", name, set.labels[k], k, classes));
    }
    for (std::uint32_t index : set.codes[k].index) {
      if (index >= inputs) {
        throw std::invalid_argument(fmt::format(
            "linear probe: {} code {} has input {} >= {} inputs", name, k, index, inputs));
      }
    }
  }
}

// Root mean square of each input over the codes (zeros included); 1 for an input that is
// always 0, which then stays out of every score.
std::vector<double> input_rms(std::span<const models::SparseActivity> codes, std::size_t inputs) {
  std::vector<double> sum_of_squares(inputs, 0.0);
  for (const auto& code : codes) {
    for (std::size_t a = 0; a < code.index.size(); ++a)
      sum_of_squares[code.index[a]] += static_cast<double>(code.value[a]) * code.value[a];
  }
  std::vector<double> rms(inputs);
  for (std::size_t j = 0; j < inputs; ++j) {
    rms[j] = sum_of_squares[j] > 0
                 ? std::sqrt(sum_of_squares[j] / static_cast<double>(codes.size()))
                 : 1.0;
  }
  return rms;
}

std::vector<models::SparseActivity> divided_by(std::span<const models::SparseActivity> codes,
                                               std::span<const double> scale) {
  std::vector<models::SparseActivity> scaled(codes.begin(), codes.end());
  for (auto& code : scaled) {
    for (std::size_t a = 0; a < code.index.size(); ++a)
      code.value[a] = static_cast<float>(code.value[a] / scale[code.index[a]]);
  }
  return scaled;
}

// Mean of 1 + |y|^2 over the codes: the size of a delta-rule step's effect on the scores.
double mean_squared_input(std::span<const models::SparseActivity> codes) {
  double sum = 0;
  for (const auto& code : codes) {
    sum += 1.0;
    for (float v : code.value)
      sum += static_cast<double>(v) * v;
  }
  return sum / static_cast<double>(codes.size());
}

void check_options(const models::StructuralLearner& learner, const encoders::LabelledImages& train,
                   const encoders::LabelledImages& test, const CodeProbeOptions& options) {
  const std::size_t hidden = learner.config().network.hidden;
  const std::size_t inputs = learner.synapses().inputs();
  if (train.pixels_per_image() != inputs || test.pixels_per_image() != inputs) {
    throw std::invalid_argument(
        fmt::format("the network has {} inputs, the images {} and {} pixels", inputs,
                    train.pixels_per_image(), test.pixels_per_image()));
  }
  if (options.probe_train_images == 0 || options.probe_train_images > train.count) {
    throw std::invalid_argument(
        fmt::format("probe training images {}: must lie in 1..{} (the training set)",
                    options.probe_train_images, train.count));
  }
  if (options.test_images == 0 || options.test_images > test.count) {
    throw std::invalid_argument(fmt::format("test images {}: must lie in 1..{} (the test set)",
                                            options.test_images, test.count));
  }
  for (std::size_t k : options.top_k) {
    if (k == 0 || k >= hidden) {
      throw std::invalid_argument(fmt::format(
          "top-K {}: must lie in 1..{} (the network has {} hidden neurons and the code needs "
          "the (K+1)-th largest similarity)",
          k, hidden - 1, hidden));
    }
  }
  if (options.probe.epochs == 0) throw std::invalid_argument("probe epochs: must be at least 1");
}

}  // namespace

std::vector<float> cosine_similarities(std::span<const float> weights,
                                       const encoders::LabelledImages& images, std::size_t count,
                                       int threads) {
  const std::size_t inputs = images.pixels_per_image();
  if (inputs == 0 || weights.size() % inputs != 0) {
    throw std::invalid_argument(fmt::format(
        "cosine similarities: {} weights are not whole rows of {} inputs", weights.size(), inputs));
  }
  if (count > images.count) {
    throw std::invalid_argument(
        fmt::format("cosine similarities: {} images asked, {} there", count, images.count));
  }
  const std::size_t hidden = weights.size() / inputs;
  std::vector<double> weight_norms(hidden);
  for (std::size_t j = 0; j < hidden; ++j)
    weight_norms[j] = euclidean_norm(weights.subspan(j * inputs, inputs));

  std::vector<float> similarities(count * hidden, 0.0F);
  const auto signed_count = static_cast<std::ptrdiff_t>(count);
#pragma omp parallel num_threads(std::max(threads, 1))
  {
    std::vector<float> x(inputs);
#pragma omp for schedule(static)
    for (std::ptrdiff_t signed_image = 0; signed_image < signed_count; ++signed_image) {
      const auto image = static_cast<std::size_t>(signed_image);
      const auto pixels = images.image(image);
      std::copy(pixels.begin(), pixels.end(), x.begin());
      const double image_norm = euclidean_norm(x);
      if (image_norm == 0) continue;
      float* row = similarities.data() + image * hidden;
      for (std::size_t j = 0; j < hidden; ++j) {
        if (weight_norms[j] == 0) continue;
        const float w_dot_x = dot(weights.data() + j * inputs, x.data(), inputs);
        row[j] = static_cast<float>(w_dot_x / (weight_norms[j] * image_norm));
      }
    }
  }
  return similarities;
}

models::SparseActivity top_k_code(std::span<const float> similarities, std::size_t k) {
  const std::size_t size = similarities.size();
  if (k == 0 || k >= size) {
    throw std::invalid_argument(
        fmt::format("top-K code: K = {} must lie in 1..{} for {} values", k, size - 1, size));
  }
  std::vector<std::uint32_t> order(size);
  std::iota(order.begin(), order.end(), 0U);
  // A strict total order, so that ties cannot make the choice depend on the sort.
  const auto ranks_higher = [&](std::uint32_t a, std::uint32_t b) {
    return similarities[a] > similarities[b] || (similarities[a] == similarities[b] && a < b);
  };
  const auto kept_end = order.begin() + static_cast<std::ptrdiff_t>(k);
  std::nth_element(order.begin(), kept_end, order.end(), ranks_higher);
  const float threshold = similarities[*kept_end];  // the (K+1)-th largest
  std::sort(order.begin(), kept_end);
  models::SparseActivity code;
  code.index.assign(order.begin(), kept_end);
  for (std::uint32_t j : code.index)
    code.value.push_back(similarities[j] - threshold);
  return code;
}

std::vector<models::SparseActivity> cosine_top_k_code(std::span<const float> similarities,
                                                      std::size_t hidden, std::size_t k) {
  if (hidden == 0 || similarities.size() % hidden != 0) {
    throw std::invalid_argument(
        fmt::format("cosine top-K code: {} similarities are not whole rows of {}",
                    similarities.size(), hidden));
  }
  std::vector<models::SparseActivity> codes;
  codes.reserve(similarities.size() / hidden);
  for (std::size_t start = 0; start < similarities.size(); start += hidden)
    codes.push_back(top_k_code(similarities.subspan(start, hidden), k));
  return codes;
}

std::vector<models::SparseActivity> spike_count_code(std::span<const std::uint32_t> counts,
                                                     std::size_t hidden, double count_scale) {
  if (hidden == 0 || counts.size() % hidden != 0) {
    throw std::invalid_argument(
        fmt::format("spike count code: {} counts are not whole rows of {}", counts.size(), hidden));
  }
  std::vector<models::SparseActivity> codes;
  codes.reserve(counts.size() / hidden);
  for (std::size_t start = 0; start < counts.size(); start += hidden)
    codes.push_back(models::readout_input(counts.subspan(start, hidden), count_scale));
  return codes;
}

ProbeAccuracy fit_linear_probe(const LabelledCodes& train, const LabelledCodes& test,
                               std::size_t inputs, std::size_t classes,
                               const LinearProbeSettings& settings) {
  check_codes(train, "training", inputs, classes);
  check_codes(test, "test", inputs, classes);
  if (settings.epochs == 0) throw std::invalid_argument("linear probe: zero epochs");
  // Every input at unit RMS: the same linear classifiers, but a delta rule whose inputs
  // differ in scale learns the small ones slowly (a diagonal preconditioner).
  const std::vector<double> rms = input_rms(train.codes, inputs);
  const auto train_codes = divided_by(train.codes, rms);
  const auto test_codes = divided_by(test.codes, rms);
  models::LinearReadout probe(classes, inputs);
  const double step_scale = settings.learning_rate / mean_squared_input(train_codes);
  std::vector<std::uint32_t> order(train.codes.size());
  std::iota(order.begin(), order.end(), 0U);
  for (std::size_t epoch = 0; epoch < settings.epochs; ++epoch) {
    // Shuffled so that no fixed sequence of classes biases the last steps of an epoch.
    RandomStream stream(settings.seed, epoch, kProbeShufflePurpose);
    models::shuffle_in_place(order, stream);
    const double rate =
        step_scale / (1.0 + settings.learning_rate_decay * static_cast<double>(epoch));
    for (std::uint32_t k : order)
      probe.delta_rule_update(train_codes[k], train.labels[k], rate);
  }
  return {accuracy(probe, {train_codes, train.labels}), accuracy(probe, {test_codes, test.labels})};
}

CodeProbeReport probe_network(const models::StructuralLearner& learner,
                              const encoders::LabelledImages& train,
                              const encoders::LabelledImages& test, const CodeProbeOptions& options,
                              const ProgressReport& progress) {
  check_options(learner, train, test, options);
  const auto stage = [&](const std::string& what) {
    if (progress) progress(what);
  };
  const std::size_t hidden = learner.config().network.hidden;
  const std::size_t classes = learner.readout().classes();
  const std::size_t train_count = options.probe_train_images;
  const std::size_t test_count = options.test_images;
  CodeProbeReport report;
  report.hidden = hidden;
  report.probe_train_images = train_count;
  report.test_images = test_count;
  {
    stage(fmt::format("simulating {} test images", test_count));
    const models::EvaluationResult test_run = learner.evaluate(test, test_count);
    stage(fmt::format("simulating {} training images (no learning)", train_count));
    const models::EvaluationResult train_run = learner.evaluate(train, train_count);
    report.network_readout = {train_run.accuracy(), test_run.accuracy()};
    stage("fitting the linear probe to the spike counts");
    const double count_scale = learner.config().readout.count_scale;
    const auto train_code = spike_count_code(train_run.hidden_counts, hidden, count_scale);
    const auto test_code = spike_count_code(test_run.hidden_counts, hidden, count_scale);
    report.spike_count_probe = fit_linear_probe(
        {train_code, train.labels}, {test_code, test.labels}, hidden, classes, options.probe);
  }
  stage("cosine similarities of the images to the input weights");
  const auto weights = learner.synapses().weights();
  const int threads = learner.config().threads;
  const auto train_similarities = cosine_similarities(weights, train, train_count, threads);
  const auto test_similarities = cosine_similarities(weights, test, test_count, threads);
  for (std::size_t k : options.top_k) {
    stage(fmt::format("fitting the linear probe to the cosine top-{} code", k));
    const auto train_code = cosine_top_k_code(train_similarities, hidden, k);
    const auto test_code = cosine_top_k_code(test_similarities, hidden, k);
    report.cosine_probes.push_back(
        {k, fit_linear_probe({train_code, train.labels}, {test_code, test.labels}, hidden, classes,
                             options.probe)});
  }
  return report;
}

void to_json(nlohmann::json& out, const LinearProbeSettings& settings) {
  out = {{"epochs", settings.epochs},
         {"learning_rate", settings.learning_rate},
         {"learning_rate_decay", settings.learning_rate_decay},
         {"seed", settings.seed}};
}

}  // namespace sprout::analysis
