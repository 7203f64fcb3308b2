#pragma once
// Presents images to a feed-forward network, one independent trial per image, in
// parallel over images: over the ranks of a communicator (MPI), each taking a block of
// the images, and over threads within a rank (OpenMP). Every random stream derives from
// (seed, image index, purpose), so the results are the same on any number of ranks and
// threads.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "distributed/communicator.hpp"
#include "encoders/mnist.hpp"
#include "encoders/spike_encoders.hpp"
#include "engine/counters.hpp"
#include "engine/spike_recorder.hpp"
#include "models/spiking/feedforward_network.hpp"

namespace sprout::models {

struct PresentationOptions {
  encoders::EncoderParameters encoder;  // duration_ms is the presentation time
  std::uint64_t seed = 1;
  int threads = 1;  // per rank
  // The ranks that share the images, every one of them calling with the same arguments;
  // each receives every image's result. Null: this process alone. Ignored when a raster is
  // recorded.
  const distributed::Communicator* communicator = nullptr;
  // Record the raster (inputs and hidden) of the first image, up to this many spikes.
  std::size_t raster_max_spikes = 0;
  // Called now and then from the calling thread with the number of images done (over the
  // ranks: this rank's count scaled to the whole).
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct PresentationResult {
  std::size_t images = 0;
  std::uint32_t hidden = 0;
  std::vector<std::uint32_t> hidden_counts;               // images x hidden, row-major
  engine::SimulationCounters counters;                    // summed over images, in image order
  std::vector<engine::RecordedSpike> first_image_raster;  // sorted by time
  std::uint64_t first_image_raster_dropped = 0;

  [[nodiscard]] std::span<const std::uint32_t> counts_of(std::size_t image) const {
    return std::span(hidden_counts).subspan(image * hidden, hidden);
  }
};

// Presents images [first, first + count) of `images`; image index = sample index for
// the random streams.
[[nodiscard]] PresentationResult present_images(const FeedForwardNetwork& network,
                                                const encoders::LabelledImages& images,
                                                std::size_t first, std::size_t count,
                                                const PresentationOptions& options);

// Presents images[image_indices[k]] as sample sample_ids[k] (the id the random streams
// derive from: unique per presentation, e.g. epoch x N + position).
[[nodiscard]] PresentationResult present_samples(const FeedForwardNetwork& network,
                                                 const encoders::LabelledImages& images,
                                                 std::span<const std::size_t> image_indices,
                                                 std::span<const std::uint64_t> sample_ids,
                                                 const PresentationOptions& options);

}  // namespace sprout::models
