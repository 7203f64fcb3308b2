// The network file of the structural learner: StructuralLearner::save and ::load. Format:
// docs/formats.md (magic, JSON header, the learned arrays in a fixed order, a checksum).
// The reader trusts nothing: the header's sizes are bounded and must add up to the file's
// size before anything is allocated, the checksum must match, and every value read must be
// in its range.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <system_error>

#include "engine/atomic_file.hpp"
#include "io/result_reader.hpp"
#include "io/results_file.hpp"
#include "models/structural/structural_learner.hpp"

namespace sprout::models {
namespace {

// "SPRNET" and a two-digit version. Version 02 appended the readout's input statistics,
// version 03 the neurons' win mass, version 04 the checksum (and dropped the thread count
// from the header's config); older files still load (what they lack starts from zero).
constexpr std::array<char, 8> kNetworkMagic = {'S', 'P', 'R', 'N', 'E', 'T', '0', '4'};
constexpr int kChecksumVersion = 4;
constexpr std::uint64_t kMaxHeaderBytes = std::uint64_t{1} << 26;
constexpr std::size_t kMaxInputs = std::size_t{1} << 24;

// The version of a network file's magic (1 to the current one), or 0 when it is none.
int network_file_version(const std::array<char, 8>& magic) {
  if (!std::equal(magic.begin(), magic.end() - 1, kNetworkMagic.begin())) return 0;
  const char digit = magic.back();
  return digit >= '1' && digit <= kNetworkMagic.back() ? digit - '0' : 0;
}

// 64-bit FNV-1a over every byte before the checksum.
class Fnv1a64 {
 public:
  void add(const char* data, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
      hash_ ^= static_cast<unsigned char>(data[i]);
      hash_ *= 0x100000001b3ULL;
    }
  }
  [[nodiscard]] std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// Serialises the file in memory, so that its checksum can follow it.
class Writer {
 public:
  template <class T>
  void array(std::span<const T> values) {
    bytes(reinterpret_cast<const char*>(values.data()), values.size_bytes());
  }
  template <class T>
  void value(const T& v) {
    bytes(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void bytes(const char* data, std::size_t size) { buffer_.append(data, size); }
  [[nodiscard]] const std::string& buffer() const { return buffer_; }

 private:
  std::string buffer_;
};

class Reader {
 public:
  explicit Reader(const std::filesystem::path& path) : path_(path), in_(path, std::ios::binary) {}
  [[nodiscard]] bool is_open() const { return static_cast<bool>(in_); }
  template <class T>
  void array(std::span<T> values) {
    bytes(reinterpret_cast<char*>(values.data()), values.size_bytes());
  }
  template <class T>
  T value() {
    T v{};
    bytes(reinterpret_cast<char*>(&v), sizeof v);
    return v;
  }
  void bytes(char* data, std::size_t size) {
    in_.read(data, static_cast<std::streamsize>(size));
    if (!in_) fail("truncated (the file ends inside its body)");
    checksum_.add(data, size);
  }
  [[nodiscard]] std::uint64_t checksum() const { return checksum_.value(); }
  [[noreturn]] void fail(const std::string& problem) const {
    throw std::runtime_error(fmt::format("{}: network file: {}", path_.string(), problem));
  }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  Fnv1a64 checksum_;
};

// Bytes of the arrays after the header, for H hidden neurons, `inputs` inputs and K
// classes, in a file of `version`.
std::uint64_t body_bytes(int version, std::uint64_t inputs, std::uint64_t hidden,
                         std::uint64_t classes) {
  const std::uint64_t synapses = inputs * hidden;
  std::uint64_t bytes =
      synapses * (1 + 4 + 4 + 2) + 8 * hidden + 4 * classes * hidden + 4 * classes + 8 * hidden;
  if (version >= 2) bytes += 4 * hidden + 8;
  if (version >= 3) bytes += 8 * hidden;
  if (version >= kChecksumVersion) bytes += 8;
  return bytes;
}

template <class T>
void check_finite(const Reader& reader, std::span<const T> values, const char* what,
                  bool non_negative) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const T v = values[i];
    if (!std::isfinite(v) || (non_negative && v < 0)) {
      reader.fail(fmt::format("{} [{}] is {}; allowed: a finite number{}", what, i, v,
                              non_negative ? " >= 0" : ""));
    }
  }
}

}  // namespace

void StructuralLearner::save(const std::filesystem::path& path,
                             const nlohmann::json& training) const {
  // The thread count is how the network was computed, not what it is: a file depends on
  // the network only.
  nlohmann::json config = to_json(config_);
  config.erase("threads");
  nlohmann::json header = {{"config", config},
                           {"inputs", inputs_},
                           {"hidden", config_.network.hidden},
                           {"classes", readout_.classes()},
                           {"class_labels", config_.data.classes},
                           {"samples_seen", samples_seen_}};
  if (!training.is_null()) header["training"] = training;
  const std::string text = header.dump();
  Writer out;
  out.bytes(kNetworkMagic.data(), kNetworkMagic.size());
  out.value(static_cast<std::uint64_t>(text.size()));
  out.bytes(text.data(), text.size());
  out.array(synapses_.states());
  out.array(synapses_.weights());
  out.array(synapses_.traces());
  out.array(synapses_.ages());
  out.array(std::span<const double>(thresholds_));
  out.array(readout_.weights());
  out.array(readout_.biases());
  out.array(std::span<const std::uint64_t>(trace_clock_));
  out.array(readout_.mean_squares());
  out.value(readout_.observed());
  out.array(std::span<const double>(win_mass_));
  Fnv1a64 checksum;
  checksum.add(out.buffer().data(), out.buffer().size());
  const std::uint64_t sum = checksum.value();
  write_file_atomically(path, [&](std::ostream& stream) {
    stream.write(out.buffer().data(), static_cast<std::streamsize>(out.buffer().size()));
    stream.write(reinterpret_cast<const char*>(&sum), sizeof sum);
  });
}

StructuralLearner StructuralLearner::load(const std::filesystem::path& path,
                                          nlohmann::json* training) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw std::runtime_error(
        fmt::format("{}: is a folder, expected a network file (network.bin)", path.string()));
  }
  const std::uint64_t file_size = std::filesystem::file_size(path, ec);
  Reader in(path);
  if (ec || !in.is_open()) {
    throw std::runtime_error(fmt::format("{}: cannot open network file ({})", path.string(),
                                         ec ? ec.message() : "not readable"));
  }
  if (file_size < 16) in.fail("too short to be one (no magic and header length)");
  std::array<char, 8> magic{};
  in.bytes(magic.data(), magic.size());
  const auto length = in.value<std::uint64_t>();
  const int version = network_file_version(magic);
  if (version == 0) {
    in.fail(fmt::format("not a Sprout network file (magic is not SPRNET01 to {})",
                        std::string(kNetworkMagic.begin(), kNetworkMagic.end())));
  }
  if (length > kMaxHeaderBytes || length > file_size - 16) {
    in.fail(fmt::format("header length {} exceeds the file ({} bytes) or the limit of {} bytes",
                        length, file_size, kMaxHeaderBytes));
  }
  std::string text(length, '\0');
  in.bytes(text.data(), length);
  nlohmann::json header;
  try {
    header = io::parse_json_text(text, "header");
  } catch (const std::runtime_error&) {
    in.fail("the header is not valid JSON (corrupt file)");
  }
  const std::string source = fmt::format("{}: network file header", path.string());
  const io::ResultReader top = io::ResultReader(header, source).object();
  const std::size_t inputs = top.count("inputs");
  if (inputs == 0 || inputs > kMaxInputs) {
    top.fail("inputs", fmt::format("{} is out of range; allowed: 1 to {}", inputs, kMaxInputs));
  }
  nlohmann::json config_json = top.at("config").object().value();
  // Files without the thread count (version 04): the network does not depend on it.
  const StructuralConfig config = parse_structural_config(config_json, source + ": config");
  const std::size_t hidden = top.count("hidden");
  if (hidden != config.network.hidden) {
    top.fail("hidden", fmt::format("{} disagrees with the config's network.hidden {}", hidden,
                                   config.network.hidden));
  }
  if (version >= kChecksumVersion) {
    const std::size_t classes = top.count("classes");
    if (classes != config.data.classes.size()) {
      top.fail("classes", fmt::format("{} disagrees with the config's {} data.classes", classes,
                                      config.data.classes.size()));
    }
  }
  const std::uint64_t expected =
      16 + length + body_bytes(version, inputs, hidden, config.data.classes.size());
  if (file_size != expected) {
    in.fail(fmt::format("{} bytes, but its header ({} inputs, {} hidden, {} classes) needs {}",
                        file_size, inputs, hidden, config.data.classes.size(), expected));
  }
  const std::uint64_t samples_seen = top.count("samples_seen");
  nlohmann::json training_json = top.has("training") ? top.raw("training") : nlohmann::json();

  StructuralLearner learner(config, inputs);
  in.array(learner.synapses_.states());
  in.array(learner.synapses_.weights());
  in.array(learner.synapses_.traces());
  in.array(learner.synapses_.ages());
  in.array(std::span<double>(learner.thresholds_));
  in.array(learner.readout_.weights());
  in.array(learner.readout_.biases());
  in.array(std::span<std::uint64_t>(learner.trace_clock_));
  if (version >= 2) {
    in.array(learner.readout_.mean_squares());
    learner.readout_.set_observed(in.value<std::uint64_t>());
  }
  if (version >= 3) in.array(std::span<double>(learner.win_mass_));
  if (version >= kChecksumVersion) {
    const std::uint64_t computed = in.checksum();
    std::uint64_t stored = 0;
    in.bytes(reinterpret_cast<char*>(&stored), sizeof stored);
    if (stored != computed) {
      in.fail(
          fmt::format("checksum mismatch (stored {:016x}, computed {:016x}): the file is "
                      "corrupt",
                      stored, computed));
    }
  }

  const auto states = learner.synapses_.states();
  const auto weights = learner.synapses_.weights();
  for (std::size_t i = 0; i < states.size(); ++i) {
    const auto state = static_cast<std::uint8_t>(states[i]);
    if (state > static_cast<std::uint8_t>(SynapseState::kConsolidated)) {
      in.fail(fmt::format("synapse state [{}] is {}; allowed: 0 to 3", i, state));
    }
    const bool realised =
        states[i] == SynapseState::kSilent || states[i] == SynapseState::kConsolidated;
    if (!std::isfinite(weights[i]) || weights[i] < 0 || (!realised && weights[i] != 0)) {
      in.fail(
          fmt::format("synapse weight [{}] is {}; allowed: a finite number >= 0, 0 where "
                      "the synapse is not realised",
                      i, weights[i]));
    }
  }
  check_finite<float>(in, learner.synapses_.traces(), "consolidation trace", false);
  check_finite<double>(in, learner.thresholds_, "threshold", false);
  check_finite<float>(in, learner.readout_.weights(), "readout weight", false);
  check_finite<float>(in, learner.readout_.biases(), "readout bias", false);
  check_finite<float>(in, learner.readout_.mean_squares(), "readout statistic", true);
  check_finite<double>(in, learner.win_mass_, "win mass", true);
  learner.samples_seen_ = samples_seen;
  if (training != nullptr) *training = std::move(training_json);
  learner.rebuild_network();
  return learner;
}

}  // namespace sprout::models
