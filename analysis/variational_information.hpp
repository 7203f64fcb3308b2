#pragma once
// I(X;Z) of a network's hidden representation through a variational encoder, as in the
// Deep Variational Information Bottleneck (Alemi et al. 2017): a stochastic encoder
// q(z|h) = N(mu(h), diag sigma^2(h)) on the deterministic hidden code h of each image,
// trained jointly with a softmax classifier on one sample of z under
//   cross-entropy(label | z) + beta · KL(q(z|h) || N(0, I))
// (reparameterisation z = mu + sigma ⊙ eps). The reported I(X;Z) is the mean of
// KL(q(z|h) || N(0, I)) over the test images, in bits: an upper bound on I(X;Z) (= I(H;Z),
// since Z depends on X only through H), which is what VIB reports. Definitions, defaults
// and their effect: docs/metrics.md, "I(X;Z) through a variational encoder".
//
// Single-threaded and seeded from RandomStream: the same inputs give the same bits on any
// thread count.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <span>

#include "analysis/sample_matrix.hpp"

namespace sprout::analysis {

struct VibSettings {
  std::size_t z_dimension = 8;
  double beta = 0.1;
  // ReLU units of the encoder's one hidden layer; 0: a linear encoder h -> (mu, log sigma^2).
  std::size_t encoder_hidden = 64;
  std::size_t epochs = 100;
  std::size_t batch_size = 100;
  float learning_rate = 1e-3F;  // Adam, falling linearly to 0 over the training
  // Standardise each feature with the training codes' mean and standard deviation (a
  // constant feature becomes 0), so codes of any scale (spike counts, activations) meet
  // the same encoder.
  bool standardise = true;
  std::uint64_t seed = 1;
};

struct VibResult {
  double i_xz_bits = 0;                // mean KL over the test codes, bits: the reported I(X;Z)
  double i_xz_bits_train = 0;          // the same over the training codes
  double test_accuracy = 0;            // of the classifier on z = mu(h)
  double test_cross_entropy_bits = 0;  // likewise, per image
  std::size_t train_samples = 0;
  std::size_t test_samples = 0;
  std::size_t features = 0;
  VibSettings settings;
};

// Trains the encoder and classifier on `train` (one row per image; labels < classes) and
// measures them on `test`. Throws std::invalid_argument on empty or mismatched inputs.
[[nodiscard]] VibResult variational_information(const SampleMatrix& train,
                                                std::span<const std::uint8_t> train_labels,
                                                const SampleMatrix& test,
                                                std::span<const std::uint8_t> test_labels,
                                                std::size_t classes, const VibSettings& settings);

void to_json(nlohmann::json& out, const VibSettings& settings);
void to_json(nlohmann::json& out, const VibResult& result);

}  // namespace sprout::analysis
