#include "models/structural/structural_learner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "engine/atomic_file.hpp"
#include "models/spiking/image_simulation.hpp"
#include "models/structural/competitive_hebbian.hpp"
#include "models/structural/homeostasis.hpp"

namespace sprout::models {
namespace {

constexpr std::uint64_t kReadoutPerturbation = purpose_value(StreamPurpose::kReadoutPerturbation);
constexpr std::uint64_t kGrowth = purpose_value(StreamPurpose::kGrowth);

FeedForwardSpec network_spec(const StructuralConfig& c, std::size_t inputs) {
  FeedForwardSpec spec;
  spec.inputs = static_cast<std::uint32_t>(inputs);
  spec.hidden = static_cast<std::uint32_t>(c.network.hidden);
  spec.connectivity = 0.0;  // the input projection comes from the potential synapses
  spec.lif = c.network.lif;
  spec.inhibition_weight = c.network.inhibition_weight;
  spec.inhibition_delay_ms = c.network.inhibition_delay_ms;
  spec.shared_inhibition = c.network.shared_inhibition;
  spec.interneurons = static_cast<std::uint32_t>(c.network.interneurons);
  spec.interneuron_input_weight = c.network.interneuron_input_weight;
  spec.seed = c.seed;
  return spec;
}

PresentationOptions presentation(const StructuralConfig& c,
                                 const distributed::Communicator* communicator) {
  PresentationOptions options;
  options.encoder = c.encoder;
  options.seed = c.seed;
  options.threads = c.threads;
  options.communicator = communicator;
  return options;
}

}  // namespace

StructuralLearner::StructuralLearner(const StructuralConfig& config, std::size_t inputs)
    : config_(config),
      inputs_(inputs),
      net_(build_feedforward(network_spec(config, inputs))),
      synapses_(inputs, config.network.hidden, config.structural, config.seed),
      thresholds_(config.network.hidden, config.network.lif.v_threshold),
      readout_(config.data.classes.size(), config.network.hidden),
      trace_clock_(config.network.hidden, 0),
      won_(config.network.hidden, 0),
      win_mass_(config.network.hidden, 0.0) {
  rebuild_network();
}

void StructuralLearner::set_epoch(std::size_t epoch) {
  rate_scale_ = std::pow(config_.learning_rate_decay, static_cast<double>(epoch));
  features_frozen_ =
      config_.feature_learning_epochs > 0 && epoch >= config_.feature_learning_epochs;
  structure_frozen_ = features_frozen_ || (config_.structural_learning_epochs > 0 &&
                                           epoch >= config_.structural_learning_epochs);
}

void StructuralLearner::set_presentation_ms(double t_present_ms) {
  config_.readout.count_scale *= t_present_ms / config_.encoder.duration_ms;
  config_.encoder.duration_ms = t_present_ms;
  ++network_revision_;
}

void StructuralLearner::set_shared_inhibition(bool shared) {
  config_.network.shared_inhibition = shared;
  ++network_revision_;
  if (!net_.lateral_inhibition) return;
  net_.network.replace_projection(
      *net_.lateral_inhibition,
      lateral_inhibition_projection(net_.hidden, static_cast<std::uint32_t>(config_.network.hidden),
                                    config_.network.inhibition_weight,
                                    config_.network.inhibition_delay_ms, shared));
}

void StructuralLearner::rebuild_network() {
  ++network_revision_;
  net_.network.replace_projection(
      net_.input_to_hidden,
      synapses_.to_projection(net_.input, net_.hidden, config_.network.input_gain, 0.0));
  net_.hidden_group->set_thresholds(thresholds_);
}

void StructuralLearner::decay_traces_to(std::size_t neuron, std::uint64_t sample_id) {
  const std::uint64_t elapsed = sample_id - trace_clock_[neuron];
  trace_clock_[neuron] = sample_id;
  if (elapsed == 0 || config_.structural.trace_decay == 0) return;
  const auto factor = static_cast<float>(
      std::pow(1.0 - config_.structural.trace_decay, static_cast<double>(elapsed)));
  for (float& trace : synapses_.traces_of(neuron))
    trace *= factor;
}

void StructuralLearner::check_images(const encoders::LabelledImages& images,
                                     std::size_t count) const {
  if (images.pixels_per_image() != inputs_) {
    throw std::invalid_argument(
        fmt::format("the network has {} inputs, the images {} pixels ({}x{})", inputs_,
                    images.pixels_per_image(), images.rows, images.cols));
  }
  if (count > images.count) {
    throw std::invalid_argument(
        fmt::format("{} images asked for, the set holds {}", count, images.count));
  }
  for (std::size_t k = 0; k < count; ++k) {
    if (images.labels[k] >= readout_.classes()) {
      throw std::invalid_argument(
          fmt::format("image {} has label {}, not one of the network's {} classes (the data's "
                      "classes differ from the network's data.classes)",
                      k, images.labels[k], readout_.classes()));
    }
  }
}

BatchStats StructuralLearner::train_batch(const encoders::LabelledImages& images,
                                          std::span<const std::size_t> image_indices,
                                          std::uint64_t first_sample_id) {
  // Checked here: an exception thrown inside the parallel simulation would end the program.
  check_images(images, 0);
  for (std::size_t index : image_indices) {
    if (index >= images.count) {
      throw std::invalid_argument(
          fmt::format("image {} asked for, the set holds {}", index, images.count));
    }
    if (images.labels[index] >= readout_.classes()) {
      throw std::invalid_argument(
          fmt::format("image {} has label {}, not one of the network's {} classes (the data's "
                      "classes differ from the network's data.classes)",
                      index, images.labels[index], readout_.classes()));
    }
  }
  const std::size_t batch = image_indices.size();
  std::vector<std::uint64_t> ids(batch);
  for (std::size_t k = 0; k < batch; ++k)
    ids[k] = first_sample_id + k;
  const PresentationResult result =
      present_samples(net_, images, image_indices, ids, presentation(config_, communicator_));
  std::vector<std::span<const std::uint32_t>> counts(batch);
  for (std::size_t k = 0; k < batch; ++k)
    counts[k] = result.counts_of(k);
  BatchStats stats = timed_learn_batch(counts, images, image_indices, first_sample_id);
  stats.synaptic_events = result.counters.synaptic_events();
  return stats;
}

BatchStats StructuralLearner::train_batch_replayed(const RecordedResponses& recorded,
                                                   const encoders::LabelledImages& images,
                                                   std::span<const std::size_t> image_indices,
                                                   std::uint64_t first_sample_id) {
  if (!features_frozen_) {
    throw std::logic_error("train_batch_replayed: the hidden layer still learns in this epoch");
  }
  if (recorded.network_revision != network_revision_) {
    throw std::logic_error("train_batch_replayed: responses of another network revision");
  }
  std::vector<std::span<const std::uint32_t>> counts(image_indices.size());
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (image_indices[k] >= recorded.presentation.images) {
      throw std::logic_error("train_batch_replayed: image index beyond the recorded responses");
    }
    counts[k] = recorded.presentation.counts_of(image_indices[k]);
  }
  return timed_learn_batch(counts, images, image_indices, first_sample_id);
}

BatchStats StructuralLearner::timed_learn_batch(
    std::span<const std::span<const std::uint32_t>> counts, const encoders::LabelledImages& images,
    std::span<const std::size_t> image_indices, std::uint64_t first_sample_id) {
  const auto start = std::chrono::steady_clock::now();
  BatchStats stats = learn_batch(counts, images, image_indices, first_sample_id);
  stats.learn_wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

BatchStats StructuralLearner::learn_batch(std::span<const std::span<const std::uint32_t>> counts_of,
                                          const encoders::LabelledImages& images,
                                          std::span<const std::size_t> image_indices,
                                          std::uint64_t first_sample_id) {
  const std::size_t batch = image_indices.size();
  const std::size_t hidden = config_.network.hidden;

  BatchStats stats;
  stats.samples = batch;
  const bool structural = config_.structural.enabled && !structure_frozen_;
  std::vector<float> x(inputs_);
  // Sum of a_j x over the batch; only the structural step reads it (hidden x inputs floats).
  std::vector<float> coactivity(structural ? hidden * inputs_ : 0, 0.0f);
  std::vector<float> activity(hidden, 0.0f);  // sum of a_j over the batch
  std::vector<double> fired(hidden, 0.0);     // samples in which the neuron spiked
  const auto trace_rate = static_cast<float>(config_.structural.trace_rate);
  // Normalised readout steps only on a frozen code: while the features move, the input
  // statistics chase them and the large steps of rarely active inputs follow noise.
  ReadoutSettings readout = config_.readout;
  const bool normalise = features_frozen_ && readout.normalisation_rate > 0;
  if (normalise) {
    readout.learning_rate = readout.normalised_learning_rate;
  } else {
    readout.normalisation_rate = 0;  // the update rules read it as the switch
  }
  readout.learning_rate *= rate_scale_;
  const double hebbian_rate = config_.hebbian.learning_rate * rate_scale_;
  // Ranks [0, winners) learn weights, [winners, winners + anti) unlearn them, and
  // [0, coactive) learn traces and growth statistics.
  const std::size_t winners = config_.hebbian.winners;
  const std::size_t coactive =
      config_.structural.coactive_neurons > 0 ? config_.structural.coactive_neurons : winners;
  const std::size_t ranked_needed =
      std::max(winners + config_.hebbian.anti_hebbian_neurons, coactive);

  for (std::size_t k = 0; k < batch; ++k) {
    const std::uint32_t label = images.labels[image_indices[k]];
    if (label >= readout_.classes()) {
      throw std::invalid_argument(
          fmt::format("training image label {} is not one of the network's {} classes (the "
                      "data's classes differ from the network's data.classes)",
                      label, readout_.classes()));
    }
    const auto counts = counts_of[k];
    for (std::size_t j = 0; j < hidden; ++j)
      fired[j] += counts[j] > 0 ? 1.0 : 0.0;

    const SparseActivity y = readout_input(counts, config_.readout.count_scale);
    stats.correct += readout_.predict(y) == label;
    if (normalise) readout_.observe(y, readout.normalisation_rate);
    if (config_.readout.rule == ReadoutRule::kDeltaRule) {
      readout_.delta_rule_update(y, label, readout);
    } else {
      RandomStream random(config_.seed, first_sample_id + k, kReadoutPerturbation);
      if (config_.readout.rule == ReadoutRule::kNodePerturbation) {
        readout_.node_perturbation_update(y, label, readout, random);
      } else {
        readout_.weight_perturbation_update(y, label, readout, random);
      }
    }

    if (features_frozen_) continue;
    const auto pixels = images.image(image_indices[k]);
    for (std::size_t i = 0; i < inputs_; ++i)
      x[i] = static_cast<float>(pixels[i]) / 255.0f;
    const std::vector<float> target = instar_target(x, config_.hebbian.weight_norm);
    const std::vector<Winner> ranked = select_winners(counts, ranked_needed);
    if (config_.hebbian.enabled && ranked.size() > winners) {
      const std::size_t losers =
          std::min(config_.hebbian.anti_hebbian_neurons, ranked.size() - winners);
      for (const Winner& loser : std::span(ranked).subspan(winners, losers)) {
        anti_hebbian_update(synapses_, loser, target,
                            hebbian_rate * config_.hebbian.anti_hebbian_rate);
        scale_to_norm(synapses_, loser.neuron, config_.hebbian.weight_norm);
      }
    }
    const std::size_t learners = std::min(std::max(winners, coactive), ranked.size());
    for (std::size_t r = 0; r < learners; ++r) {
      const Winner& winner = ranked[r];
      const std::size_t j = winner.neuron;
      if (r < winners) {
        won_[j] = 1;
        win_mass_[j] += winner.activity;
        if (config_.hebbian.enabled) {
          const double rate =
              config_.hebbian.annealed
                  ? rate_scale_ * annealed_learning_rate(win_mass_[j],
                                                         config_.hebbian.minimum_learning_rate,
                                                         config_.hebbian.learning_rate)
                  : hebbian_rate;
          instar_update(synapses_, winner, target, rate);
          scale_to_norm(synapses_, j, config_.hebbian.weight_norm);
        }
      }
      if (!structural || r >= coactive) continue;
      decay_traces_to(j, first_sample_id + k);
      auto traces = synapses_.traces_of(j);
      float* sum = coactivity.data() + j * inputs_;
      const float rate = trace_rate * winner.activity;
      for (std::size_t i = 0; i < inputs_; ++i) {
        if (synapses_.realised(j * inputs_ + i)) traces[i] += rate * (x[i] - traces[i]);
        sum[i] += winner.activity * x[i];
      }
      activity[j] += winner.activity;
    }
  }

  samples_seen_ = first_sample_id + batch;
  if (features_frozen_) return stats;
  if (config_.homeostasis.enabled) {
    for (double& f : fired)
      f /= static_cast<double>(batch);
    homeostasis_step(thresholds_, fired, config_.homeostasis.target_firing_probability,
                     config_.homeostasis.learning_rate, config_.homeostasis.minimum_threshold);
  }
  if (structural) {
    const std::uint64_t now = first_sample_id + batch;
    const float most_active = *std::max_element(activity.begin(), activity.end());
    for (std::size_t j = 0; j < hidden; ++j) {
      decay_traces_to(j, now);
      float* sum = coactivity.data() + j * inputs_;
      if (activity[j] > 0) {
        for (std::size_t i = 0; i < inputs_; ++i)
          sum[i] /= activity[j];
      }
      activity[j] = most_active > 0 ? activity[j] / most_active : 0.0f;
    }
    RandomStream random(config_.seed, first_sample_id, kGrowth);
    stats.structure = structural_step(synapses_, coactivity, activity, config_.structural, random);
  }
  rebuild_network();
  return stats;
}

EvaluationResult StructuralLearner::evaluate(const encoders::LabelledImages& images,
                                             std::size_t count) const {
  return classify(respond(images, count), images.labels);
}

RecordedResponses StructuralLearner::respond(
    const encoders::LabelledImages& images, std::size_t count,
    std::function<void(std::size_t done, std::size_t total)> progress) const {
  check_images(images, count);
  PresentationOptions options = presentation(config_, communicator_);
  options.progress = std::move(progress);
  // Evaluation trials use their own random streams: sample ids far above any training id.
  std::vector<std::size_t> indices(count);
  std::vector<std::uint64_t> ids(count);
  for (std::size_t k = 0; k < count; ++k) {
    indices[k] = k;
    ids[k] = (std::uint64_t{1} << 62) + k;
  }
  return {present_samples(net_, images, indices, ids, options), network_revision_};
}

EvaluationResult StructuralLearner::classify(const RecordedResponses& responses,
                                             std::span<const std::uint8_t> labels) const {
  const PresentationResult& result = responses.presentation;
  if (labels.size() < result.images) {
    throw std::invalid_argument("classify: fewer labels than recorded responses");
  }
  EvaluationResult eval;
  eval.images = result.images;
  eval.counters = result.counters;
  eval.hidden_counts = result.hidden_counts;
  std::vector<std::uint8_t> fired(config_.network.hidden, 0);
  for (std::size_t k = 0; k < result.images; ++k) {
    const auto counts = result.counts_of(k);
    for (std::size_t j = 0; j < counts.size(); ++j)
      fired[j] |= counts[j] > 0;
    const std::uint32_t prediction =
        readout_.predict(readout_input(counts, config_.readout.count_scale));
    eval.predictions.push_back(prediction);
    eval.correct += prediction == labels[k];
  }
  eval.hidden_in_use = static_cast<std::size_t>(std::count(fired.begin(), fired.end(), 1));
  return eval;
}

std::size_t StructuralLearner::take_neurons_that_won() {
  const auto n = static_cast<std::size_t>(std::count(won_.begin(), won_.end(), 1));
  std::fill(won_.begin(), won_.end(), 0);
  return n;
}

}  // namespace sprout::models
