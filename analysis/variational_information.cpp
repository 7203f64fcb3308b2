#include "analysis/variational_information.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "engine/random_stream.hpp"
#include "models/bp/bp_random.hpp"
#include "models/bp/eigen_core.hpp"
#include "models/bp/mlp.hpp"
#include "models/bp/optimizers.hpp"

namespace sprout::analysis {
namespace {

using Matrix = models::RowMatrix;
using Vector = Eigen::VectorXf;

constexpr double kLn2 = 0.69314718055994530942;
// log sigma^2 is clamped to this range (no gradient beyond): exp() stays finite.
constexpr float kLogVarianceLimit = 30.0F;

// A dense layer y = x W^T + b.
struct Affine {
  Matrix weights;  // outputs x inputs
  Vector bias;

  [[nodiscard]] Matrix apply(const Matrix& input) const {
    Matrix out = input * weights.transpose();
    out.rowwise() += bias.transpose();
    return out;
  }
};

// PyTorch's nn.Linear initialisation, U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
Affine initial_layer(std::size_t inputs, std::size_t outputs, std::uint64_t seed,
                     std::uint64_t index) {
  Affine layer{Matrix(static_cast<Eigen::Index>(outputs), static_cast<Eigen::Index>(inputs)),
               Vector(static_cast<Eigen::Index>(outputs))};
  RandomStream stream(seed, index, StreamPurpose::kVibInitialWeights);
  const float bound = 1.0F / std::sqrt(static_cast<float>(inputs));
  for (Eigen::Index i = 0; i < layer.weights.size(); ++i)
    layer.weights.data()[i] = bound * (2.0F * models::uniform_unit_float(stream) - 1.0F);
  for (Eigen::Index i = 0; i < layer.bias.size(); ++i)
    layer.bias[i] = bound * (2.0F * models::uniform_unit_float(stream) - 1.0F);
  return layer;
}

// Encoder (optional ReLU hidden layer, then mu and log sigma^2) and classifier on z.
struct VibModel {
  std::vector<Affine> encoder;  // 1 or 2 layers; the last has 2 * z_dimension outputs
  Affine classifier;

  [[nodiscard]] std::vector<std::size_t> parameter_sizes() const {
    std::vector<std::size_t> sizes;
    for (const Affine* layer : layers()) {
      sizes.push_back(static_cast<std::size_t>(layer->weights.size()));
      sizes.push_back(static_cast<std::size_t>(layer->bias.size()));
    }
    return sizes;
  }
  [[nodiscard]] std::vector<const Affine*> layers() const {
    std::vector<const Affine*> out;
    for (const Affine& layer : encoder)
      out.push_back(&layer);
    out.push_back(&classifier);
    return out;
  }
  [[nodiscard]] std::vector<Affine*> layers() {
    std::vector<Affine*> out;
    for (Affine& layer : encoder)
      out.push_back(&layer);
    out.push_back(&classifier);
    return out;
  }
};

// The encoder's output for a batch: its hidden activations (if any), mu, log sigma^2.
struct Encoded {
  Matrix hidden;
  Matrix mu;
  Matrix log_variance;
  Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> clamped;
};

Encoded encode(const VibModel& model, const Matrix& input, std::size_t z_dimension) {
  Encoded out;
  const auto z = static_cast<Eigen::Index>(z_dimension);
  Matrix raw;
  if (model.encoder.size() == 2) {
    out.hidden = model.encoder[0].apply(input).cwiseMax(0.0F);
    raw = model.encoder[1].apply(out.hidden);
  } else {
    raw = model.encoder[0].apply(input);
  }
  out.mu = raw.leftCols(z);
  const Matrix log_variance = raw.rightCols(z);
  out.clamped = log_variance.array().abs() > kLogVarianceLimit;
  out.log_variance = log_variance.cwiseMax(-kLogVarianceLimit).cwiseMin(kLogVarianceLimit);
  return out;
}

// KL(N(mu, diag exp(lv)) || N(0, I)) of each row, in nats.
Eigen::VectorXd kl_per_row(const Encoded& encoded) {
  const auto mu = encoded.mu.array().cast<double>();
  const auto lv = encoded.log_variance.array().cast<double>();
  return 0.5 * (mu.square() + lv.exp() - 1.0 - lv).rowwise().sum();
}

// Softmax of each row of the logits, and the cross-entropy (nats) of each row's label.
Matrix softmax_rows(const Matrix& logits, std::span<const std::uint8_t> labels,
                    std::vector<double>& cross_entropy, std::size_t& correct) {
  Matrix probabilities(logits.rows(), logits.cols());
  cross_entropy.assign(static_cast<std::size_t>(logits.rows()), 0.0);
  for (Eigen::Index row = 0; row < logits.rows(); ++row) {
    Eigen::Index predicted = 0;
    const float largest = logits.row(row).maxCoeff(&predicted);
    const Eigen::ArrayXd shifted = (logits.row(row).array() - largest).cast<double>().transpose();
    const double log_sum = std::log(shifted.exp().sum());
    const std::uint8_t label = labels[static_cast<std::size_t>(row)];
    cross_entropy[static_cast<std::size_t>(row)] = log_sum - shifted(label);
    probabilities.row(row) = (shifted - log_sum).exp().cast<float>().transpose();
    correct += predicted == label ? 1 : 0;
  }
  return probabilities;
}

// Per-feature standardisation from the training codes.
struct Scaling {
  Eigen::RowVectorXf offset;
  Eigen::RowVectorXf scale;
};

Scaling scaling_of(const Matrix& train, bool standardise) {
  const auto features = train.cols();
  Scaling scaling{Eigen::RowVectorXf::Zero(features), Eigen::RowVectorXf::Ones(features)};
  if (!standardise) return scaling;
  const Eigen::RowVectorXd mean = train.cast<double>().colwise().mean();
  const Eigen::RowVectorXd deviation =
      ((train.cast<double>().rowwise() - mean).array().square().colwise().mean()).sqrt();
  scaling.offset = mean.cast<float>();
  for (Eigen::Index j = 0; j < features; ++j)
    scaling.scale[j] = deviation[j] > 0.0 ? static_cast<float>(deviation[j]) : 1.0F;
  return scaling;
}

Matrix to_matrix(const SampleMatrix& samples, const Scaling* scaling) {
  Matrix out(static_cast<Eigen::Index>(samples.samples),
             static_cast<Eigen::Index>(samples.features));
  std::copy(samples.values.begin(), samples.values.end(), out.data());
  if (scaling != nullptr)
    out = (out.rowwise() - scaling->offset).array().rowwise() / scaling->scale.array();
  return out;
}

void check_inputs(const SampleMatrix& set, std::span<const std::uint8_t> labels,
                  std::size_t classes, const char* name) {
  if (set.samples == 0 || set.samples != labels.size()) {
    throw std::invalid_argument(std::string("variational_information: the ") + name +
                                " codes need one label per row and at least one row");
  }
  for (std::uint8_t label : labels)
    if (label >= classes)
      throw std::invalid_argument("variational_information: a label is not below the classes");
}

// Mean KL (bits) and the classifier's score on z = mu, over a whole set.
struct SetScore {
  double kl_bits = 0;
  double cross_entropy_bits = 0;
  double accuracy = 0;
};

SetScore score_set(const VibModel& model, const Matrix& codes, std::span<const std::uint8_t> labels,
                   std::size_t z_dimension) {
  const Encoded encoded = encode(model, codes, z_dimension);
  std::vector<double> cross_entropy;
  std::size_t correct = 0;
  (void)softmax_rows(model.classifier.apply(encoded.mu), labels, cross_entropy, correct);
  const auto rows = static_cast<double>(codes.rows());
  return {kl_per_row(encoded).mean() / kLn2,
          std::accumulate(cross_entropy.begin(), cross_entropy.end(), 0.0) / rows / kLn2,
          static_cast<double>(correct) / rows};
}

}  // namespace

VibResult variational_information(const SampleMatrix& train,
                                  std::span<const std::uint8_t> train_labels,
                                  const SampleMatrix& test,
                                  std::span<const std::uint8_t> test_labels, std::size_t classes,
                                  const VibSettings& settings) {
  check_inputs(train, train_labels, classes, "training");
  check_inputs(test, test_labels, classes, "test");
  if (train.features != test.features)
    throw std::invalid_argument("variational_information: training and test widths differ");
  if (settings.z_dimension == 0 || settings.batch_size == 0 || classes < 2)
    throw std::invalid_argument("variational_information: needs z_dimension, batch_size >= 1");
  models::use_fixed_eigen_blocking();

  const Matrix raw_train = to_matrix(train, nullptr);
  const Scaling scaling = scaling_of(raw_train, settings.standardise);
  const Matrix train_codes = to_matrix(train, &scaling);
  const Matrix test_codes = to_matrix(test, &scaling);

  const std::size_t z = settings.z_dimension;
  VibModel model;
  std::uint64_t layer_index = 0;
  std::size_t width = train.features;
  if (settings.encoder_hidden > 0) {
    model.encoder.push_back(
        initial_layer(width, settings.encoder_hidden, settings.seed, layer_index++));
    width = settings.encoder_hidden;
  }
  model.encoder.push_back(initial_layer(width, 2 * z, settings.seed, layer_index++));
  model.classifier = initial_layer(z, classes, settings.seed, layer_index++);

  models::OptimizerSettings adam;
  adam.kind = models::OptimizerKind::kAdam;
  adam.learning_rate = settings.learning_rate;
  const std::vector<std::size_t> sizes = model.parameter_sizes();
  models::Optimizer optimizer(adam, sizes);

  const std::size_t samples = train.samples;
  std::vector<std::uint32_t> order(samples);
  Matrix batch;
  std::vector<std::uint8_t> batch_labels;
  std::vector<double> cross_entropy;
  const auto beta = static_cast<float>(settings.beta);
  const std::size_t batches = (samples + settings.batch_size - 1) / settings.batch_size;
  const double total_steps = static_cast<double>(batches * settings.epochs);
  std::size_t step = 0;
  for (std::size_t epoch = 0; epoch < settings.epochs; ++epoch) {
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    RandomStream shuffle(settings.seed, epoch, StreamPurpose::kVibShuffle);
    models::shuffle_in_place(order, shuffle);
    RandomStream noise(settings.seed, epoch, StreamPurpose::kVibNoise);
    for (std::size_t begin = 0; begin < samples; begin += settings.batch_size) {
      const std::size_t rows = std::min(settings.batch_size, samples - begin);
      const auto n = static_cast<Eigen::Index>(rows);
      batch.resize(n, train_codes.cols());
      batch_labels.resize(rows);
      for (std::size_t row = 0; row < rows; ++row) {
        batch.row(static_cast<Eigen::Index>(row)) = train_codes.row(order[begin + row]);
        batch_labels[row] = train_labels[order[begin + row]];
      }
      // Forward: z = mu + sigma ⊙ eps, logits = z Wc^T + bc.
      const Encoded encoded = encode(model, batch, z);
      Matrix eps(n, static_cast<Eigen::Index>(z));
      for (Eigen::Index i = 0; i < eps.size(); ++i)
        eps.data()[i] = static_cast<float>(noise.normal());
      const Matrix sigma = (0.5F * encoded.log_variance.array()).exp().matrix();
      const Matrix sample = encoded.mu + sigma.cwiseProduct(eps);
      std::size_t correct = 0;
      Matrix d_logits =
          softmax_rows(model.classifier.apply(sample), batch_labels, cross_entropy, correct);
      // Backward of the mean over the batch of cross-entropy + beta · KL.
      const float inverse_rows = 1.0F / static_cast<float>(rows);
      for (std::size_t row = 0; row < rows; ++row)
        d_logits(static_cast<Eigen::Index>(row), batch_labels[row]) -= 1.0F;
      d_logits *= inverse_rows;
      const Matrix d_sample = d_logits * model.classifier.weights;
      Matrix d_raw(n, static_cast<Eigen::Index>(2 * z));
      const auto zi = static_cast<Eigen::Index>(z);
      d_raw.leftCols(zi) = d_sample + (beta * inverse_rows) * encoded.mu;
      Matrix d_log_variance =
          (0.5F * d_sample.array() * eps.array() * sigma.array() +
           (0.5F * beta * inverse_rows) * (encoded.log_variance.array().exp() - 1.0F))
              .matrix();
      d_log_variance = (encoded.clamped).select(0.0F, d_log_variance.array()).matrix();
      d_raw.rightCols(zi) = d_log_variance;

      std::vector<Matrix> weight_gradients;
      std::vector<Vector> bias_gradients;
      if (model.encoder.size() == 2) {
        Matrix d_hidden = d_raw * model.encoder[1].weights;
        d_hidden = (encoded.hidden.array() > 0.0F).select(d_hidden.array(), 0.0F).matrix();
        weight_gradients.push_back(d_hidden.transpose() * batch);
        bias_gradients.push_back(d_hidden.colwise().sum().transpose());
        weight_gradients.push_back(d_raw.transpose() * encoded.hidden);
      } else {
        weight_gradients.push_back(d_raw.transpose() * batch);
      }
      bias_gradients.push_back(d_raw.colwise().sum().transpose());
      weight_gradients.push_back(d_logits.transpose() * sample);
      bias_gradients.push_back(d_logits.colwise().sum().transpose());

      // Linear decay to zero: the noisy steps shrink, so the encoder settles instead of
      // drifting along the objective's flat directions.
      optimizer.set_learning_rate(static_cast<float>(
          settings.learning_rate * (1.0 - static_cast<double>(step++) / total_steps)));
      optimizer.begin_step();
      const std::vector<Affine*> layers = model.layers();
      for (std::size_t l = 0; l < layers.size(); ++l) {
        Affine& layer = *layers[l];
        optimizer.update(
            2 * l, 0,
            std::span(layer.weights.data(), static_cast<std::size_t>(layer.weights.size())),
            std::span<const float>(weight_gradients[l].data(),
                                   static_cast<std::size_t>(weight_gradients[l].size())));
        optimizer.update(
            2 * l + 1, 0, std::span(layer.bias.data(), static_cast<std::size_t>(layer.bias.size())),
            std::span<const float>(bias_gradients[l].data(),
                                   static_cast<std::size_t>(bias_gradients[l].size())));
      }
    }
  }

  const SetScore on_test = score_set(model, test_codes, test_labels, z);
  const SetScore on_train = score_set(model, train_codes, train_labels, z);
  VibResult result;
  result.i_xz_bits = on_test.kl_bits;
  result.i_xz_bits_train = on_train.kl_bits;
  result.test_accuracy = on_test.accuracy;
  result.test_cross_entropy_bits = on_test.cross_entropy_bits;
  result.train_samples = train.samples;
  result.test_samples = test.samples;
  result.features = train.features;
  result.settings = settings;
  return result;
}

void to_json(nlohmann::json& out, const VibSettings& settings) {
  out = {{"z_dimension", settings.z_dimension},       {"beta", settings.beta},
         {"encoder_hidden", settings.encoder_hidden}, {"epochs", settings.epochs},
         {"batch_size", settings.batch_size},         {"learning_rate", settings.learning_rate},
         {"standardise", settings.standardise},       {"seed", settings.seed}};
}

void to_json(nlohmann::json& out, const VibResult& result) {
  out = {{"i_xz_bits", result.i_xz_bits},
         {"i_xz_bits_train", result.i_xz_bits_train},
         {"test_accuracy", result.test_accuracy},
         {"test_cross_entropy_bits", result.test_cross_entropy_bits},
         {"train_samples", result.train_samples},
         {"test_samples", result.test_samples},
         {"features", result.features},
         {"settings", result.settings}};
}

}  // namespace sprout::analysis
