#include "models/spiking/image_simulation.hpp"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "engine/random_stream.hpp"
#include "engine/simulation.hpp"

namespace sprout::models {

PresentationResult present_images(const FeedForwardNetwork& net,
                                  const encoders::LabelledImages& images, std::size_t first,
                                  std::size_t count, const PresentationOptions& options) {
  if (first + count > images.count) {
    throw std::invalid_argument("present_images: image range beyond the data set");
  }
  std::vector<std::size_t> indices(count);
  std::vector<std::uint64_t> ids(count);
  for (std::size_t k = 0; k < count; ++k)
    ids[k] = indices[k] = first + k;
  return present_samples(net, images, indices, ids, options);
}

namespace {

// The counters as one list of integers, in a fixed order, for summing over the ranks.
std::vector<std::uint64_t> flatten(const engine::SimulationCounters& counters,
                                   std::size_t projections, std::size_t populations) {
  engine::SimulationCounters sized = counters;
  sized.projections.resize(projections);
  sized.populations.resize(populations);
  std::vector<std::uint64_t> flat;
  for (const auto& p : sized.projections) {
    flat.push_back(p.synaptic_events);
    flat.push_back(p.queue_events);
  }
  for (const auto& p : sized.populations) {
    flat.push_back(p.spikes);
    flat.push_back(p.state_updates);
  }
  flat.push_back(sized.events_processed);
  return flat;
}

engine::SimulationCounters unflatten(std::span<const std::uint64_t> flat, std::size_t projections,
                                     std::size_t populations) {
  engine::SimulationCounters counters;
  counters.projections.resize(projections);
  counters.populations.resize(populations);
  std::size_t at = 0;
  for (auto& p : counters.projections) {
    p.synaptic_events = flat[at++];
    p.queue_events = flat[at++];
  }
  for (auto& p : counters.populations) {
    p.spikes = flat[at++];
    p.state_updates = flat[at++];
  }
  counters.events_processed = flat[at];
  return counters;
}

// This rank presents its block of the samples; the ranks then exchange the hidden counts
// (gathered in rank order, which is sample order) and sum the counters. The result is the
// one process's, bit for bit: counts are per sample and counter sums are integer.
PresentationResult present_distributed(const FeedForwardNetwork& net,
                                       const encoders::LabelledImages& images,
                                       std::span<const std::size_t> image_indices,
                                       std::span<const std::uint64_t> sample_ids,
                                       const PresentationOptions& options) {
  const distributed::Communicator& ranks = *options.communicator;
  const std::size_t count = image_indices.size();
  const distributed::Block block = distributed::block_of(count, ranks.rank(), ranks.size());
  PresentationOptions local = options;
  local.communicator = nullptr;
  if (options.progress) {
    local.progress = [&](std::size_t done, std::size_t) {
      options.progress(std::min(count, done * count / std::max<std::size_t>(1, block.count)),
                       count);
    };
  }
  const PresentationResult mine =
      present_samples(net, images, image_indices.subspan(block.first, block.count),
                      sample_ids.subspan(block.first, block.count), local);
  const std::size_t projections = net.network.projections().size();
  const std::size_t populations = net.network.populations().size();
  PresentationResult result;
  result.images = count;
  result.hidden = mine.hidden;
  result.hidden_counts = ranks.all_gather(std::span<const std::uint32_t>(mine.hidden_counts));
  result.counters = unflatten(ranks.sum(flatten(mine.counters, projections, populations)),
                              projections, populations);
  return result;
}

}  // namespace

PresentationResult present_samples(const FeedForwardNetwork& net,
                                   const encoders::LabelledImages& images,
                                   std::span<const std::size_t> image_indices,
                                   std::span<const std::uint64_t> sample_ids,
                                   const PresentationOptions& options) {
  const std::size_t count = image_indices.size();
  if (sample_ids.size() != count) {
    throw std::invalid_argument("present_samples: image indices and sample ids differ in size");
  }
  for (std::size_t index : image_indices) {
    if (index >= images.count)
      throw std::invalid_argument("present_samples: image index out of range");
  }
  encoders::validate(options.encoder);
  if (options.communicator != nullptr && options.communicator->size() > 1 &&
      options.raster_max_spikes == 0) {
    return present_distributed(net, images, image_indices, sample_ids, options);
  }
  const std::uint32_t hidden = net.network.population(net.hidden).size;
  PresentationResult result;
  result.images = count;
  result.hidden = hidden;
  result.hidden_counts.assign(count * hidden, 0);
  std::vector<engine::SimulationCounters> per_image(count);
  std::atomic<std::size_t> done{0};
  const int threads = std::max(1, options.threads);

#pragma omp parallel num_threads(threads)
  {
    engine::Simulation simulation(net.network);
    encoders::SpikeTrain train;
    engine::SpikeRecorder recorder(options.raster_max_spikes);
#pragma omp for schedule(dynamic, 1)
    for (std::size_t k = 0; k < count; ++k) {
      const std::uint64_t sample = sample_ids[k];
      const bool record = k == 0 && options.raster_max_spikes > 0;
      simulation.set_spike_recorder(record ? &recorder : nullptr);
      simulation.start_trial(options.seed, sample);
      RandomStream input_random(options.seed, sample, StreamPurpose::kInputSpikes);
      train.clear();
      encoders::encode(images.image(image_indices[k]), options.encoder, input_random, train);
      simulation.add_source_spikes(net.input, train.t_ms, train.neuron);
      simulation.run_until(options.encoder.duration_ms);
      const auto counts = simulation.spike_counts(net.hidden);
      std::copy(counts.begin(), counts.end(), result.hidden_counts.begin() + k * hidden);
      per_image[k] = simulation.counters();
      if (record) {
        result.first_image_raster = recorder.sorted();
        result.first_image_raster_dropped = recorder.dropped();
      }
      const std::size_t finished = ++done;
      if (options.progress && omp_get_thread_num() == 0) options.progress(finished, count);
    }
  }
  for (const auto& counters : per_image)
    result.counters += counters;
  return result;
}

}  // namespace sprout::models
