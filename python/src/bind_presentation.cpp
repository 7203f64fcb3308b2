// The network of `sprout simulate` (784 spike sources -> H LIF neurons with random
// connectivity) and the presentation of images to a network, many in parallel.

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>

#include "array_views.hpp"
#include "bindings.hpp"
#include "counters_dict.hpp"
#include "interruption.hpp"
#include "models/spiking/image_simulation.hpp"
#include "network_handle.hpp"

namespace sprout::python {
namespace {

// Images per call of the library per thread: between two calls the call can stop (a
// Ctrl-C or an exception in `progress` during a call ends it at the end of that call).
// Each call builds one simulation per thread, a few milliseconds for 784 -> 1000: 256
// keeps that below 2 % of the reference workload's time.
constexpr std::size_t kImagesPerThreadBetweenChecks = 256;

std::shared_ptr<NetworkHandle> feedforward_network(
    std::uint32_t inputs, std::uint32_t hidden, double connectivity, double weight_low,
    double weight_high, double input_delay_ms, double tau_m_ms, double v_rest, double v_reset,
    double v_threshold, double refractory_ms, double inhibition_weight, double inhibition_delay_ms,
    bool shared_inhibition, std::uint64_t seed) {
  models::FeedForwardSpec spec;
  spec.inputs = inputs;
  spec.hidden = hidden;
  spec.connectivity = connectivity;
  spec.weight_low = weight_low;
  spec.weight_high = weight_high;
  spec.input_delay_ms = input_delay_ms;
  spec.lif.tau_m_ms = tau_m_ms;
  spec.lif.v_rest = v_rest;
  spec.lif.v_reset = v_reset;
  spec.lif.v_threshold = v_threshold;
  spec.lif.refractory_ms = refractory_ms;
  spec.inhibition_weight = inhibition_weight;
  spec.inhibition_delay_ms = inhibition_delay_ms;
  spec.shared_inhibition = shared_inhibition;
  spec.seed = seed;
  auto handle = std::make_shared<NetworkHandle>();
  {
    py::gil_scoped_release release;
    handle->feedforward = models::build_feedforward(spec);
  }
  handle->lif_groups = {nullptr, handle->feedforward.hidden_group};
  return handle;
}

py::dict present_images(NetworkHandle& handle, const encoders::LabelledImages& images,
                        std::size_t first, std::optional<std::size_t> count,
                        const py::handle& input, const py::handle& output,
                        const std::string& encoder, double max_rate_hz, double duration_ms,
                        std::uint8_t latency_min_pixel, std::uint64_t seed, int threads,
                        std::size_t raster_max_spikes, py::object progress) {
  const std::size_t n = count.value_or(first < images.count ? images.count - first : 0);
  if (first + n > images.count) {
    throw std::invalid_argument(
        fmt::format("count {} from first {} exceeds the {} images", n, first, images.count));
  }
  if (threads < 1) throw std::invalid_argument(fmt::format("threads = {} must be >= 1", threads));
  models::FeedForwardNetwork& net = handle.feedforward;
  net.input = population_id(handle, input);
  net.hidden = population_id(handle, output);
  const auto& input_info = net.network.population(net.input);
  if (!input_info.group->is_spike_source()) {
    throw std::invalid_argument(fmt::format("input: '{}' is not a spike source", input_info.name));
  }
  if (input_info.size < images.pixels_per_image()) {
    throw std::invalid_argument(fmt::format("input: '{}' has {} neurons for {} pixels per image",
                                            input_info.name, input_info.size,
                                            images.pixels_per_image()));
  }
  models::PresentationOptions options;
  options.encoder = {encoders::parse_encoder_kind(encoder), max_rate_hz, duration_ms,
                     latency_min_pixel};
  encoders::validate(options.encoder);
  options.seed = seed;
  options.threads = threads;
  Interruption interruption(std::move(progress));

  models::PresentationResult result;
  {
    py::gil_scoped_release release;
    result.images = n;
    result.hidden = net.network.population(net.hidden).size;
    result.hidden_counts.reserve(n * result.hidden);
    const std::size_t chunk = kImagesPerThreadBetweenChecks * static_cast<std::size_t>(threads);
    for (std::size_t begin = 0; begin < n; begin += chunk) {
      const std::size_t size = std::min(chunk, n - begin);
      std::vector<std::size_t> indices(size);
      std::iota(indices.begin(), indices.end(), first + begin);
      const std::vector<std::uint64_t> ids(indices.begin(), indices.end());
      options.raster_max_spikes = begin == 0 ? raster_max_spikes : 0;
      options.progress = [&](std::size_t done, std::size_t) { interruption.poll(begin + done, n); };
      models::PresentationResult part = models::present_samples(net, images, indices, ids, options);
      interruption.rethrow();
      result.hidden_counts.insert(result.hidden_counts.end(), part.hidden_counts.begin(),
                                  part.hidden_counts.end());
      result.counters += part.counters;
      if (begin == 0) {
        result.first_image_raster = std::move(part.first_image_raster);
        result.first_image_raster_dropped = part.first_image_raster_dropped;
      }
    }
  }
  std::vector<double> raster_t;
  std::vector<std::uint32_t> raster_neuron;
  for (const auto& spike : result.first_image_raster) {
    raster_t.push_back(spike.t_ms);
    raster_neuron.push_back(spike.neuron);
  }
  return py::dict(
      py::arg("images") = n,
      py::arg("hidden_counts") =
          take(std::move(result.hidden_counts),
               {static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(result.hidden)}),
      py::arg("counters") = counters_dict(result.counters),
      py::arg("raster") = py::dict(py::arg("t_ms") = take(std::move(raster_t)),
                                   py::arg("neuron") = take(std::move(raster_neuron)),
                                   py::arg("dropped") = result.first_image_raster_dropped));
}

}  // namespace

void bind_presentation(py::module_& m) {
  m.def("feedforward_network", &feedforward_network, py::kw_only(), py::arg("inputs") = 784,
        py::arg("hidden") = 1000, py::arg("connectivity") = 0.2, py::arg("weight_low") = 0.0,
        py::arg("weight_high") = 0.1, py::arg("input_delay_ms") = 0.0, py::arg("tau_m_ms") = 20.0,
        py::arg("v_rest") = 0.0, py::arg("v_reset") = 0.0, py::arg("v_threshold") = 1.0,
        py::arg("refractory_ms") = 2.0, py::arg("inhibition_weight") = 0.0,
        py::arg("inhibition_delay_ms") = 0.5, py::arg("shared_inhibition") = false,
        py::arg("seed") = 1,
        R"(The network of `sprout simulate` with its options and defaults: populations
'input' (spike sources) and 'hidden' (LIF), projection 'input_to_hidden' (each pair with
probability `connectivity`, weights uniform in [weight_low, weight_high)) and, with
inhibition_weight < 0, 'lateral_inhibition' (all-to-all among the hidden neurons).)");
  m.def("present_images", &present_images, py::arg("network"), py::arg("images"),
        py::arg("first") = 0, py::arg("count") = py::none(), py::kw_only(),
        py::arg("input") = "input", py::arg("output") = "hidden", py::arg("encoder") = "poisson",
        py::arg("max_rate_hz") = 63.75, py::arg("duration_ms") = 350.0,
        py::arg("latency_min_pixel") = 1, py::arg("seed") = 1, py::arg("threads") = 1,
        py::arg("raster_max_spikes") = 0, py::arg("progress") = py::none(),
        R"(Presents images [first, first + count) to the network, one independent trial each,
on `threads` threads, as `sprout simulate` does: image k's input spikes are
encode(image, seed=seed, sample=k) into population `input`. Returns a dict:

  images:        the number presented
  hidden_counts: uint32 (images, neurons of `output`): spikes per image and neuron
  counters:      summed over the images (see Simulation.run)
  raster:        the first image's spikes (t_ms, global neuron id), up to
                 raster_max_spikes (0: none)

The results do not depend on `threads`. progress(done, total) is called now and then;
the GIL is released meanwhile and Ctrl-C stops the call.)");
}

}  // namespace sprout::python
