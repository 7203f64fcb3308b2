// The metrics of docs/metrics.md: entropies and mutual information (Miller-Madow with a
// bootstrap interval), I(hidden code; label), I(X;Z) through a variational encoder, the
// synaptic capacity and storage cost, and operations and energy per image. Each returns
// the dict its results files hold.

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <map>
#include <stdexcept>
#include <string>

#include "analysis/energy.hpp"
#include "analysis/information.hpp"
#include "analysis/paper_capacity.hpp"
#include "analysis/synaptic_capacity.hpp"
#include "analysis/variational_information.hpp"
#include "array_views.hpp"
#include "bindings.hpp"
#include "json_objects.hpp"

namespace sprout::python {
namespace {

template <class Value>
py::object as_dict(const Value& value) {
  nlohmann::json out;
  to_json(out, value);
  return to_python(out);
}

analysis::BootstrapOptions bootstrap(std::size_t replicates, double confidence,
                                     std::uint64_t seed) {
  return {replicates, confidence, seed};
}

std::vector<int> symbols(const ArrayArg<std::int64_t>& values) {
  const auto given = span_of(values);
  return {given.begin(), given.end()};
}

analysis::Binning parse_binning(const std::string& name) {
  for (auto binning : {analysis::Binning::kEqualWidth, analysis::Binning::kEqualFrequency,
                       analysis::Binning::kRoundedCapped})
    if (analysis::binning_name(binning) == name) return binning;
  throw std::invalid_argument(
      fmt::format("binning: '{}' is not equal_width, equal_frequency or rounded_capped", name));
}

// Samples x features, as float32.
analysis::SampleMatrix sample_matrix(const ArrayArg<float>& codes, std::string_view name) {
  require_dimensions(codes, 2, name);
  return {span_of(codes), static_cast<std::size_t>(codes.shape(1))};
}

py::object hidden_code_information(const ArrayArg<float>& codes,
                                   const ArrayArg<std::int64_t>& labels, std::size_t bins,
                                   const std::string& binning, std::size_t replicates,
                                   double confidence, std::uint64_t seed) {
  const analysis::SampleMatrix matrix = sample_matrix(codes, "codes");
  const std::vector<int> label_symbols = symbols(labels);
  if (label_symbols.size() != matrix.samples) {
    throw std::invalid_argument(
        fmt::format("labels: {} labels for {} samples", label_symbols.size(), matrix.samples));
  }
  const analysis::HiddenCodeOptions options{bins, parse_binning(binning),
                                            bootstrap(replicates, confidence, seed)};
  analysis::HiddenCodeInformation result;
  {
    py::gil_scoped_release release;
    result = analysis::hidden_code_information(matrix, label_symbols, options);
  }
  return as_dict(result);
}

py::object variational_information(const ArrayArg<float>& train_codes,
                                   const ArrayArg<std::uint8_t>& train_labels,
                                   const ArrayArg<float>& test_codes,
                                   const ArrayArg<std::uint8_t>& test_labels, std::size_t classes,
                                   std::size_t z_dimension, double beta, std::size_t encoder_hidden,
                                   std::size_t epochs, std::size_t batch_size, float learning_rate,
                                   bool standardise, std::uint64_t seed) {
  const analysis::VibSettings settings{z_dimension, beta,          encoder_hidden, epochs,
                                       batch_size,  learning_rate, standardise,    seed};
  const analysis::SampleMatrix train = sample_matrix(train_codes, "train_codes");
  const analysis::SampleMatrix test = sample_matrix(test_codes, "test_codes");
  analysis::VibResult result;
  {
    py::gil_scoped_release release;
    result = analysis::variational_information(train, span_of(train_labels), test,
                                               span_of(test_labels), classes, settings);
  }
  return as_dict(result);
}

py::object energy_report(const std::string& network, const std::string& operation,
                         const std::vector<std::pair<std::string, double>>& layers,
                         double accumulate_pj, double multiply_accumulate_pj) {
  analysis::NetworkOps ops;
  ops.network = network;
  if (operation == analysis::operation_name(analysis::OperationKind::kAccumulate)) {
    ops.kind = analysis::OperationKind::kAccumulate;
  } else if (operation == analysis::operation_name(analysis::OperationKind::kMultiplyAccumulate)) {
    ops.kind = analysis::OperationKind::kMultiplyAccumulate;
  } else {
    throw std::invalid_argument(
        fmt::format("operation: '{}' is not 'accumulate' or 'multiply-accumulate'", operation));
  }
  for (const auto& [name, operations] : layers)
    ops.layers.push_back({name, operations});
  return as_dict(analysis::energy_report(ops, {accumulate_pj, multiply_accumulate_pj}));
}

}  // namespace

void bind_metrics(py::module_& m) {
  m.def(
      "entropy",
      [](const ArrayArg<std::int64_t>& x, std::size_t replicates, double confidence,
         std::uint64_t seed) {
        return as_dict(analysis::entropy(symbols(x), bootstrap(replicates, confidence, seed)));
      },
      py::arg("x"), py::kw_only(), py::arg("replicates") = 200, py::arg("confidence") = 0.95,
      py::arg("seed") = 1,
      R"(H(X) in bits of a sequence of integer symbols: plug-in and Miller-Madow corrected
("bits"), with a percentile bootstrap interval over `replicates` resamples (0: none).)");
  m.def(
      "mutual_information",
      [](const ArrayArg<std::int64_t>& x, const ArrayArg<std::int64_t>& y, std::size_t replicates,
         double confidence, std::uint64_t seed) {
        return as_dict(analysis::mutual_information(symbols(x), symbols(y),
                                                    bootstrap(replicates, confidence, seed)));
      },
      py::arg("x"), py::arg("y"), py::kw_only(), py::arg("replicates") = 200,
      py::arg("confidence") = 0.95, py::arg("seed") = 1,
      "I(X;Y) in bits of paired integer symbols, e.g. predictions and labels (see entropy).");
  m.def("hidden_code_information", &hidden_code_information, py::arg("codes"), py::arg("labels"),
        py::kw_only(), py::arg("bins") = 4, py::arg("binning") = "equal_width",
        py::arg("replicates") = 200, py::arg("confidence") = 0.95, py::arg("seed") = 1,
        R"(I(hidden code; label) of codes (samples x units: spike counts or activations),
discretised per unit into `bins` (binning 'equal_width', 'equal_frequency' or
'rounded_capped' for spike counts): per unit, of the joint code and of the winner.)");
  m.def("variational_information", &variational_information, py::arg("train_codes"),
        py::arg("train_labels"), py::arg("test_codes"), py::arg("test_labels"), py::arg("classes"),
        py::kw_only(), py::arg("z_dimension") = 8, py::arg("beta") = 0.1,
        py::arg("encoder_hidden") = 64, py::arg("epochs") = 100, py::arg("batch_size") = 100,
        py::arg("learning_rate") = 1e-3F, py::arg("standardise") = true, py::arg("seed") = 1,
        R"(I(X;Z) in bits through a variational information bottleneck trained on the
training codes and measured on the test codes (i_xz_bits), as the paper's capacity uses it.)");
  m.def(
      "paper_capacity",
      [](double i_xz_bits, std::size_t nonsilent_input_synapses) {
        analysis::VibResult vib;
        vib.i_xz_bits = i_xz_bits;
        return as_dict(analysis::paper_capacity(vib, nonsilent_input_synapses));
      },
      py::arg("i_xz_bits"), py::arg("nonsilent_input_synapses"),
      "C_S (paper) = I(X;Z) / non-silent input->hidden synapses, in bits per synapse.");
  m.def(
      "synaptic_capacity",
      [](double prediction_information_bits, double label_entropy_bits,
         std::size_t training_samples, std::size_t nonzero_synapses) {
        return as_dict(analysis::synaptic_capacity(prediction_information_bits, label_entropy_bits,
                                                   training_samples, nonzero_synapses));
      },
      py::arg("prediction_information_bits"), py::arg("label_entropy_bits"),
      py::arg("training_samples"), py::arg("nonzero_synapses"),
      "C_S (label): the label information of the outputs per non-zero synapse.");
  m.def(
      "storage_cost",
      [](const ArrayArg<float>& realised_weights, std::size_t potential_synapses,
         std::size_t weight_levels) {
        return as_dict(
            analysis::storage_cost(span_of(realised_weights), potential_synapses, weight_levels));
      },
      py::arg("realised_weights"), py::arg("potential_synapses"), py::arg("weight_levels") = 256,
      "Bits to store realised synapses chosen among potential places, weights quantised.");
  m.def("energy_report", &energy_report, py::arg("network"), py::arg("operation"),
        py::arg("layers"), py::kw_only(), py::arg("accumulate_pj") = 0.9,
        py::arg("multiply_accumulate_pj") = 4.6,
        R"(Energy per image of a network's operations: layers is a list of (name, operations
per image); operation 'accumulate' (SynOps of a spiking network) or
'multiply-accumulate' (MACs of BP). Priced natively and at MAC cost (Horowitz 2014, 45 nm).)");
  m.def(
      "count_layer_macs",
      [](const ArrayArg<float>& weights, const ArrayArg<float>& input_batch) {
        require_dimensions(weights, 2, "weights");
        require_dimensions(input_batch, 2, "input_batch");
        const analysis::MacCounts counts = analysis::count_layer_macs(
            span_of(weights), static_cast<std::size_t>(weights.shape(1)), span_of(input_batch));
        return py::dict(py::arg("dense") = counts.dense,
                        py::arg("nonzero_weights") = counts.nonzero_weights,
                        py::arg("active") = counts.active);
      },
      py::arg("weights"), py::arg("input_batch"),
      R"(MACs per image of a dense layer (weights: outputs x inputs) on input_batch (images x
inputs): dense, skipping zero weights, and also skipping zero inputs.)");
}

}  // namespace sprout::python
