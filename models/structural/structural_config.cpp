#include "models/structural/structural_config.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "io/config_reader.hpp"

namespace sprout::models {

using io::name_of;
using io::Names;
using io::ObjectReader;
namespace {

using nlohmann::json;

constexpr Names<GrowthPlacement, 2> kPlacementNames{
    {{GrowthPlacement::kActivityGuided, "activity"}, {GrowthPlacement::kRandom, "random"}}};
constexpr Names<PresynapticSignal, 2> kSignalNames{
    {{PresynapticSignal::kTrace, "trace"}, {PresynapticSignal::kWeight, "weight"}}};
constexpr Names<ReadoutRule, 3> kReadoutNames{
    {{ReadoutRule::kWeightPerturbation, "weight_perturbation"},
     {ReadoutRule::kNodePerturbation, "node_perturbation"},
     {ReadoutRule::kDeltaRule, "delta_rule"}}};
constexpr Names<encoders::EncoderKind, 3> kEncoderNames{
    {{encoders::EncoderKind::kPoisson, "poisson"},
     {encoders::EncoderKind::kRegular, "regular"},
     {encoders::EncoderKind::kLatency, "latency"}}};

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint64_t kMaxCount = 100'000'000;

void read_encoder(ObjectReader& r, encoders::EncoderParameters& e) {
  r.choice("kind", e.kind, kEncoderNames);
  r.real("max_rate_hz", e.max_rate_hz, 0.0, false, 10000.0, true);
  r.real("t_present_ms", e.duration_ms, 0.0, false, 100000.0, true);
  r.finish();
}

void read_network(ObjectReader& r, NetworkSettings& n) {
  r.integer("hidden", n.hidden, 1, 100000);
  r.real("input_gain", n.input_gain, 0.0, false, 100.0, true);
  r.real("tau_m_ms", n.lif.tau_m_ms, 0.0, false, kInf, true);
  r.real("v_threshold", n.lif.v_threshold, -1e6, true, 1e6, true);
  r.real("v_reset", n.lif.v_reset, -1e6, true, 1e6, true);
  r.real("v_rest", n.lif.v_rest, -1e6, true, 1e6, true);
  r.real("refractory_ms", n.lif.refractory_ms, 0.0, true, 1000.0, true);
  r.real("inhibition_per_presentation", n.inhibition_per_presentation, -1e6, true, 0.0, true);
  r.real("inhibition_weight", n.inhibition_weight, -100.0, true, 0.0, true);
  r.real("inhibition_delay_ms", n.inhibition_delay_ms, 0.0, true, 1000.0, true);
  r.boolean("shared_inhibition", n.shared_inhibition);
  r.integer("interneurons", n.interneurons, 0, 100000);
  r.real("interneuron_input_weight", n.interneuron_input_weight, 0.0, false, 100.0, true);
  r.finish();
}

void read_hebbian(ObjectReader& r, HebbianSettings& h) {
  r.boolean("enabled", h.enabled);
  r.real("winners_fraction", h.winners_fraction, 0.0, false, 1.0, true);
  r.integer("winners", h.winners, 1, 100000);
  r.real("learning_rate", h.learning_rate, 0.0, true, 1.0, true);
  r.boolean("annealed", h.annealed);
  r.real("minimum_learning_rate", h.minimum_learning_rate, 0.0, true, 1.0, true);
  r.real("weight_norm", h.weight_norm, 0.0, true, 1000.0, true);
  r.integer("anti_hebbian_neurons", h.anti_hebbian_neurons, 0, 100000);
  r.real("anti_hebbian_rate", h.anti_hebbian_rate, 0.0, true, 10.0, true);
  r.finish();
}

void read_structural(ObjectReader& r, StructuralSettings& s) {
  r.boolean("enabled", s.enabled);
  r.real("potential_connectivity", s.potential_connectivity, 0.0, false, 1.0, true);
  r.real("initial_connectivity", s.initial_connectivity, 0.0, true, 1.0, true);
  r.real("initial_weight_max", s.initial_weight_max, 0.0, true, 1.0, true);
  r.real("trace_rate", s.trace_rate, 0.0, true, 1.0, true);
  r.real("trace_decay", s.trace_decay, 0.0, true, 1.0, false);
  r.real("consolidation_threshold", s.consolidation_threshold, 0.0, false, 1.0, true);
  r.real("elimination_threshold", s.elimination_threshold, 0.0, true, 1.0, true);
  r.real("deconsolidation_threshold", s.deconsolidation_threshold, 0.0, true, 1.0, true);
  r.integer("min_age_batches", s.min_age_batches, 0, 1000000);
  r.real("growth_rate", s.growth_rate, 0.0, true, 1.0, true);
  r.choice("placement", s.placement, kPlacementNames);
  r.real("new_weight", s.new_weight, 0.0, true, 1.0, true);
  r.real("new_trace", s.new_trace, 0.0, true, 1.0, true);
  r.integer("coactive_neurons", s.coactive_neurons, 0, 100000);
  r.integer("presynaptic_budget", s.presynaptic_budget, 0, 100000);
  r.choice("presynaptic_signal", s.presynaptic_signal, kSignalNames);
  if (s.elimination_threshold >= s.consolidation_threshold) {
    r.fail("elimination_threshold", "must be below consolidation_threshold");
  }
  if (s.deconsolidation_threshold >= s.consolidation_threshold) {
    r.fail("deconsolidation_threshold", "must be below consolidation_threshold");
  }
  r.finish();
}

void read_homeostasis(ObjectReader& r, HomeostasisSettings& h) {
  r.boolean("enabled", h.enabled);
  r.real("learning_rate", h.learning_rate, 0.0, true, 100.0, true);
  r.real("minimum_threshold", h.minimum_threshold, 0.0, false, 1e6, true);
  r.real("target_firing_probability", h.target_firing_probability, 0.0, false, 1.0, true);
  r.finish();
}

void read_readout(ObjectReader& r, ReadoutSettings& o) {
  r.choice("rule", o.rule, kReadoutNames);
  r.real("learning_rate", o.learning_rate, 0.0, false, 100.0, true);
  r.real("perturbation_sigma", o.perturbation_sigma, 0.0, false, 100.0, true);
  r.integer("perturbations", o.perturbations, 1, 1000);
  r.real("count_scale", o.count_scale, 0.0, false, 1e6, true);
  r.real("normalisation_rate", o.normalisation_rate, 0.0, true, 1.0, true);
  r.real("normalised_learning_rate", o.normalised_learning_rate, 0.0, false, 100.0, true);
  r.finish();
}

template <class Settings>
void read_section(ObjectReader& top, const char* key, Settings& settings,
                  void (*read)(ObjectReader&, Settings&)) {
  if (auto section = top.object(key)) read(*section, settings);
}

}  // namespace

std::string_view to_string(GrowthPlacement placement) {
  return name_of(kPlacementNames, placement);
}
std::string_view to_string(PresynapticSignal signal) {
  return name_of(kSignalNames, signal);
}
std::string_view to_string(ReadoutRule rule) {
  return name_of(kReadoutNames, rule);
}

void apply_scaling_rules(StructuralConfig& c) {
  const auto hidden = static_cast<double>(c.network.hidden);
  c.hebbian.winners = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::lround(c.hebbian.winners_fraction * hidden)));
  // Inhibitory spikes per presentation: every hidden spike (lateral), or the pool's,
  // about interneuron_input_weight per hidden spike.
  const double inhibitory_spikes =
      c.homeostasis.target_firing_probability * hidden *
      (c.network.interneurons > 0 ? c.network.interneuron_input_weight : 1.0);
  c.network.inhibition_weight = c.network.inhibition_per_presentation / inhibitory_spikes;
}

StructuralConfig parse_structural_config(const json& document, std::string_view source) {
  StructuralConfig c;
  // What the document states explicitly wins over the rules.
  const json* network =
      document.is_object() && document.contains("network") ? &document["network"] : nullptr;
  const json* hebbian =
      document.is_object() && document.contains("hebbian") ? &document["hebbian"] : nullptr;
  const bool explicit_weight =
      network && network->is_object() && network->contains("inhibition_weight");
  const bool explicit_winners = hebbian && hebbian->is_object() && hebbian->contains("winners");
  ObjectReader top(document, "", source);
  io::read_data_settings(top, c.data);
  read_section(top, "encoder", c.encoder, read_encoder);
  read_section(top, "network", c.network, read_network);
  read_section(top, "hebbian", c.hebbian, read_hebbian);
  read_section(top, "structural", c.structural, read_structural);
  read_section(top, "homeostasis", c.homeostasis, read_homeostasis);
  read_section(top, "readout", c.readout, read_readout);
  top.integer("epochs", c.epochs, 1, 10000);
  top.real("learning_rate_decay", c.learning_rate_decay, 0.0, false, 1.0, true);
  top.integer("feature_learning_epochs", c.feature_learning_epochs, 0, 10000);
  top.integer("structural_learning_epochs", c.structural_learning_epochs, 0, 10000);
  top.boolean("replay_frozen_responses", c.replay_frozen_responses);
  top.integer("batch_size", c.batch_size, 1, 100000);
  top.integer("train_limit", c.train_limit, 0, kMaxCount);
  top.integer("test_limit", c.test_limit, 0, kMaxCount);
  top.integer("validation_images", c.validation_images, 0, kMaxCount);
  top.integer("seed", c.seed, 0, std::numeric_limits<std::uint64_t>::max());
  top.integer("threads", c.threads, 1, 1024);
  top.finish();
  const StructuralConfig given = c;
  apply_scaling_rules(c);
  if (explicit_winners) c.hebbian.winners = given.hebbian.winners;
  if (explicit_weight) c.network.inhibition_weight = given.network.inhibition_weight;
  if (c.network.inhibition_weight < -100.0) {
    throw std::runtime_error(fmt::format(
        "{}: network.inhibition_per_presentation: gives an inhibition weight of {} (below -100) "
        "at {} hidden neurons",
        source, c.network.inhibition_weight, c.network.hidden));
  }
  if (c.hebbian.winners > c.network.hidden) {
    throw std::runtime_error(fmt::format("{}: hebbian.winners: {} exceeds network.hidden {}",
                                         source, c.hebbian.winners, c.network.hidden));
  }
  if (c.structural.coactive_neurons > c.network.hidden) {
    throw std::runtime_error(
        fmt::format("{}: structural.coactive_neurons: {} exceeds network.hidden {}", source,
                    c.structural.coactive_neurons, c.network.hidden));
  }
  if (c.hebbian.annealed && c.hebbian.minimum_learning_rate > c.hebbian.learning_rate) {
    throw std::runtime_error(
        fmt::format("{}: hebbian.minimum_learning_rate: {} exceeds hebbian.learning_rate {}",
                    source, c.hebbian.minimum_learning_rate, c.hebbian.learning_rate));
  }
  if (c.readout.normalisation_rate > 0 && c.readout.rule == ReadoutRule::kWeightPerturbation) {
    throw std::runtime_error(fmt::format(
        "{}: readout.normalisation_rate: applies to node_perturbation and delta_rule, not to "
        "weight_perturbation",
        source));
  }
  try {
    validate(c.network.lif);
  } catch (const std::invalid_argument& error) {
    throw std::runtime_error(fmt::format("{}: network: {}", source, error.what()));
  }
  return c;
}

json to_json(const StructuralConfig& c) {
  const auto& n = c.network;
  const auto& s = c.structural;
  return {{"data", io::to_json(c.data)},
          {"encoder",
           {{"kind", encoders::to_string(c.encoder.kind)},
            {"max_rate_hz", c.encoder.max_rate_hz},
            {"t_present_ms", c.encoder.duration_ms}}},
          {"network",
           {{"hidden", n.hidden},
            {"input_gain", n.input_gain},
            {"tau_m_ms", n.lif.tau_m_ms},
            {"v_threshold", n.lif.v_threshold},
            {"v_reset", n.lif.v_reset},
            {"v_rest", n.lif.v_rest},
            {"refractory_ms", n.lif.refractory_ms},
            {"inhibition_per_presentation", n.inhibition_per_presentation},
            {"inhibition_weight", n.inhibition_weight},
            {"inhibition_delay_ms", n.inhibition_delay_ms},
            {"shared_inhibition", n.shared_inhibition},
            {"interneurons", n.interneurons},
            {"interneuron_input_weight", n.interneuron_input_weight}}},
          {"hebbian",
           {{"enabled", c.hebbian.enabled},
            {"winners_fraction", c.hebbian.winners_fraction},
            {"winners", c.hebbian.winners},
            {"learning_rate", c.hebbian.learning_rate},
            {"annealed", c.hebbian.annealed},
            {"minimum_learning_rate", c.hebbian.minimum_learning_rate},
            {"weight_norm", c.hebbian.weight_norm},
            {"anti_hebbian_neurons", c.hebbian.anti_hebbian_neurons},
            {"anti_hebbian_rate", c.hebbian.anti_hebbian_rate}}},
          {"structural",
           {{"enabled", s.enabled},
            {"potential_connectivity", s.potential_connectivity},
            {"initial_connectivity", s.initial_connectivity},
            {"initial_weight_max", s.initial_weight_max},
            {"trace_rate", s.trace_rate},
            {"trace_decay", s.trace_decay},
            {"consolidation_threshold", s.consolidation_threshold},
            {"elimination_threshold", s.elimination_threshold},
            {"deconsolidation_threshold", s.deconsolidation_threshold},
            {"min_age_batches", s.min_age_batches},
            {"growth_rate", s.growth_rate},
            {"placement", to_string(s.placement)},
            {"new_weight", s.new_weight},
            {"new_trace", s.new_trace},
            {"coactive_neurons", s.coactive_neurons},
            {"presynaptic_budget", s.presynaptic_budget},
            {"presynaptic_signal", to_string(s.presynaptic_signal)}}},
          {"homeostasis",
           {{"enabled", c.homeostasis.enabled},
            {"learning_rate", c.homeostasis.learning_rate},
            {"minimum_threshold", c.homeostasis.minimum_threshold},
            {"target_firing_probability", c.homeostasis.target_firing_probability}}},
          {"readout",
           {{"rule", to_string(c.readout.rule)},
            {"learning_rate", c.readout.learning_rate},
            {"perturbation_sigma", c.readout.perturbation_sigma},
            {"perturbations", c.readout.perturbations},
            {"count_scale", c.readout.count_scale},
            {"normalisation_rate", c.readout.normalisation_rate},
            {"normalised_learning_rate", c.readout.normalised_learning_rate}}},
          {"epochs", c.epochs},
          {"learning_rate_decay", c.learning_rate_decay},
          {"feature_learning_epochs", c.feature_learning_epochs},
          {"structural_learning_epochs", c.structural_learning_epochs},
          {"replay_frozen_responses", c.replay_frozen_responses},
          {"batch_size", c.batch_size},
          {"train_limit", c.train_limit},
          {"test_limit", c.test_limit},
          {"validation_images", c.validation_images},
          {"seed", c.seed},
          {"threads", c.threads}};
}

}  // namespace sprout::models
