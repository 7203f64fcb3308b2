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
