// The network file of the structural learner: StructuralLearner::save and ::load. Format:
// docs/formats.md (magic, JSON header, then the learned arrays in a fixed order).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "engine/atomic_file.hpp"
#include "models/structural/structural_learner.hpp"

namespace sprout::models {
namespace {

// "SPRNET" and a two-digit version. Version 02 appended the readout's input statistics,
// version 03 the neurons' win mass; older files still load (what they lack starts from
// zero).
constexpr std::array<char, 8> kNetworkMagic = {'S', 'P', 'R', 'N', 'E', 'T', '0', '3'};

// The version of a network file's magic (1 to the current one), or 0 when it is none.
int network_file_version(const std::array<char, 8>& magic) {
  if (!std::equal(magic.begin(), magic.end() - 1, kNetworkMagic.begin())) return 0;
  const char digit = magic.back();
  return digit >= '1' && digit <= kNetworkMagic.back() ? digit - '0' : 0;
}

template <class T>
void write_array(std::ostream& out, std::span<const T> values) {
  out.write(reinterpret_cast<const char*>(values.data()),
            static_cast<std::streamsize>(values.size_bytes()));
}

template <class T>
void read_array(std::istream& in, std::span<T> values, const std::filesystem::path& path) {
  in.read(reinterpret_cast<char*>(values.data()),
          static_cast<std::streamsize>(values.size_bytes()));
  if (!in) throw std::runtime_error(fmt::format("{}: truncated network file", path.string()));
}

}  // namespace

void StructuralLearner::save(const std::filesystem::path& path,
                             const nlohmann::json& training) const {
  nlohmann::json header = {{"config", to_json(config_)},           {"inputs", inputs_},
                           {"hidden", config_.network.hidden},     {"classes", readout_.classes()},
                           {"class_labels", config_.data.classes}, {"samples_seen", samples_seen_}};
  if (!training.is_null()) header["training"] = training;
  const std::string text = header.dump();
  write_file_atomically(path, [&](std::ostream& out) {
    out.write(kNetworkMagic.data(), kNetworkMagic.size());
    const std::uint64_t length = text.size();
    out.write(reinterpret_cast<const char*>(&length), sizeof length);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    write_array(out, synapses_.states());
    write_array(out, synapses_.weights());
    write_array(out, synapses_.traces());
    write_array(out, synapses_.ages());
    write_array(out, std::span<const double>(thresholds_));
    write_array(out, readout_.weights());
    write_array(out, readout_.biases());
    write_array(out, std::span<const std::uint64_t>(trace_clock_));
    write_array(out, readout_.mean_squares());
    const std::uint64_t observed = readout_.observed();
    write_array(out, std::span<const std::uint64_t>(&observed, 1));
    write_array(out, std::span<const double>(win_mass_));
  });
}

StructuralLearner StructuralLearner::load(const std::filesystem::path& path,
                                          nlohmann::json* training) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open network file", path.string()));
  std::array<char, 8> magic{};
  std::uint64_t length = 0;
  in.read(magic.data(), magic.size());
  in.read(reinterpret_cast<char*>(&length), sizeof length);
  const int version = network_file_version(magic);
  if (!in || version == 0 || length > (1u << 26)) {
    throw std::runtime_error(fmt::format("{}: not a Sprout network file", path.string()));
  }
  std::string text(length, '\0');
  in.read(text.data(), static_cast<std::streamsize>(length));
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(fmt::format("{}: corrupt header ({})", path.string(), error.what()));
  }
  const StructuralConfig config = parse_structural_config(header.at("config"), path.string());
  StructuralLearner learner(config, header.at("inputs").get<std::size_t>());
  read_array(in, learner.synapses_.states(), path);
  read_array(in, learner.synapses_.weights(), path);
  read_array(in, learner.synapses_.traces(), path);
  read_array(in, learner.synapses_.ages(), path);
  read_array(in, std::span<double>(learner.thresholds_), path);
  read_array(in, learner.readout_.weights(), path);
  read_array(in, learner.readout_.biases(), path);
  read_array(in, std::span<std::uint64_t>(learner.trace_clock_), path);
  if (version >= 2) {
    read_array(in, learner.readout_.mean_squares(), path);
    std::uint64_t observed = 0;
    read_array(in, std::span<std::uint64_t>(&observed, 1), path);
    learner.readout_.set_observed(observed);
  }
  if (version >= 3) read_array(in, std::span<double>(learner.win_mass_), path);
  in.peek();
  if (!in.eof()) throw std::runtime_error(fmt::format("{}: trailing bytes", path.string()));
  for (SynapseState s : learner.synapses_.states()) {
    if (static_cast<std::uint8_t>(s) > static_cast<std::uint8_t>(SynapseState::kConsolidated)) {
      throw std::runtime_error(fmt::format("{}: invalid synapse state", path.string()));
    }
  }
  learner.samples_seen_ = header.at("samples_seen").get<std::uint64_t>();
  if (training != nullptr) *training = header.value("training", nlohmann::json());
  learner.rebuild_network();
  return learner;
}

}  // namespace sprout::models
