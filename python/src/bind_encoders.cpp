// Spike encoders (images to input spike trains) and Poisson trains of given rates.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "array_views.hpp"
#include "bindings.hpp"
#include "encoders/spike_encoders.hpp"
#include "engine/random_stream.hpp"

namespace sprout::python {
namespace {

py::tuple train_arrays(encoders::SpikeTrain&& train) {
  return py::make_tuple(take(std::move(train.t_ms)), take(std::move(train.neuron)));
}

// Each neuron's Poisson process from exponential intervals; all of them sorted by time
// (ties by neuron).
encoders::SpikeTrain poisson_trains(std::span<const double> rates_hz, double duration_ms,
                                    std::uint64_t seed, std::uint64_t sample) {
  if (!(duration_ms >= 0.0)) {
    throw std::invalid_argument(fmt::format("duration_ms = {} must be >= 0", duration_ms));
  }
  RandomStream random(seed, sample, StreamPurpose::kInputSpikes);
  encoders::SpikeTrain unsorted;
  for (std::size_t n = 0; n < rates_hz.size(); ++n) {
    const double rate_hz = rates_hz[n];
    if (!(rate_hz >= 0.0) || !std::isfinite(rate_hz)) {
      throw std::invalid_argument(
          fmt::format("rates_hz[{}] = {} must be finite and >= 0", n, rate_hz));
    }
    if (rate_hz == 0.0) continue;
    const double mean_isi_ms = 1000.0 / rate_hz;
    for (double t_ms = random.exponential(mean_isi_ms); t_ms < duration_ms;
         t_ms += random.exponential(mean_isi_ms)) {
      unsorted.add(t_ms, static_cast<std::uint32_t>(n));
    }
  }
  std::vector<std::size_t> order(unsorted.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return unsorted.t_ms[a] != unsorted.t_ms[b] ? unsorted.t_ms[a] < unsorted.t_ms[b]
                                                : unsorted.neuron[a] < unsorted.neuron[b];
  });
  encoders::SpikeTrain sorted;
  for (std::size_t k : order)
    sorted.add(unsorted.t_ms[k], unsorted.neuron[k]);
  return sorted;
}

}  // namespace

void bind_encoders(py::module_& m) {
  m.def(
      "encode",
      [](const ArrayArg<std::uint8_t>& image, const std::string& encoder, double max_rate_hz,
         double duration_ms, std::uint8_t latency_min_pixel, std::uint64_t seed,
         std::uint64_t sample) {
        encoders::EncoderParameters parameters{encoders::parse_encoder_kind(encoder), max_rate_hz,
                                               duration_ms, latency_min_pixel};
        encoders::validate(parameters);
        encoders::SpikeTrain train;
        RandomStream random(seed, sample, StreamPurpose::kInputSpikes);
        encoders::encode(span_of(image), parameters, random, train);
        return train_arrays(std::move(train));
      },
      py::arg("image"), py::arg("encoder") = "poisson", py::kw_only(),
      py::arg("max_rate_hz") = 63.75, py::arg("duration_ms") = 350.0,
      py::arg("latency_min_pixel") = 1, py::arg("seed") = 1, py::arg("sample") = 0,
      R"(Encodes one image (uint8 pixels, any shape, read row-major) as input spike trains.

encoder: 'poisson' (rate = max_rate_hz * pixel/255, exact exponential intervals),
'regular' (the same rates, evenly spaced) or 'latency' (one spike per pixel of at least
latency_min_pixel, at duration_ms * (1 - pixel/255)). Returns (t_ms float64, neuron uint32),
input neuron i being pixel i, in time order. The Poisson stream is (seed, sample), the
one `sprout simulate` and present_images use for image `sample`.)");
  m.def(
      "poisson_trains",
      [](const ArrayArg<double>& rates_hz, double duration_ms, std::uint64_t seed,
         std::uint64_t sample) {
        return train_arrays(poisson_trains(span_of(rates_hz), duration_ms, seed, sample));
      },
      py::arg("rates_hz"), py::arg("duration_ms"), py::kw_only(), py::arg("seed") = 1,
      py::arg("sample") = 0,
      R"(Independent Poisson spike trains over [0, duration_ms), one per rate (Hz).

Returns (t_ms float64, neuron uint32) sorted by time, neuron i firing at rates_hz[i].)");
}

}  // namespace sprout::python
