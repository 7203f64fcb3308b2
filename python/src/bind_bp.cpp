// The backpropagation reference: its config, training and evaluation (`sprout bp`).

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <optional>
#include <string>

#include "analysis/bp_report.hpp"
#include "array_views.hpp"
#include "bindings.hpp"
#include "config_source.hpp"
#include "interruption.hpp"
#include "json_objects.hpp"
#include "models/bp/bp_training.hpp"
#include "models/bp/mlp_weights_file.hpp"

namespace sprout::python {
namespace {

models::BpConfig bp_config(py::handle config) {
  return parse_config(config, [](const nlohmann::json& document, std::string_view source) {
    models::BpConfig parsed = models::parse_bp_config(document, source);
    models::check_bp_config(parsed, source);
    return parsed;
  });
}

// Each layer's weights (outputs x inputs) and biases, taking pixel/255 as `sprout bp`'s
// weights.bin does (the input scaling folded into the first layer).
py::list layer_arrays(const models::Mlp& network) {
  py::list layers;
  for (const models::DenseLayer& layer : network.layers()) {
    const models::RowMatrix& w = layer.weights;
    std::vector<float> weights(w.data(), w.data() + w.size());
    std::vector<float> bias(layer.bias.data(), layer.bias.data() + layer.bias.size());
    layers.append(py::dict(
        py::arg("weights") = take(std::move(weights), {static_cast<py::ssize_t>(w.rows()),
                                                       static_cast<py::ssize_t>(w.cols())}),
        py::arg("bias") = take(std::move(bias))));
  }
  return layers;
}

py::tuple run_bp(py::handle config, const std::filesystem::path& data_dir,
                 const std::optional<std::filesystem::path>& weights_file, py::object progress) {
  const models::BpConfig parsed = bp_config(config);
  Interruption interruption(std::move(progress));
  std::optional<models::BpData> data;
  std::optional<models::BpRun> run;
  std::optional<models::Mlp> folded;
  {
    py::gil_scoped_release release;
    data.emplace(models::load_bp_data(parsed, data_dir));
    models::BpProgress observers;
    observers.batch = [&](std::size_t done, std::size_t total) { interruption.poll(done, total); };
    run.emplace(models::run_bp(parsed, *data, observers));
    interruption.rethrow();
    folded.emplace(run->network);
    models::fold_input_scaling(*folded, data->scaling.offset, data->scaling.scale);
    if (weights_file) models::write_mlp_weights(*weights_file, *folded);
  }
  const std::string weights_name = weights_file ? weights_file->filename().string() : "";
  const results::BpResults results =
      analysis::bp_run_results(*run, parsed, *data, {"bp", weights_name, ""});
  return py::make_tuple(to_python(results.to_json()), layer_arrays(*folded));
}

}  // namespace

void bind_bp(py::module_& m) {
  m.def(
      "bp_config", [](py::handle config) { return to_python(to_json(bp_config(config))); },
      py::arg("config") = py::none(),
      R"(The effective BP config of a dict or config file (None: the defaults), checked as
`sprout bp` checks it.)");
  m.def("run_bp", &run_bp, py::arg("config"), py::arg("data_dir"), py::kw_only(),
        py::arg("weights_file") = py::none(), py::arg("progress") = py::none(),
        R"(Trains and evaluates the BP reference (`sprout bp`) on the MNIST files of data_dir.

config: a dict (keys of docs/bp.md) or a config file's path. Returns (results, layers):
results as `sprout bp` writes results.json, layers a list of {"weights": float32
(outputs, inputs), "bias": float32} taking pixel/255 as input. weights_file: also write
them as `sprout bp`'s weights.bin. progress(done, total) sees the training samples of each
epoch; the GIL is released meanwhile and Ctrl-C stops the call.)");
}

}  // namespace sprout::python
