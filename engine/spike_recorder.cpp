#include "engine/spike_recorder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "engine/atomic_file.hpp"

namespace sprout::engine {
namespace {

static_assert(std::endian::native == std::endian::little,
              "raster files are little-endian; add byte swapping for this platform");
constexpr std::array<char, 8> kRasterMagic = {'S', 'P', 'R', 'S', 'T', 'E', 'R', '1'};
constexpr std::size_t kRecordBytes = sizeof(double) + sizeof(std::uint32_t);

}  // namespace

std::vector<RecordedSpike> SpikeRecorder::sorted() const {
  std::vector<RecordedSpike> result = spikes_;
  std::stable_sort(result.begin(), result.end(),
                   [](const RecordedSpike& a, const RecordedSpike& b) {
                     return a.t_ms != b.t_ms ? a.t_ms < b.t_ms : a.neuron < b.neuron;
                   });
  return result;
}

void write_raster_binary(const std::filesystem::path& path,
                         const std::vector<RecordedSpike>& spikes) {
  write_file_atomically(path, [&](std::ostream& out) {
    out.write(kRasterMagic.data(), kRasterMagic.size());
    const std::uint64_t count = spikes.size();
    out.write(reinterpret_cast<const char*>(&count), sizeof count);
    for (const RecordedSpike& s : spikes) {
      std::array<char, kRecordBytes> record{};
      std::memcpy(record.data(), &s.t_ms, sizeof s.t_ms);
      std::memcpy(record.data() + sizeof s.t_ms, &s.neuron, sizeof s.neuron);
      out.write(record.data(), record.size());
    }
  });
}

std::vector<RecordedSpike> read_raster_binary(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open raster file", path.string()));
  std::array<char, 8> magic{};
  std::uint64_t count = 0;
  in.read(magic.data(), magic.size());
  in.read(reinterpret_cast<char*>(&count), sizeof count);
  if (!in || magic != kRasterMagic) {
    throw std::runtime_error(fmt::format("{}: not a Sprout raster file", path.string()));
  }
  const auto size = std::filesystem::file_size(path);
  if (size != 16 + count * kRecordBytes) {
    throw std::runtime_error(fmt::format("{}: raster declares {} spikes but holds {} bytes",
                                         path.string(), count, size));
  }
  std::vector<RecordedSpike> spikes(count);
  for (RecordedSpike& s : spikes) {
    std::array<char, kRecordBytes> record{};
    in.read(record.data(), record.size());
    std::memcpy(&s.t_ms, record.data(), sizeof s.t_ms);
    std::memcpy(&s.neuron, record.data() + sizeof s.t_ms, sizeof s.neuron);
  }
  return spikes;
}

void write_raster_csv(const std::filesystem::path& path, const std::vector<RecordedSpike>& spikes) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << "t_ms,neuron\n";
    for (const RecordedSpike& s : spikes)
      out << fmt::format("{:.17g},{}\n", s.t_ms, s.neuron);
  });
}

}  // namespace sprout::engine
