#include "models/structural/readout.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sprout::models {

SparseActivity readout_input(std::span<const std::uint32_t> counts, double count_scale) {
  SparseActivity y;
  for (std::uint32_t j = 0; j < counts.size(); ++j) {
    if (counts[j] > 0) {
      y.index.push_back(j);
      y.value.push_back(static_cast<float>(counts[j] / count_scale));
    }
  }
  return y;
}

double cross_entropy(std::span<const double> scores, std::uint32_t label) {
  const double top = *std::max_element(scores.begin(), scores.end());
  double sum = 0;
  for (double s : scores)
    sum += std::exp(s - top);
  return std::log(sum) + top - scores[label];
}

namespace {

// Floor of the normalising mean square: one spike (y = 0.1 at the default count scale) in
// one presentation out of ten. Keeps the first steps of a rarely active input bounded.
constexpr float kMinMeanSquare = 1e-3f;

// Random +-1 signs, one bit of the stream each (SPSA directions: E[e e^T] = I).
class SignSource {
 public:
  explicit SignSource(RandomStream& random) : random_(random) {}
  void fill(std::span<double> direction) {
    for (double& d : direction) {
      if (bits_left_ == 0) {
        bits_ = random_();
        bits_left_ = 64;
      }
      d = (bits_ & 1u) != 0 ? 1.0 : -1.0;
      bits_ >>= 1;
      --bits_left_;
    }
  }

 private:
  RandomStream& random_;
  std::uint64_t bits_ = 0;
  int bits_left_ = 0;
};

}  // namespace

LinearReadout::LinearReadout(std::size_t classes, std::size_t inputs)
    : classes_(classes),
      inputs_(inputs),
      weights_(classes * inputs, 0.0f),
      biases_(classes, 0.0f),
      mean_squares_(inputs, 0.0f) {}

void LinearReadout::observe(const SparseActivity& y, double rate) {
  ++observed_;
  const auto weight = static_cast<float>(std::max(rate, 1.0 / static_cast<double>(observed_)));
  for (float& v : mean_squares_)
    v *= 1.0f - weight;
  for (std::size_t a = 0; a < y.index.size(); ++a)
    mean_squares_[y.index[a]] += weight * y.value[a] * y.value[a];
}

std::vector<double> LinearReadout::scores(const SparseActivity& y) const {
  std::vector<double> s(biases_.begin(), biases_.end());
  for (std::size_t c = 0; c < classes_; ++c) {
    const float* row = weights_.data() + c * inputs_;
    for (std::size_t a = 0; a < y.index.size(); ++a)
      s[c] += row[y.index[a]] * y.value[a];
  }
  return s;
}

std::uint32_t LinearReadout::predict(const SparseActivity& y) const {
  const auto s = scores(y);
  return static_cast<std::uint32_t>(std::max_element(s.begin(), s.end()) - s.begin());
}

double LinearReadout::loss(const SparseActivity& y, std::uint32_t label) const {
  return cross_entropy(scores(y), label);
}

void LinearReadout::delta_rule_update(const SparseActivity& y, std::uint32_t label,
                                      double learning_rate) {
  ReadoutSettings settings;
  settings.learning_rate = learning_rate;
  settings.normalisation_rate = 0.0;  // the plain rule, whatever the model's default
  delta_rule_update(y, label, settings);
}

void LinearReadout::delta_rule_update(const SparseActivity& y, std::uint32_t label,
                                      const ReadoutSettings& settings) {
  auto s = scores(y);
  const double top = *std::max_element(s.begin(), s.end());
  double sum = 0;
  for (double& v : s)
    sum += (v = std::exp(v - top));
  // The cross-entropy's gradient with respect to the scores: softmax(s) - t.
  for (std::size_t c = 0; c < classes_; ++c)
    s[c] = s[c] / sum - (c == label ? 1.0 : 0.0);
  apply_score_step(y, s, settings.learning_rate, settings.normalisation_rate > 0);
}

void LinearReadout::weight_perturbation_update(const SparseActivity& y, std::uint32_t label,
                                               const ReadoutSettings& settings,
                                               RandomStream& random) {
  const std::size_t active = y.index.size();
  const auto base = scores(y);
  std::vector<double> plus(classes_), minus(classes_);
  // Direction over the perturbed parameters: classes x (active weights + bias).
  std::vector<double> direction(classes_ * (active + 1));
  std::vector<double> step(direction.size(), 0.0);
  const double sigma = settings.perturbation_sigma;
  SignSource signs(random);
  for (std::size_t p = 0; p < settings.perturbations; ++p) {
    signs.fill(direction);
    for (std::size_t c = 0; c < classes_; ++c) {
      const double* e = direction.data() + c * (active + 1);
      double change = e[active];  // bias
      for (std::size_t a = 0; a < active; ++a)
        change += e[a] * y.value[a];
      plus[c] = base[c] + sigma * change;
      minus[c] = base[c] - sigma * change;
    }
    const double slope = (cross_entropy(plus, label) - cross_entropy(minus, label)) / (2 * sigma);
    for (std::size_t k = 0; k < direction.size(); ++k)
      step[k] += slope * direction[k];
  }
  const double scale = settings.learning_rate / static_cast<double>(settings.perturbations);
  for (std::size_t c = 0; c < classes_; ++c) {
    const double* g = step.data() + c * (active + 1);
    float* row = weights_.data() + c * inputs_;
    for (std::size_t a = 0; a < active; ++a)
      row[y.index[a]] -= static_cast<float>(scale * g[a]);
    biases_[c] -= static_cast<float>(scale * g[active]);
  }
}

void LinearReadout::node_perturbation_update(const SparseActivity& y, std::uint32_t label,
                                             const ReadoutSettings& settings,
                                             RandomStream& random) {
  const auto base = scores(y);
  std::vector<double> plus(classes_), minus(classes_), direction(classes_);
  std::vector<double> step(classes_, 0.0);
  const double sigma = settings.perturbation_sigma;
  SignSource signs(random);
  for (std::size_t p = 0; p < settings.perturbations; ++p) {
    signs.fill(direction);
    for (std::size_t c = 0; c < classes_; ++c) {
      plus[c] = base[c] + sigma * direction[c];
      minus[c] = base[c] - sigma * direction[c];
    }
    const double slope = (cross_entropy(plus, label) - cross_entropy(minus, label)) / (2 * sigma);
    for (std::size_t c = 0; c < classes_; ++c)
      step[c] += slope * direction[c];
  }
  apply_score_step(y, step, settings.learning_rate / static_cast<double>(settings.perturbations),
                   settings.normalisation_rate > 0);
}

void LinearReadout::apply_score_step(const SparseActivity& y, std::span<const double> step,
                                     double eta, bool normalise) {
  // Per active input: y_j, or y_j / (H v_j) on the normalised scale (copied only then).
  std::span<const float> input = y.value;
  std::vector<float> normalised;
  if (normalise) {
    eta /= static_cast<double>(inputs_);
    normalised.assign(y.value.begin(), y.value.end());
    for (std::size_t a = 0; a < normalised.size(); ++a)
      normalised[a] /= std::max(mean_squares_[y.index[a]], kMinMeanSquare);
    input = normalised;
  }
  for (std::size_t c = 0; c < classes_; ++c) {
    const auto change = static_cast<float>(eta * step[c]);
    float* row = weights_.data() + c * inputs_;
    for (std::size_t a = 0; a < y.index.size(); ++a)
      row[y.index[a]] -= change * input[a];
    biases_[c] -= change;
  }
}

}  // namespace sprout::models
