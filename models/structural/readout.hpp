#pragma once
// The rate-based readout: class scores s = W y + b from the hidden spike counts
// (y = count / count_scale), softmax cross-entropy loss. Three local learning rules, none
// of which sends anything back to the hidden layer:
//  - node perturbation (default): perturb the class scores, s + sigma xi (xi a sign per
//    class), and step each weight by the estimated score gradient times its input:
//      g = (L(s + sigma xi) - L(s - sigma xi)) / (2 sigma),   W -= eta g xi y^T.
//    This is weight perturbation along the directions xi y^T, the only ones that change
//    the scores: the estimate has the variance of 10 parameters instead of
//    10 x (active + 1), so it learns about (active + 1) times faster for the same noise
//    (Werfel, Xie & Seung 2005).
//  - weight perturbation (ablation): perturb W and b along a random direction E of signs
//    (+-1 per parameter, as in SPSA: unbiased like a Gaussian direction, cheaper),
//    measure the change of the loss, step against it:
//      g = (L(W + sigma E) - L(W - sigma E)) / (2 sigma),   W -= eta g E
//    (antithetic pairs, averaged over `perturbations` directions). Only the weights of
//    active hidden neurons (y_j > 0) are perturbed: the others cannot change the loss.
//  - delta rule (ablation): W += eta (t - softmax(s)) y^T, the local error at the output.
// With input normalisation (node perturbation and delta rule) the step of weight W_cj is
// divided by H v_j, v_j the running mean of y_j^2: the step SGD would take on unit-RMS
// inputs y_j / sqrt(v_j), at rate eta / H. Each synapse needs only its presynaptic
// neuron's rate history; it equalises how fast rarely and often active inputs are learnt.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/random_stream.hpp"
#include "models/structural/structural_config.hpp"

namespace sprout::models {

struct SparseActivity {
  std::vector<std::uint32_t> index;
  std::vector<float> value;
};

// y = counts / count_scale, keeping only the non-zero entries.
[[nodiscard]] SparseActivity readout_input(std::span<const std::uint32_t> counts,
                                           double count_scale);

class LinearReadout {
 public:
  LinearReadout() = default;
  LinearReadout(std::size_t classes, std::size_t inputs);

  [[nodiscard]] std::size_t classes() const { return classes_; }
  [[nodiscard]] std::size_t inputs() const { return inputs_; }
  [[nodiscard]] std::span<float> weights() { return weights_; }  // classes x inputs
  [[nodiscard]] std::span<const float> weights() const { return weights_; }
  [[nodiscard]] std::span<float> biases() { return biases_; }
  [[nodiscard]] std::span<const float> biases() const { return biases_; }
  // Running mean of y_j^2 per input, and the number of samples it has seen.
  [[nodiscard]] std::span<float> mean_squares() { return mean_squares_; }
  [[nodiscard]] std::span<const float> mean_squares() const { return mean_squares_; }
  [[nodiscard]] std::uint64_t observed() const { return observed_; }
  void set_observed(std::uint64_t samples) { observed_ = samples; }

  // Folds y into the running mean squares: a plain mean over the first 1 / rate samples,
  // then an exponential one with this rate. Later steps are normalised by it.
  void observe(const SparseActivity& y, double rate);

  [[nodiscard]] std::vector<double> scores(const SparseActivity& y) const;
  [[nodiscard]] std::uint32_t predict(const SparseActivity& y) const;
  [[nodiscard]] double loss(const SparseActivity& y, std::uint32_t label) const;

  void delta_rule_update(const SparseActivity& y, std::uint32_t label, double learning_rate);
  void delta_rule_update(const SparseActivity& y, std::uint32_t label,
                         const ReadoutSettings& settings);
  void weight_perturbation_update(const SparseActivity& y, std::uint32_t label,
                                  const ReadoutSettings& settings, RandomStream& random);
  void node_perturbation_update(const SparseActivity& y, std::uint32_t label,
                                const ReadoutSettings& settings, RandomStream& random);

 private:
  // W -= eta g_c y^T and b -= eta g_c for a score-space step g (classes entries); with
  // normalise, W_cj -= eta g_c y_j / (H v_j) and b -= eta g_c / H.
  void apply_score_step(const SparseActivity& y, std::span<const double> step, double eta,
                        bool normalise = false);

  std::size_t classes_ = 0;
  std::size_t inputs_ = 0;
  std::vector<float> weights_;
  std::vector<float> biases_;
  std::vector<float> mean_squares_;
  std::uint64_t observed_ = 0;
};

// Softmax cross-entropy of scores for the label (numerically stable).
[[nodiscard]] double cross_entropy(std::span<const double> scores, std::uint32_t label);

}  // namespace sprout::models
