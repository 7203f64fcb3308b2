// Networks of populations (spike sources, LIF groups) and projections, from arrays of
// synapses or from connection rules.

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "array_views.hpp"
#include "bindings.hpp"
#include "engine/random_stream.hpp"
#include "network_handle.hpp"

namespace sprout::python {

engine::PopulationId population_id(const NetworkHandle& handle, py::handle population) {
  const engine::Network& network = handle.network();
  if (py::isinstance<py::str>(population))
    return network.find_population(population.cast<std::string>());
  const auto id = population.cast<std::int64_t>();
  if (id < 0 || static_cast<std::size_t>(id) >= network.populations().size())
    throw std::invalid_argument(fmt::format("no population {}", id));
  return static_cast<engine::PopulationId>(id);
}

engine::ProjectionId projection_id(const NetworkHandle& handle, py::handle projection) {
  const engine::Network& network = handle.network();
  if (py::isinstance<py::str>(projection)) {
    const auto name = projection.cast<std::string>();
    for (std::size_t p = 0; p < network.projections().size(); ++p)
      if (network.projections()[p].name() == name) return static_cast<engine::ProjectionId>(p);
    throw std::invalid_argument(fmt::format("no projection named '{}'", name));
  }
  const auto id = projection.cast<std::int64_t>();
  if (id < 0 || static_cast<std::size_t>(id) >= network.projections().size())
    throw std::invalid_argument(fmt::format("no projection {}", id));
  return static_cast<engine::ProjectionId>(id);
}

namespace {

using Handle = std::shared_ptr<NetworkHandle>;

struct Endpoints {
  engine::PopulationId pre;
  engine::PopulationId post;
  std::uint32_t pre_size;
  std::uint32_t post_size;
  std::string name;
};

Endpoints endpoints(const NetworkHandle& handle, py::handle pre, py::handle post,
                    const std::string& name) {
  Endpoints e{population_id(handle, pre), population_id(handle, post), 0, 0, name};
  const auto& pre_info = handle.network().population(e.pre);
  const auto& post_info = handle.network().population(e.post);
  e.pre_size = pre_info.size;
  e.post_size = post_info.size;
  if (e.name.empty()) e.name = pre_info.name + "_to_" + post_info.name;
  return e;
}

engine::ProjectionId add(NetworkHandle& handle, const Endpoints& e,
                         std::vector<engine::SynapseSpec> synapses,
                         std::optional<double> uniform_delay_ms, bool shared_delivery = false) {
  engine::Projection projection(e.name, e.pre, e.post, e.pre_size, e.post_size, std::move(synapses),
                                uniform_delay_ms);
  if (shared_delivery) projection.enable_shared_delivery();
  return handle.network().add_projection(std::move(projection));
}

// delay_ms: one number for every synapse, or one per synapse.
engine::ProjectionId connect(NetworkHandle& handle, py::handle pre, py::handle post,
                             const ArrayArg<std::uint32_t>& pre_index,
                             const ArrayArg<std::uint32_t>& post_index,
                             const ArrayArg<float>& weight, py::handle delay_ms,
                             const std::string& name) {
  const Endpoints e = endpoints(handle, pre, post, name);
  const std::size_t n = static_cast<std::size_t>(pre_index.size());
  if (static_cast<std::size_t>(post_index.size()) != n) {
    throw std::invalid_argument(
        fmt::format("post_index: {} values for {} pre_index values", post_index.size(), n));
  }
  if (weight.size() != 1 && static_cast<std::size_t>(weight.size()) != n) {
    throw std::invalid_argument(
        fmt::format("weight: {} values for {} synapses (give one or one each)", weight.size(), n));
  }
  std::optional<double> uniform_delay_ms;
  std::optional<ArrayArg<float>> delays;
  if (py::isinstance<py::float_>(delay_ms) || py::isinstance<py::int_>(delay_ms)) {
    uniform_delay_ms = delay_ms.cast<double>();
  } else {
    delays = delay_ms.cast<ArrayArg<float>>();
    if (static_cast<std::size_t>(delays->size()) != n) {
      throw std::invalid_argument(fmt::format(
          "delay_ms: {} values for {} synapses (give one or one each)", delays->size(), n));
    }
  }
  const auto pre_values = span_of(pre_index);
  const auto post_values = span_of(post_index);
  const auto weights = span_of(weight);
  std::vector<engine::SynapseSpec> synapses(n);
  for (std::size_t k = 0; k < n; ++k) {
    synapses[k] = {pre_values[k], post_values[k], weights[weights.size() == 1 ? 0 : k],
                   delays ? delays->data()[k] : 0.0f};
  }
  return add(handle, e, std::move(synapses), uniform_delay_ms);
}

// The rule of models::build_feedforward's input projection, with the same streams: a
// network built with it from the same seed has the same synapses.
engine::ProjectionId connect_random(NetworkHandle& handle, py::handle pre, py::handle post,
                                    double p, double weight_low, double weight_high,
                                    double delay_ms, std::uint64_t seed, const std::string& name) {
  if (!(p >= 0.0 && p <= 1.0))
    throw std::invalid_argument(fmt::format("p = {} must be in [0, 1]", p));
  if (!(weight_low <= weight_high)) {
    throw std::invalid_argument(
        fmt::format("weight_low = {} must be <= weight_high = {}", weight_low, weight_high));
  }
  const Endpoints e = endpoints(handle, pre, post, name);
  RandomStream connect(seed, 0, StreamPurpose::kConnectivity);
  RandomStream weigh(seed, 0, StreamPurpose::kInitialWeights);
  std::vector<engine::SynapseSpec> synapses;
  for (std::uint32_t i = 0; i < e.pre_size; ++i) {
    for (std::uint32_t j = 0; j < e.post_size; ++j) {
      if (connect.uniform() < p)
        synapses.push_back(
            {i, j, static_cast<float>(weigh.uniform(weight_low, weight_high)), 0.0f});
    }
  }
  return add(handle, e, std::move(synapses), delay_ms);
}

engine::ProjectionId connect_all_to_all(NetworkHandle& handle, py::handle pre, py::handle post,
                                        float weight, double delay_ms, bool self_connections,
                                        bool shared_delivery, const std::string& name) {
  const Endpoints e = endpoints(handle, pre, post, name);
  const bool skip_self = e.pre == e.post && !self_connections;
  std::vector<engine::SynapseSpec> synapses;
  synapses.reserve(static_cast<std::size_t>(e.pre_size) * e.post_size);
  for (std::uint32_t i = 0; i < e.pre_size; ++i)
    for (std::uint32_t j = 0; j < e.post_size; ++j)
      if (!(skip_self && i == j)) synapses.push_back({i, j, weight, 0.0f});
  return add(handle, e, std::move(synapses), delay_ms, shared_delivery);
}

engine::ProjectionId connect_one_to_one(NetworkHandle& handle, py::handle pre, py::handle post,
                                        float weight, double delay_ms, const std::string& name) {
  const Endpoints e = endpoints(handle, pre, post, name);
  if (e.pre_size != e.post_size) {
    throw std::invalid_argument(fmt::format("one-to-one '{}': {} pre and {} post neurons", e.name,
                                            e.pre_size, e.post_size));
  }
  std::vector<engine::SynapseSpec> synapses;
  for (std::uint32_t i = 0; i < e.pre_size; ++i)
    synapses.push_back({i, i, weight, 0.0f});
  return add(handle, e, std::move(synapses), delay_ms);
}

models::LifGroup& lif_group(NetworkHandle& handle, py::handle population) {
  const engine::PopulationId id = population_id(handle, population);
  if (id >= handle.lif_groups.size() || !handle.lif_groups[id]) {
    throw std::invalid_argument(
        fmt::format("population '{}' is not a LIF group", handle.network().population(id).name));
  }
  return *handle.lif_groups[id];
}

}  // namespace

void bind_network(py::module_& m) {
  py::class_<NetworkHandle, Handle>(m, "Network",
                                    R"(Populations of neurons and the projections between them.

Populations are spike sources (their spikes are given to each trial) or LIF groups
(exact event-driven leaky integrate-and-fire, voltage-jump synapses). Projections hold
their synapses in rows by presynaptic neuron; weights(p) is a writable view of a
projection's weights in that order (sources(p), targets(p) and delays_ms(p) give each
synapse's ends and delay). Populations and projections are referred to by id or name.)")
      .def(py::init([] { return std::make_shared<NetworkHandle>(); }))
      .def(
          "add_spike_source",
          [](NetworkHandle& h, const std::string& name, std::uint32_t size) {
            const auto id =
                h.network().add_population(name, std::make_shared<engine::SpikeSourceGroup>(size));
            h.lif_groups.resize(id + 1);
            return id;
          },
          py::arg("name"), py::arg("size"),
          "Adds a population whose spikes each trial gives; returns its id.")
      .def(
          "add_lif",
          [](NetworkHandle& h, const std::string& name, std::uint32_t size, double tau_m_ms,
             double v_rest, double v_reset, double v_threshold, double refractory_ms,
             double v_init_low, double v_init_high) {
            const models::LifParameters parameters{
                tau_m_ms, v_rest, v_reset, v_threshold, refractory_ms, v_init_low, v_init_high};
            models::validate(parameters);
            auto group = std::make_shared<models::LifGroup>(size, parameters);
            const auto id = h.network().add_population(name, group);
            h.lif_groups.resize(id + 1);
            h.lif_groups[id] = std::move(group);
            return id;
          },
          py::arg("name"), py::arg("size"), py::kw_only(), py::arg("tau_m_ms") = 20.0,
          py::arg("v_rest") = 0.0, py::arg("v_reset") = 0.0, py::arg("v_threshold") = 1.0,
          py::arg("refractory_ms") = 2.0, py::arg("v_init_low") = 0.0, py::arg("v_init_high") = 0.0,
          R"(Adds LIF neurons: tau_m dv/dt = -(v - v_rest); v += w per input spike; at
v >= v_threshold a spike, v = v_reset, inputs ignored for refractory_ms. tau_m_ms=inf is
the non-leaky IF neuron. Each trial starts at v uniform in [v_init_low, v_init_high].
Returns the population's id.)")
      .def("connect", &connect, py::arg("pre"), py::arg("post"), py::arg("pre_index"),
           py::arg("post_index"), py::arg("weight"), py::arg("delay_ms") = 0.0, py::kw_only(),
           py::arg("name") = "",
           R"(Adds a projection with the given synapses: synapse k from neuron pre_index[k]
of `pre` to post_index[k] of `post` with weight[k] (a voltage jump) and delay_ms[k].
weight and delay_ms may be one number for all. Returns the projection's id.)")
      .def("connect_random", &connect_random, py::arg("pre"), py::arg("post"), py::arg("p"),
           py::kw_only(), py::arg("weight_low") = 0.0, py::arg("weight_high") = 0.1,
           py::arg("delay_ms") = 0.0, py::arg("seed") = 1, py::arg("name") = "",
           R"(Adds a projection in which each (pre, post) pair is connected with probability p,
weights uniform in [weight_low, weight_high); the random streams of `sprout simulate`'s
input projection, so the same seed gives its synapses. Returns the projection's id.)")
      .def("connect_all_to_all", &connect_all_to_all, py::arg("pre"), py::arg("post"),
           py::arg("weight"), py::arg("delay_ms") = 0.0, py::kw_only(),
           py::arg("self_connections") = false, py::arg("shared_delivery") = false,
           py::arg("name") = "",
           R"(Adds a projection from every pre to every post neuron (within one population,
no self-connections unless asked). shared_delivery (one weight <= 0, no self-connections:
lateral inhibition) delivers each spike as one shared event, with the same dynamics.)")
      .def("connect_one_to_one", &connect_one_to_one, py::arg("pre"), py::arg("post"),
           py::arg("weight"), py::arg("delay_ms") = 0.0, py::kw_only(), py::arg("name") = "",
           "Adds a projection from neuron i of `pre` to neuron i of `post`.")
      .def_property_readonly(
          "populations",
          [](const NetworkHandle& h) {
            py::list out;
            for (const auto& info : h.network().populations()) {
              out.append(py::dict(py::arg("name") = info.name,
                                  py::arg("model") = std::string(info.group->model_name()),
                                  py::arg("offset") = info.offset, py::arg("size") = info.size));
            }
            return out;
          },
          "Per population id: name, model, offset (global id of its first neuron), size.")
      .def_property_readonly(
          "projections",
          [](const NetworkHandle& h) {
            py::list out;
            for (const auto& p : h.network().projections()) {
              out.append(py::dict(py::arg("name") = p.name(), py::arg("pre") = p.pre_population(),
                                  py::arg("post") = p.post_population(),
                                  py::arg("synapses") = p.synapse_count(),
                                  py::arg("shared_delivery") = p.shared_delivery()));
            }
            return out;
          },
          "Per projection id: name, pre and post population ids, synapses, shared_delivery.")
      .def_property_readonly("neuron_count",
                             [](const NetworkHandle& h) { return h.network().neuron_count(); })
      .def(
          "population", [](const NetworkHandle& h, py::handle p) { return population_id(h, p); },
          py::arg("population"), "The id of a population given by name (or id).")
      .def(
          "weights",
          [](py::object self, py::handle projection) {
            auto& h = self.cast<NetworkHandle&>();
            return view(
                h.network().mutable_projection(projection_id(h, projection)).mutable_weights(),
                self);
          },
          py::arg("projection"),
          "float32 view of the projection's weights (no copy; writable: changes apply to the "
          "next trial), synapses in row order.")
      .def(
          "sources",
          [](const NetworkHandle& h, py::handle projection) {
            return take(h.network().projection(projection_id(h, projection)).sources());
          },
          py::arg("projection"), "uint32: the presynaptic neuron of each synapse.")
      .def(
          "targets",
          [](py::object self, py::handle projection) {
            const auto& h = self.cast<const NetworkHandle&>();
            return view(h.network().projection(projection_id(h, projection)).targets(), self);
          },
          py::arg("projection"), "uint32 read-only view: the postsynaptic neuron of each synapse.")
      .def(
          "delays_ms",
          [](const NetworkHandle& h, py::handle projection) {
            const auto& p = h.network().projection(projection_id(h, projection));
            std::vector<double> delays(p.synapse_count());
            for (std::size_t k = 0; k < delays.size(); ++k)
              delays[k] = p.synapse_delay_ms(static_cast<std::uint32_t>(k));
            return take(std::move(delays));
          },
          py::arg("projection"), "float64: the delay of each synapse.")
      .def(
          "thresholds",
          [](py::object self, py::handle population) {
            auto& h = self.cast<NetworkHandle&>();
            return view(lif_group(h, population).thresholds(), self);
          },
          py::arg("population"), "float64 read-only view of a LIF group's thresholds.")
      .def(
          "set_thresholds",
          [](NetworkHandle& h, py::handle population, const ArrayArg<double>& thresholds) {
            models::LifGroup& group = lif_group(h, population);
            if (static_cast<std::size_t>(thresholds.size()) != group.size()) {
              throw std::invalid_argument(fmt::format("thresholds: {} values for {} neurons",
                                                      thresholds.size(), group.size()));
            }
            group.set_thresholds(span_of(thresholds));
          },
          py::arg("population"), py::arg("thresholds"), "Sets a LIF group's thresholds.")
      .def("__repr__", [](const NetworkHandle& h) {
        return fmt::format("<sprout.Network {} populations, {} neurons, {} projections>",
                           h.network().populations().size(), h.network().neuron_count(),
                           h.network().projections().size());
      });
}

}  // namespace sprout::python
