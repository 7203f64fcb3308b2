#include "engine/simulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace sprout::engine {

Simulation::Simulation(const Network& network) : network_(network) {
  for (std::size_t p = 0; p < network.populations().size(); ++p) {
    states_.push_back(network.populations()[p].group->make_state());
    offsets_.push_back(network.populations()[p].offset);
    outgoing_.push_back(&network.outgoing(static_cast<PopulationId>(p)));
  }
  spike_counts_.assign(network.neuron_count(), 0);
}

void Simulation::start_trial(std::uint64_t seed, std::uint64_t sample_index) {
  if (states_.size() != network_.populations().size() ||
      spike_counts_.size() != network_.neuron_count()) {
    throw std::logic_error("Simulation: populations were added after the simulation was made");
  }
  queue_.clear();
  source_events_.clear();
  next_source_event_ = 0;
  source_events_sorted_ = true;
  next_source_sequence_ = 0;
  now_ms_ = 0.0;
  std::fill(spike_counts_.begin(), spike_counts_.end(), 0u);
  counters_.projections.assign(network_.projections().size(), {});
  counters_.populations.assign(network_.populations().size(), {});
  counters_.events_processed = 0;
  if (spike_recorder_ != nullptr) spike_recorder_->clear();
  if (membrane_recorder_ != nullptr) membrane_recorder_->clear();
  for (std::size_t p = 0; p < states_.size(); ++p) {
    states_[p]->reset(seed, sample_index);
    output_.clear();
    states_[p]->start(output_);
    handle_output(static_cast<PopulationId>(p), 0.0);
  }
}

void Simulation::add_source_spikes(PopulationId population, std::span<const double> t_ms,
                                   std::span<const std::uint32_t> neuron) {
  const PopulationInfo& info = network_.population(population);
  if (!info.group->is_spike_source()) {
    throw std::invalid_argument(fmt::format("population '{}' is not a spike source", info.name));
  }
  if (t_ms.size() != neuron.size()) {
    throw std::invalid_argument("add_source_spikes: times and neurons differ in length");
  }
  for (std::size_t k = 0; k < t_ms.size(); ++k) {
    if (neuron[k] >= info.size || !(t_ms[k] >= now_ms_)) {
      throw std::invalid_argument(fmt::format("source spike ({} ms, neuron {}) of '{}' is invalid",
                                              t_ms[k], neuron[k], info.name));
    }
  }
  counters_.populations[population].spikes += t_ms.size();
  const std::vector<ProjectionId>& outgoing = network_.outgoing(population);
  for (std::size_t k = 0; k < t_ms.size(); ++k) {
    const NeuronId global = info.offset + neuron[k];
    ++spike_counts_[global];
    if (spike_recorder_ != nullptr) spike_recorder_->record(t_ms[k], global);
    for (ProjectionId id : outgoing) {
      const Projection& projection = network_.projection(id);
      for (std::uint32_t s = projection.first_segment(neuron[k]);
           s < projection.last_segment(neuron[k]); ++s) {
        // Source sequence numbers count down from the top so they never collide with
        // the queue's, which count up from zero.
        const Event event{t_ms[k] + projection.segment(s).delay_ms, global,
                          ~next_source_sequence_++, id, s};
        // Encoders that emit spikes in time order (Poisson) need no sort at all: only an
        // event that belongs before the last pending one asks for it.
        if (source_events_sorted_ && source_events_.size() > next_source_event_ &&
            happens_before(event, source_events_.back())) {
          source_events_sorted_ = false;
        }
        source_events_.push_back(event);
      }
    }
  }
}

bool Simulation::pop_next_event(double t_end_ms, Event& event) {
  if (!source_events_sorted_) {
    std::sort(source_events_.begin() + static_cast<std::ptrdiff_t>(next_source_event_),
              source_events_.end(), happens_before);
    source_events_sorted_ = true;
  }
  const bool have_source = next_source_event_ < source_events_.size();
  const bool have_queued = !queue_.empty();
  if (have_source &&
      (!have_queued || happens_before(source_events_[next_source_event_], queue_.top()))) {
    if (!(source_events_[next_source_event_].t_ms < t_end_ms)) return false;
    event = source_events_[next_source_event_++];
    return true;
  }
  if (!have_queued || !(queue_.top().t_ms < t_end_ms)) return false;
  event = queue_.top();
  queue_.pop();
  return true;
}

void Simulation::handle_output(PopulationId population, double t_ms) {
  PopulationCounters& counter = counters_.populations[population];
  counter.state_updates += output_.state_updates();
  const NeuronId offset = offsets_[population];
  for (const auto& wakeup : output_.wakeups()) {
    queue_.push(wakeup.t_ms, offset + wakeup.neuron, kWakeupEvent, wakeup.tag);
  }
  const std::span<const std::uint32_t> spikes = output_.spikes();
  if (spikes.empty()) return;
  counter.spikes += spikes.size();
  std::uint32_t* const counts = spike_counts_.data() + offset;
  for (std::uint32_t neuron : spikes)
    ++counts[neuron];
  if (spike_recorder_ != nullptr) {
    for (std::uint32_t neuron : spikes)
      spike_recorder_->record(t_ms, offset + neuron);
  }
  // Projection by projection: the order of pushes changes only between different source
  // neurons, whose ties the source id breaks before the push order does.
  for (ProjectionId id : *outgoing_[population]) {
    const Projection& projection = network_.projection(id);
    for (std::uint32_t neuron : spikes) {
      for (std::uint32_t s = projection.first_segment(neuron); s < projection.last_segment(neuron);
           ++s) {
        queue_.push(t_ms + projection.segment(s).delay_ms, offset + neuron, id, s);
      }
    }
  }
}

void Simulation::sample_membranes_before(double t_ms) {
  MembraneRecorder& recorder = *membrane_recorder_;
  while (!recorder.full() && recorder.next_sample_ms() < t_ms) {
    recorder.take_sample(
        [this](NeuronId neuron, double at_ms) { return membrane_potential(neuron, at_ms); });
  }
}

void Simulation::run_until(double t_end_ms) {
  Event event{};
  while (pop_next_event(t_end_ms, event)) {
    if (membrane_recorder_ != nullptr) sample_membranes_before(event.t_ms);
    now_ms_ = event.t_ms;
    ++counters_.events_processed;
    output_.clear();
    if (event.projection == kWakeupEvent) {
      const PopulationId population = network_.population_of(event.source);
      states_[population]->wake(event.t_ms, event.source - network_.population(population).offset,
                                event.segment, output_);
      handle_output(population, event.t_ms);
      continue;
    }
    const Projection& projection = network_.projection(event.projection);
    const Projection::Segment segment = projection.segment(event.segment);
    const std::uint32_t count = segment.end - segment.begin;
    ProjectionCounters& counter = counters_.projections[event.projection];
    counter.synaptic_events += count;
    ++counter.queue_events;
    const PopulationId post = projection.post_population();
    const bool shared = projection.shared_delivery() &&
                        states_[post]->receive_shared(
                            event.t_ms, projection.shared_weight(),
                            event.source - offsets_[projection.pre_population()], output_);
    if (!shared) {
      states_[post]->receive(event.t_ms, projection.targets().subspan(segment.begin, count),
                             projection.weights().subspan(segment.begin, count), output_);
    }
    handle_output(post, event.t_ms);
  }
  if (membrane_recorder_ != nullptr) sample_membranes_before(t_end_ms);
  now_ms_ = std::max(now_ms_, t_end_ms);
}

std::span<const std::uint32_t> Simulation::spike_counts(PopulationId population) const {
  const PopulationInfo& info = network_.population(population);
  return std::span(spike_counts_).subspan(info.offset, info.size);
}

double Simulation::membrane_potential(NeuronId neuron, double t_ms) const {
  const PopulationId population = network_.population_of(neuron);
  return states_[population]->membrane_potential(neuron - network_.population(population).offset,
                                                 t_ms);
}

}  // namespace sprout::engine
