#include "models/spiking/lif_neuron.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "engine/random_stream.hpp"

namespace sprout::models {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// u of a refractory neuron: inputs add to it without effect and the threshold test
// fails, so refractoriness costs nothing on the hot path. The period [t_spike, t_spike +
// refractory_ms) ends before any input at its end, up to tie_tolerance_ms: the reset
// potential is restored then (a wake-up with drift, the next input without).
constexpr double kRefractory = -kInfinity;
// Re-base when exp((t - t_ref)/tau) would exceed e^500 (double overflows near e^709).
constexpr double kMaxGrowthExponent = 500.0;

// kDrifts: v_rest > threshold, so neurons cross the threshold between events too.
template <bool kDrifts>
class LifState final : public engine::PopulationState {
 public:
  explicit LifState(const LifGroup& group)
      : group_(group),
        p_(group.parameters()),
        u_(group.size()),
        threshold_above_rest_(group.size()),
        refractory_until_ms_(group.size()),
        shared_seen_(kDrifts ? 0 : group.size()),
        version_(kDrifts ? group.size() : 0),
        scheduled_ms_(kDrifts ? group.size() : 0) {}

  void reset(std::uint64_t seed, std::uint64_t sample_index) override {
    t_ref_ms_ = 0.0;
    const auto thresholds = group_.thresholds();
    RandomStream random(seed, sample_index, StreamPurpose::kInitialState);
    const bool random_start = p_.v_init_high > p_.v_init_low;
    for (std::size_t j = 0; j < u_.size(); ++j) {
      const double v = random_start ? random.uniform(p_.v_init_low, p_.v_init_high) : p_.v_init_low;
      u_[j] = v - p_.v_rest;
      threshold_above_rest_[j] = thresholds[j] - p_.v_rest;
      refractory_until_ms_[j] = -kInfinity;
    }
    uniform_threshold_ =
        !threshold_above_rest_.empty() &&
        std::adjacent_find(threshold_above_rest_.begin(), threshold_above_rest_.end(),
                           std::not_equal_to<>()) == threshold_above_rest_.end();
    refractory_ends_.clear();
    next_refractory_end_ = 0;
    shared_u_ = 0.0;
    shared_active_ = false;
    std::fill(shared_seen_.begin(), shared_seen_.end(), 0.0);
    if constexpr (kDrifts) {
      std::fill(version_.begin(), version_.end(), 0u);
      std::fill(scheduled_ms_.begin(), scheduled_ms_.end(), kInfinity);
    }
  }

  void start(engine::PopulationOutput& out) override {
    if constexpr (kDrifts) {
      for (std::uint32_t j = 0; j < u_.size(); ++j) {
        if (!(u_[j] < threshold_above_rest_[j])) {
          spike(j, 0.0, out);
        } else {
          schedule_crossing(j, 0.0, out);
        }
      }
    } else {
      for (std::uint32_t j = 0; j < u_.size(); ++j) {
        if (!(u_[j] < threshold_above_rest_[j])) spike(j, 0.0, out);
      }
    }
  }

  void receive(double t_ms, std::span<const std::uint32_t> targets, std::span<const float> weights,
               engine::PopulationOutput& out) override {
    if constexpr (kDrifts) {
      const double growth = growth_at(t_ms);
      const double ends_by = t_ms + tie_tolerance_ms(t_ms);
      double* const u = u_.data();
      const double* const threshold = threshold_above_rest_.data();
      for (std::size_t k = 0; k < targets.size(); ++k) {
        const std::uint32_t j = targets[k];
        // A period that ends at t up to rounding is over before this input; its wake-up,
        // still pending, then finds the neuron integrating.
        if (u[j] == kRefractory && refractory_until_ms_[j] <= ends_by) u[j] = rebased_u(j);
        u[j] = std::fma(static_cast<double>(weights[k]), growth, u[j]);
        if (u[j] >= threshold[j] * growth) [[unlikely]] {
          spike(j, t_ms, out);
        } else if (u[j] != kRefractory) {
          schedule_crossing(j, t_ms, out);
        }
      }
    } else {
      const double ends_by = t_ms + tie_tolerance_ms(t_ms);
      end_refractory_periods_by(ends_by, out);
      const double growth = growth_at(t_ms);
      if (t_ms + p_.refractory_ms <= ends_by) [[unlikely]] {
        deliver_without_refractory_period(t_ms, growth, targets, weights, out);
      } else if (shared_active_) {
        deliver_with_limit<true>(t_ms, growth, targets, weights, out);
      } else {
        deliver_with_limit<false>(t_ms, growth, targets, weights, out);
      }
    }
    out.count_state_updates(targets.size());
  }

  // Shared inhibition (!kDrifts): the jumps of all shared spikes so far add up in
  // shared_u_ (in u's units); each neuron takes what it has not yet seen when it next
  // receives input or is read. Exact, because a jump <= 0 cannot make a neuron fire, and
  // a neuron in its refractory period starts seeing them only when it ends (the periods
  // are closed in time order, before any later event). With drift a neuron's threshold
  // crossing is predicted from its potential, so every jump is applied at once instead.
  bool receive_shared(double t_ms, float weight, std::uint32_t source,
                      engine::PopulationOutput& out) override {
    if constexpr (kDrifts) {
      return false;
    } else {
      end_refractory_periods_by(t_ms + tie_tolerance_ms(t_ms), out);
      const double jump = static_cast<double>(weight) * growth_at(t_ms);
      shared_u_ += jump;
      shared_seen_[source] += jump;  // a neuron does not inhibit itself
      shared_active_ = true;
      out.count_state_updates(1);
      return true;
    }
  }

  void wake(double t_ms, std::uint32_t neuron, std::uint32_t tag,
            engine::PopulationOutput& out) override {
    if constexpr (kDrifts) {
      if (tag != version_[neuron]) return;  // superseded by a later input
      out.count_state_updates(1);
      if (u_[neuron] == kRefractory) u_[neuron] = rebased_u(neuron);
      // At the predicted time v equals the threshold up to rounding.
      const double crossing = crossing_time(neuron, t_ms);
      if (crossing <= t_ms + 1e-9) {
        spike(neuron, t_ms, out);
      } else {
        push_crossing(neuron, crossing, out);
      }
    }
  }

  [[nodiscard]] double membrane_potential(std::uint32_t neuron, double t_ms) const override {
    const double until = refractory_until_ms_[neuron];
    if (u_[neuron] == kRefractory) {
      if (t_ms < until) return p_.v_reset;
      return p_.v_rest + (p_.v_reset - p_.v_rest) * decay(t_ms - until);
    }
    const double unseen = kDrifts ? 0.0 : shared_u_ - shared_seen_[neuron];
    return p_.v_rest + (u_[neuron] + unseen) * decay(t_ms - t_ref_ms_);
  }

 private:
  [[nodiscard]] double decay(double dt_ms) const { return std::exp(-dt_ms / p_.tau_m_ms); }

  // The hot loop (!kDrifts): one fused multiply-add and one compare per target, in the
  // order of the targets (a target listed twice sees its own first jump, as it must).
  // Unrolled by eight: the loop control then costs 3/8 of an instruction per target
  // instead of three (measured with callgrind, see docs/engine.md).
  // Without homeostasis every neuron has the same threshold: the limit u must reach
  // is then one number per event, which saves a load and a multiply per target.
  template <bool kShared>
  void deliver_with_limit(double t_ms, double growth, std::span<const std::uint32_t> targets,
                          std::span<const float> weights, engine::PopulationOutput& out) {
    if (uniform_threshold_) {
      const double limit = threshold_above_rest_.front() * growth;
      deliver<kShared>(
          t_ms, growth, targets, weights, [limit](std::uint32_t) { return limit; }, out);
    } else {
      const double* const threshold = threshold_above_rest_.data();
      deliver<kShared>(
          t_ms, growth, targets, weights,
          [threshold, growth](std::uint32_t j) { return threshold[j] * growth; }, out);
    }
  }

  // A refractory period that ends at the spike (refractory_ms 0, up to the tie tolerance)
  // is empty: a neuron that fires goes on from reset at once, so a second synapse of this
  // event onto it counts too. The general case of the loop, kept off the common path.
  [[gnu::noinline]] void deliver_without_refractory_period(double t_ms, double growth,
                                                           std::span<const std::uint32_t> targets,
                                                           std::span<const float> weights,
                                                           engine::PopulationOutput& out) {
    const double* const threshold = threshold_above_rest_.data();
    deliver<true, true>(
        t_ms, growth, targets, weights,
        [threshold, growth](std::uint32_t j) { return threshold[j] * growth; }, out);
  }

  // kShared: each target first takes the shared jumps it has not seen (receive_shared).
  // kNoRefractory: see deliver_without_refractory_period.
  template <bool kShared, bool kNoRefractory = false, class Limit>
  void deliver(double t_ms, double growth, std::span<const std::uint32_t> targets,
               std::span<const float> weights, Limit limit, engine::PopulationOutput& out) {
    double* const u = u_.data();
    double* const seen = shared_seen_.data();
    const double shared = shared_u_;
    const std::uint32_t* const target = targets.data();
    const float* const weight = weights.data();
    const std::size_t count = targets.size();
    auto one = [&](std::size_t k) {
      const std::uint32_t j = target[k];
      double& u_j = u[j];
      double before = u_j;
      if constexpr (kShared) {
        before += shared - seen[j];
        seen[j] = shared;
      }
      const double v = std::fma(static_cast<double>(weight[k]), growth, before);
      u_j = v;
      // The neuron's index is recovered from its address on the rare spike path, so the
      // common path keeps no copy of j (one instruction less per target).
      if (v >= limit(j)) [[unlikely]] {
        const auto fired = static_cast<std::uint32_t>(&u_j - u);
        spike(fired, t_ms, out);
        if constexpr (kNoRefractory) {
          u_j = rebased_u(fired);
          refractory_ends_.pop_back();
        }
      }
    };
    std::size_t k = 0;
    for (; k + 8 <= count; k += 8) {
      one(k);
      one(k + 1);
      one(k + 2);
      one(k + 3);
      one(k + 4);
      one(k + 5);
      one(k + 6);
      one(k + 7);
    }
    for (; k < count; ++k)
      one(k);
  }

  // exp((t - t_ref)/tau), re-basing t_ref first when it would grow too large.
  double growth_at(double t_ms) {
    double exponent = (t_ms - t_ref_ms_) / p_.tau_m_ms;
    if (exponent > kMaxGrowthExponent) {
      const double shrink = std::exp(-exponent);
      for (double& u : u_)
        u *= shrink;  // kRefractory stays -infinity
      shared_u_ *= shrink;
      for (double& seen : shared_seen_)
        seen *= shrink;
      t_ref_ms_ = t_ms;
      exponent = 0.0;
    }
    return std::exp(exponent);
  }

  // u of a neuron whose refractory period has ended, restarted from v_reset then.
  [[nodiscard]] double rebased_u(std::uint32_t neuron) const {
    if (p_.v_reset == p_.v_rest) return 0.0;  // the common case needs no exponential
    return (p_.v_reset - p_.v_rest) *
           std::exp((refractory_until_ms_[neuron] - t_ref_ms_) / p_.tau_m_ms);
  }

  void spike(std::uint32_t j, double t_ms, engine::PopulationOutput& out) {
    out.spike(j);
    out.count_state_updates(1);
    u_[j] = kRefractory;
    refractory_until_ms_[j] = t_ms + p_.refractory_ms;
    // Inputs during the refractory period are lost: wake at its end and go on from reset.
    if constexpr (kDrifts) {
      push_crossing(j, refractory_until_ms_[j], out);
    } else {
      refractory_ends_.push_back(j);
    }
  }

  // Without drift nothing happens at the end of a refractory period until the next input
  // arrives, so the periods are closed lazily here: before an event at t, those that end
  // by t + tie_tolerance_ms(t). They end in spike order (all last refractory_ms), so a
  // FIFO replaces a queue entry per spike.
  void end_refractory_periods_by(double ends_by, engine::PopulationOutput& out) {
    // Locals, not members, in the loop: the stores to u_ could alias them otherwise.
    const std::size_t pending = refractory_ends_.size();
    const std::size_t first = next_refractory_end_;
    std::size_t next = first;
    for (; next < pending; ++next) {
      const std::uint32_t j = refractory_ends_[next];
      if (refractory_until_ms_[j] > ends_by) break;
      u_[j] = rebased_u(j);
      shared_seen_[j] = shared_u_;  // the shared jumps of the period are lost
    }
    out.count_state_updates(next - first);
    if (next == pending) {
      refractory_ends_.clear();
      next = 0;
    }
    next_refractory_end_ = next;
  }

  // Time at which v reaches the threshold with no further input (kDrifts only).
  [[nodiscard]] double crossing_time(std::uint32_t j, double t_ms) const {
    const double v_above_rest = u_[j] * decay(t_ms - t_ref_ms_);
    // v - v_rest relaxes as (v0 - v_rest) e^{-dt/tau} towards 0 > threshold - v_rest.
    if (v_above_rest >= threshold_above_rest_[j]) return t_ms;
    return t_ms + p_.tau_m_ms * std::log(v_above_rest / threshold_above_rest_[j]);
  }

  void schedule_crossing(std::uint32_t j, double t_ms, engine::PopulationOutput& out) {
    const double crossing = crossing_time(j, t_ms);
    // A later crossing is found by the wake-up already pending; only an earlier one
    // needs a new queue entry (the old one is then ignored by its stale tag).
    // A pending wake-up at exactly t_ms has not been processed yet and will see this input.
    if (crossing < scheduled_ms_[j] || scheduled_ms_[j] < t_ms) push_crossing(j, crossing, out);
  }

  void push_crossing(std::uint32_t j, double crossing_ms, engine::PopulationOutput& out) {
    ++version_[j];
    scheduled_ms_[j] = crossing_ms;
    out.wake_at(crossing_ms, j, version_[j]);
  }

  const LifGroup& group_;
  LifParameters p_;
  // (v - v_rest) * exp((t - t_ref)/tau), or kRefractory.
  std::vector<double> u_;
  std::vector<double> threshold_above_rest_;  // threshold - v_rest
  std::vector<double> refractory_until_ms_;
  std::vector<std::uint32_t> refractory_ends_;  // !kDrifts: neurons in spike order
  std::size_t next_refractory_end_ = 0;
  // !kDrifts, receive_shared: sum of the shared jumps (u's units), and per neuron the
  // part of it already added to u_.
  double shared_u_ = 0.0;
  std::vector<double> shared_seen_;
  bool shared_active_ = false;          // a shared jump arrived in this trial
  std::vector<std::uint32_t> version_;  // kDrifts: tag of the valid pending wake-up
  std::vector<double> scheduled_ms_;    // kDrifts: time of the valid pending wake-up
  double t_ref_ms_ = 0.0;
  bool uniform_threshold_ = false;  // every threshold_above_rest_ is the same
};

}  // namespace

void validate(const LifParameters& p) {
  auto fail = [](std::string_view name, double value, std::string_view rule) {
    throw std::invalid_argument(fmt::format("LIF parameter {} = {} {}", name, value, rule));
  };
  if (!(p.tau_m_ms > 0.0)) fail("tau_m_ms", p.tau_m_ms, "must be > 0 (inf for IF)");
  if (!(p.refractory_ms >= 0.0) || std::isinf(p.refractory_ms)) {
    fail("refractory_ms", p.refractory_ms, "must be finite and >= 0");
  }
  if (!std::isfinite(p.v_rest)) fail("v_rest", p.v_rest, "must be finite");
  if (!(p.v_reset < p.v_threshold)) fail("v_reset", p.v_reset, "must be below v_threshold");
  if (!(p.v_init_low <= p.v_init_high)) fail("v_init_low", p.v_init_low, "must be <= v_init_high");
  if (std::isinf(p.tau_m_ms) && p.v_rest > p.v_threshold) {
    fail("v_rest", p.v_rest, "above threshold needs a finite tau_m_ms");
  }
}

LifGroup::LifGroup(std::uint32_t size, const LifParameters& parameters)
    : size_(size), parameters_(parameters), thresholds_(size, parameters.v_threshold) {
  validate(parameters_);
}

bool LifGroup::drifts() const {
  return parameters_.v_rest > parameters_.v_threshold;
}

void LifGroup::set_thresholds(std::span<const double> thresholds) {
  if (thresholds.size() != size_) {
    throw std::invalid_argument(
        fmt::format("set_thresholds: {} values for {} neurons", thresholds.size(), size_));
  }
  for (double threshold : thresholds) {
    if (!(threshold > parameters_.v_reset) || !std::isfinite(threshold)) {
      throw std::invalid_argument(
          fmt::format("threshold {} is not above v_reset {}", threshold, parameters_.v_reset));
    }
    // The simulation code is chosen by whether v_rest lies above the thresholds.
    if ((threshold < parameters_.v_rest) != drifts()) {
      throw std::invalid_argument(
          fmt::format("threshold {} is on the other side of v_rest {} than v_threshold {}",
                      threshold, parameters_.v_rest, parameters_.v_threshold));
    }
  }
  thresholds_.assign(thresholds.begin(), thresholds.end());
}

std::unique_ptr<engine::PopulationState> LifGroup::make_state() const {
  if (drifts()) return std::make_unique<LifState<true>>(*this);
  return std::make_unique<LifState<false>>(*this);
}

}  // namespace sprout::models
