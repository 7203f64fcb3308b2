#pragma once
// Configuration of learning by structural plasticity (`sprout train`), read from JSON
// with strict validation (models/config_reader.hpp). docs/model.md explains every
// parameter, its default and why.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "encoders/spike_encoders.hpp"
#include "io/data_settings.hpp"
#include "models/spiking/lif_neuron.hpp"

namespace sprout::models {

enum class GrowthPlacement { kActivityGuided, kRandom };
// What the targets of one input compete by for its limited synapses.
enum class PresynapticSignal { kTrace, kWeight };
enum class ReadoutRule { kWeightPerturbation, kNodePerturbation, kDeltaRule };

// The defaults are the shipped default model (configs/mnist_structural.json).

struct HebbianSettings {
  bool enabled = true;
  // The k most active hidden neurons learn per sample: k = round(winners_fraction x hidden)
  // (at least 1) unless `winners` is given in the config; `winners` holds the k in use.
  double winners_fraction = 0.05;
  std::size_t winners = 20;
  double learning_rate = 0.05;  // eta of the instar rule
  // Annealing (online k-means): a neuron's rate is 1 / (its activity-weighted wins so
  // far), clamped to [minimum_learning_rate, learning_rate], so each prototype becomes
  // the running mean of the inputs it won; the floor keeps it able to follow the code's
  // slow drift. false: every winner learns at learning_rate.
  bool annealed = true;
  double minimum_learning_rate = 0.001;
  // Synaptic scaling: > 0 moves the weights toward weight_norm * x / |x| and rescales each
  // winner's weight vector to this L2 norm, so a neuron's drive measures the angle between
  // its weights and the input, not the amount of ink. 0: plain instar toward x.
  double weight_norm = 6.0;
  // Anti-Hebbian competition (Krotov & Hopfield 2019): the `anti_hebbian_neurons` next most
  // active neurons after the winners move away from the input at anti_hebbian_rate times
  // the Hebbian rate, so neurons that nearly won learn other patterns. 0: off.
  std::size_t anti_hebbian_neurons = 0;
  double anti_hebbian_rate = 0.0;
};

struct StructuralSettings {
  bool enabled = true;
  double potential_connectivity = 1.0;     // P_pot: pairs with a potential synapse
  double initial_connectivity = 0.2;       // fraction of potential synapses realised at start
  double initial_weight_max = 0.3;         // initial weights uniform in [0, max)
  double trace_rate = 0.02;                // consolidation trace: c += rate a (x - c) when active
  double trace_decay = 0.00002;            // per sample, for every realised synapse
  double consolidation_threshold = 0.4;    // c >= this: consolidated (stable)
  double elimination_threshold = 0.1;      // silent and c < this (after min_age): eliminated
  double deconsolidation_threshold = 0.0;  // consolidated and c < this: silent again (0: never)
  std::size_t min_age_batches = 20;        // a new synapse is safe this long
  double growth_rate = 0.02;               // per batch, scaled by placement weight
  GrowthPlacement placement = GrowthPlacement::kActivityGuided;
  double new_weight = 0.1;  // weight of a newly grown synapse
  double new_trace = 0.2;   // trace of a newly grown synapse
  // The most active neurons whose consolidation traces and growth statistics learn from
  // a sample (0: the Hebbian winners, hebbian.winners).
  std::size_t coactive_neurons = 0;
  // Presynaptic resource: each input neuron supports at most this many mature realised
  // synapses (consolidated, or silent and older than min_age_batches); after every
  // structural step its targets compete for them by presynaptic_signal and the weakest
  // beyond the budget are eliminated. It bounds the synapses by the inputs, not by the
  // hidden size. 0: no presynaptic competition.
  std::size_t presynaptic_budget = 64;
  // kTrace: the consolidation trace (how often the input is on when the target wins);
  // kWeight: the synaptic weight, which synaptic scaling makes the input's share of the
  // target's normalised prototype.
  PresynapticSignal presynaptic_signal = PresynapticSignal::kTrace;
};

struct HomeostasisSettings {
  bool enabled = true;
  double learning_rate = 0.05;  // threshold change per unit of (win fraction - target)
  double minimum_threshold = 0.05;
  // Target probability that a neuron fires at least once during a presentation. It sets
  // the overall activity level as well as its spread over the neurons.
  double target_firing_probability = 0.2;
};

struct ReadoutSettings {
  ReadoutRule rule = ReadoutRule::kNodePerturbation;
  double learning_rate = 0.02;
  double perturbation_sigma = 0.01;  // size of each score or weight perturbation
  std::size_t perturbations = 4;     // antithetic pairs per sample
  double count_scale = 10.0;         // readout input y = spike count / count_scale
  // Per-input step normalisation in the readout-only epochs (0: off): each readout
  // synapse's step is divided by its presynaptic neuron's running mean squared rate (and
  // by the fan-in), as if the readout learned on unit-RMS inputs. This is the rate of that
  // running mean; those epochs then learn at normalised_learning_rate.
  double normalisation_rate = 0.001;
  double normalised_learning_rate = 1.0;
};

struct NetworkSettings {
  std::size_t hidden = 400;
  double input_gain = 0.25;  // voltage jump per unit weight
  LifParameters lif{.tau_m_ms = 20.0,
                    .v_rest = 0.0,
                    .v_reset = 0.0,
                    .v_threshold = 1.0,
                    .refractory_ms = 2.0,
                    .v_init_low = 0.0,
                    .v_init_high = 0.0};
  // Lateral inhibition, all-to-all among the hidden neurons. Its weight follows from the
  // inhibition a neuron receives per presentation when every neuron fires with the
  // homeostatic target probability p*: inhibition_weight = inhibition_per_presentation /
  // (p* x hidden), unless `inhibition_weight` is given in the config; `inhibition_weight`
  // holds the weight in use.
  double inhibition_per_presentation = -20.0;
  double inhibition_weight = -1.0;
  double inhibition_delay_ms = 0.5;
  // Deliver each inhibitory spike as one shared event instead of one update per hidden
  // neuron (engine::Projection::enable_shared_delivery): the same dynamics up to rounding.
  bool shared_inhibition = true;
  // > 0: the inhibition goes through a pool of this many inhibitory interneurons instead
  // of all-to-all hidden -> hidden synapses (Dale's law): hidden neuron j excites
  // interneuron j mod interneurons by interneuron_input_weight, every interneuron spike
  // inhibits every hidden neuron by inhibition_weight, whose rule then becomes
  // inhibition_per_presentation / (p* x hidden x interneuron_input_weight): the pool fires
  // about interneuron_input_weight times per hidden spike. 0: all-to-all lateral inhibition.
  std::size_t interneurons = 1;
  double interneuron_input_weight = 0.25;
};

struct StructuralConfig {
  io::DataSettings data;  // the classes learnt; the readout has one unit per class
  encoders::EncoderParameters encoder{encoders::EncoderKind::kPoisson, 63.75, 400.0, 1};
  NetworkSettings network;
  HebbianSettings hebbian;
  StructuralSettings structural;
  HomeostasisSettings homeostasis;
  ReadoutSettings readout;
  std::size_t epochs = 16;
  // Learning-rate schedule: in epoch e (from 0) the Hebbian and readout learning rates are
  // multiplied by learning_rate_decay^e (1: constant rates).
  double learning_rate_decay = 0.8;
  // Epochs in which the hidden layer learns (Hebbian, consolidation, growth, elimination,
  // homeostasis); later epochs train only the readout, on a fixed hidden code. 0: all.
  std::size_t feature_learning_epochs = 1;
  // Of those, the epochs in which the structure changes (consolidation, growth,
  // elimination); later feature-learning epochs refine the weights of the realised
  // synapses on a fixed structure. 0: all feature-learning epochs.
  std::size_t structural_learning_epochs = 0;
  // In the readout-only epochs, train the readout on each training image's hidden spike
  // counts recorded once on the frozen network (one Poisson draw per image, as in an
  // evaluation) instead of simulating every image again in every epoch.
  bool replay_frozen_responses = true;
  std::size_t batch_size = 64;
  std::size_t train_limit = 0;  // first N training images (0: all)
  std::size_t test_limit = 0;   // first N test images (0: all)
  // The last N of those training images are held out of training and evaluated after
  // every epoch, so that model choices need not be made on the test set (0: none).
  std::size_t validation_images = 0;
  std::uint64_t seed = 1;
  int threads = 2;
};

// Sets hebbian.winners and network.inhibition_weight from their rules (winners_fraction,
// inhibition_per_presentation) for the config's hidden size.
void apply_scaling_rules(StructuralConfig& config);

// Throws std::runtime_error "<source>: <key>: <problem>" on any unknown key, wrong type
// or out-of-range value. Counts and weights the config does not state explicitly follow
// the scaling rules.
[[nodiscard]] StructuralConfig parse_structural_config(const nlohmann::json& document,
                                                       std::string_view source);
[[nodiscard]] nlohmann::json to_json(const StructuralConfig& config);
[[nodiscard]] std::string_view to_string(GrowthPlacement placement);
[[nodiscard]] std::string_view to_string(PresynapticSignal signal);
[[nodiscard]] std::string_view to_string(ReadoutRule rule);

}  // namespace sprout::models
