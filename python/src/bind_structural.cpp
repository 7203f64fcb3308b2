// Learning by structural plasticity: the config, the learner (one batch at a time, its
// synapses as arrays, save and load) and the training run of `sprout train`.

#include <fmt/format.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "analysis/structural_run_results.hpp"
#include "array_views.hpp"
#include "bindings.hpp"
#include "config_source.hpp"
#include "counters_dict.hpp"
#include "interruption.hpp"
#include "json_objects.hpp"
#include "models/structural/structural_config.hpp"
#include "models/structural/structural_learner.hpp"
#include "models/structural/training_run.hpp"

namespace sprout::python {
namespace {

using models::StructuralLearner;
using models::TrainingRun;

models::StructuralConfig structural_config(py::handle config) {
  return parse_config(config, models::parse_structural_config);
}

py::dict evaluation_dict(models::EvaluationResult&& result) {
  const auto hidden = static_cast<py::ssize_t>(
      result.images == 0 ? 0 : result.hidden_counts.size() / result.images);
  return py::dict(
      py::arg("images") = result.images, py::arg("correct") = result.correct,
      py::arg("accuracy") = result.accuracy(),
      py::arg("predictions") = take(std::move(result.predictions)),
      py::arg("hidden_counts") =
          take(std::move(result.hidden_counts), {static_cast<py::ssize_t>(result.images), hidden}),
      py::arg("hidden_in_use") = result.hidden_in_use,
      py::arg("counters") = counters_dict(result.counters));
}

py::dict evaluate(const StructuralLearner& learner, const encoders::LabelledImages& images,
                  std::optional<std::size_t> count, py::object progress) {
  Interruption interruption(std::move(progress));
  models::EvaluationResult result;
  {
    py::gil_scoped_release release;
    const auto responses = learner.respond(
        images, count.value_or(images.count),
        [&](std::size_t done, std::size_t total) { interruption.poll(done, total); });
    interruption.rethrow();
    result = learner.classify(responses, images.labels);
  }
  return evaluation_dict(std::move(result));
}

py::dict synapse_arrays(py::object self) {
  const auto& learner = self.cast<const StructuralLearner&>();
  const models::PotentialSynapses& s = learner.synapses();
  const std::vector<py::ssize_t> shape = {static_cast<py::ssize_t>(s.hidden()),
                                          static_cast<py::ssize_t>(s.inputs())};
  const auto states = s.states();
  const std::span<const std::uint8_t> state_bytes(
      reinterpret_cast<const std::uint8_t*>(states.data()), states.size());
  const models::SynapseCounts counts = s.counts();
  return py::dict(py::arg("state") = view(state_bytes, self, shape),
                  py::arg("weight") = view(s.weights(), self, shape),
                  py::arg("trace") = view(s.traces(), self, shape),
                  py::arg("age") = view(s.ages(), self, shape),
                  py::arg("potential") = counts.potential, py::arg("realised") = counts.realised,
                  py::arg("silent") = counts.silent, py::arg("consolidated") = counts.consolidated);
}

// A TrainingRun with the data it trains on (kept alive) and its final evaluations.
struct RunHandle {
  std::unique_ptr<TrainingRun> run;
  py::object data;  // the sprout.Mnist the run reads
  analysis::RunSource source;
  std::optional<analysis::FinalEvaluations> final;
};

// Reports a run's passes, progress and epochs to a Python callable as dicts, and stops it
// on Ctrl-C.
class PythonObserver final : public models::TrainingObserver {
 public:
  explicit PythonObserver(Interruption& interruption) : interruption_(interruption) {}

  void pass_started(std::string_view name, std::size_t images) override {
    name_ = name;
    images_ = images;
    report([&] {
      return py::dict(py::arg("event") = "pass", py::arg("name") = name_,
                      py::arg("images") = images_);
    });
  }
  void pass_progress(std::size_t done, const models::BatchProgress* batch) override {
    report([&] {
      py::dict event(py::arg("event") = "progress", py::arg("name") = name_, py::arg("done") = done,
                     py::arg("images") = images_);
      if (batch != nullptr) {
        event["running_accuracy"] = batch->running_accuracy;
        event["realised"] = batch->realised;
      }
      return event;
    });
  }
  void pass_finished() override {
    report([&] { return py::dict(py::arg("event") = "pass_finished", py::arg("name") = name_); });
  }
  void epoch_finished(const models::EpochRecord& record) override {
    report([&] {
      return py::dict(py::arg("event") = "epoch", py::arg("record") = to_python(to_json(record)));
    });
  }

 private:
  template <class Event>
  void report(Event&& event) {
    if (!interruption_.has_progress()) {
      interruption_.poll();
      return;
    }
    interruption_.poll_with([&] { return py::make_tuple(event()); });
  }

  Interruption& interruption_;
  std::string name_;
  std::size_t images_ = 0;
};

RunHandle make_run(py::handle config, py::object data, const std::string& data_dir) {
  const ConfigSource given = config_source(config);
  const models::StructuralConfig parsed =
      models::parse_structural_config(given.document, given.source);
  const auto& mnist = data.cast<const encoders::Mnist&>();
  RunHandle handle{nullptr, data, {given.file, data_dir}, {}};
  {
    py::gil_scoped_release release;
    handle.run = std::make_unique<TrainingRun>(parsed, mnist);
  }
  return handle;
}

RunHandle resume_run(const std::filesystem::path& checkpoint, py::object data,
                     std::optional<std::size_t> epochs, std::optional<int> threads,
                     const std::string& data_dir) {
  const auto& mnist = data.cast<const encoders::Mnist&>();
  RunHandle handle{nullptr, data, {checkpoint.string(), data_dir}, {}};
  {
    py::gil_scoped_release release;
    handle.run =
        std::make_unique<TrainingRun>(TrainingRun::resume(checkpoint, mnist, epochs, threads));
  }
  return handle;
}

// checkpoint None: none saved (a default path() would reach Python as Path('.')).
void run_epochs(RunHandle& handle, py::object progress,
                const std::optional<std::filesystem::path>& checkpoint) {
  Interruption interruption(std::move(progress));
  PythonObserver observer(interruption);
  py::gil_scoped_release release;
  handle.run->run(observer, checkpoint.value_or(std::filesystem::path()));
  interruption.rethrow();
}

py::object run_results(const RunHandle& handle) {
  const auto results = analysis::structural_run_results(*handle.run, handle.source,
                                                        handle.final ? &*handle.final : nullptr);
  return to_python(results.to_json());
}

py::object finish(RunHandle& handle, std::optional<std::size_t> measures_train_limit,
                  py::object progress) {
  Interruption interruption(std::move(progress));
  PythonObserver observer(interruption);
  {
    py::gil_scoped_release release;
    TrainingRun& run = *handle.run;
    const std::size_t measured =
        std::min(measures_train_limit.value_or(run.split().train), run.split().train);
    analysis::FinalEvaluations final{run.final_test(observer), {}};
    final.train = run.final_train(observer, measured);
    interruption.rethrow();
    handle.final = std::move(final);
  }
  return run_results(handle);
}

void bind_learner(py::module_& m) {
  py::class_<StructuralLearner>(m, "StructuralLearner",
                                R"(The structural-plasticity learner of a 784 -> H spiking network.

StructuralLearner(config, inputs=784): config is a dict (keys of docs/model.md; missing
keys take their defaults) or the path of a config file. Potential synapses grow,
consolidate and are eliminated; hidden neurons compete through lateral inhibition and
learn by competitive Hebbian learning with homeostatic thresholds; a rate readout learns
by perturbation. synapses() and thresholds show its state as read-only arrays without a
copy; save() and load() use the network file of `sprout train` and `sprout eval`.)")
      .def(py::init([](py::handle config, std::size_t inputs) {
             return StructuralLearner(structural_config(config), inputs);
           }),
           py::arg("config") = py::none(), py::arg("inputs") = 784)
      .def_static(
          "load",
          [](const std::filesystem::path& path) {
            py::gil_scoped_release release;
            return StructuralLearner::load(path);
          },
          py::arg("path"), "Loads a network file (network.bin or checkpoint.bin).")
      .def(
          "save",
          [](const StructuralLearner& learner, const std::filesystem::path& path) {
            py::gil_scoped_release release;
            learner.save(path);
          },
          py::arg("path"), "Writes the network file (as `sprout train` writes network.bin).")
      .def_property_readonly(
          "config", [](const StructuralLearner& l) { return to_python(to_json(l.config())); },
          "The effective config (every key, scaling rules applied) as a dict.")
      .def(
          "train_batch",
          [](StructuralLearner& learner, const encoders::LabelledImages& images,
             const ArrayArg<std::size_t>& indices, std::uint64_t first_sample_id) {
            models::BatchStats stats;
            {
              py::gil_scoped_release release;
              stats = learner.train_batch(images, span_of(indices), first_sample_id);
            }
            return py::dict(py::arg("samples") = stats.samples, py::arg("correct") = stats.correct,
                            py::arg("synaptic_events") = stats.synaptic_events,
                            py::arg("consolidated") = stats.structure.consolidated,
                            py::arg("deconsolidated") = stats.structure.deconsolidated,
                            py::arg("eliminated") = stats.structure.eliminated,
                            py::arg("grown") = stats.structure.grown);
          },
          py::arg("images"), py::arg("indices"), py::arg("first_sample_id"),
          R"(One mini-batch: images[indices[k]] presented as sample first_sample_id + k (sample
ids seed the batch's random streams), simulated in parallel on the network as it was at
the batch's start, then the learning updates applied in order. Returns the batch's
counts: samples, correct (readout before its update), synaptic_events and the structural
changes.)")
      .def("evaluate", &evaluate, py::arg("images"), py::arg("count") = py::none(), py::kw_only(),
           py::arg("progress") = py::none(),
           R"(Classifies images [0, count) without learning. Returns images, correct, accuracy,
predictions (uint32), hidden_counts (uint32, images x hidden), hidden_in_use and
counters. progress(done, total) is called now and then; Ctrl-C stops the call.)")
      .def("synapses", &synapse_arrays,
           R"(The potential synapses, hidden x inputs (row j: neuron j's synapses from each
input), as read-only views: state (uint8: 0 not potential, 1 absent, 2 silent,
3 consolidated), weight (float32), trace (float32), age (uint16, batches); and the counts
potential, realised, silent, consolidated.)")
      .def_property_readonly(
          "thresholds",
          [](py::object self) {
            return view(self.cast<const StructuralLearner&>().thresholds(), self);
          },
          "float64 read-only view: each hidden neuron's threshold.")
      .def_property_readonly(
          "readout_weights",
          [](py::object self) {
            const auto& readout = self.cast<const StructuralLearner&>().readout();
            return view(readout.weights(), self,
                        {static_cast<py::ssize_t>(readout.classes()),
                         static_cast<py::ssize_t>(readout.inputs())});
          },
          "float32 read-only view (classes, hidden).")
      .def_property_readonly(
          "readout_biases",
          [](py::object self) {
            return view(self.cast<const StructuralLearner&>().readout().biases(), self);
          },
          "float32 read-only view (classes,).")
      .def_property_readonly("network_revision", &StructuralLearner::network_revision)
      .def_property_readonly("features_frozen", &StructuralLearner::features_frozen)
      .def("set_epoch", &StructuralLearner::set_epoch, py::arg("epoch"),
           "The epoch (from 0) of the following batches: sets the learning-rate schedule.")
      .def("set_threads", &StructuralLearner::set_threads, py::arg("threads"),
           "Threads of later batches and evaluations (the results do not depend on it).");
}

void bind_training_run(py::module_& m) {
  py::class_<RunHandle>(m, "TrainingRun", R"(The training loop of `sprout train` on MNIST.

TrainingRun(config, data): config is a dict or a config file's path, data a sprout.Mnist
loaded with the config's classes (load_mnist(folder, classes)). run() trains the epochs,
finish() measures the final network and returns the results as `sprout train` writes them
to results.json; learner is the network (learner.save(path) writes network.bin).)")
      .def(py::init(&make_run), py::arg("config"), py::arg("data"), py::kw_only(),
           py::arg("data_dir") = "")
      .def_static("resume", &resume_run, py::arg("checkpoint"), py::arg("data"), py::kw_only(),
                  py::arg("epochs") = py::none(), py::arg("threads") = py::none(),
                  py::arg("data_dir") = "",
                  "The run saved in a checkpoint, to be continued to `epochs` epochs in all.")
      .def("run", &run_epochs, py::arg("progress") = py::none(), py::arg("checkpoint") = py::none(),
           R"(Trains the remaining epochs, saving a checkpoint after each if a path is given.

progress(event) receives dicts: {"event": "pass", "name", "images"} when a pass over
images starts, {"event": "progress", "name", "done", "images"[, "running_accuracy",
"realised"]} now and then, {"event": "pass_finished", "name"} and {"event": "epoch",
"record": {...}} (the epoch's entry of results.json). The GIL is released meanwhile;
Ctrl-C raises KeyboardInterrupt (resume from the last checkpoint).)")
      .def("finish", &finish, py::arg("measures_train_limit") = py::none(), py::kw_only(),
           py::arg("progress") = py::none(),
           R"(Measures the final network on the test set and on the first
measures_train_limit training images (default: all it trained on) and returns the
results, as `sprout train` writes them to results.json.)")
      .def("results", &run_results, "The results so far (the final ones after finish()).")
      .def_property_readonly(
          "learner",
          [](const RunHandle& h) -> const StructuralLearner& { return h.run->learner(); },
          py::return_value_policy::reference_internal)
      .def_property_readonly("config",
                             [](const RunHandle& h) { return to_python(to_json(h.run->config())); })
      .def_property_readonly("epochs",
                             [](const RunHandle& h) {
                               py::list out;
                               for (const auto& record : h.run->epochs())
                                 out.append(to_python(to_json(record)));
                               return out;
                             })
      .def_property_readonly("split", [](const RunHandle& h) {
        const auto& s = h.run->split();
        return py::dict(py::arg("train") = s.train, py::arg("validation") = s.validation,
                        py::arg("test") = s.test);
      });
}

}  // namespace

void bind_structural(py::module_& m) {
  m.def(
      "structural_config",
      [](py::handle config) { return to_python(to_json(structural_config(config))); },
      py::arg("config") = py::none(),
      R"(The effective structural config of a dict or config file (None: the defaults),
every key present and checked as `sprout train` checks it.)");
  bind_learner(m);
  bind_training_run(m);
}

}  // namespace sprout::python
