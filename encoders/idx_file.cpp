#include "encoders/idx_file.hpp"

#include <fmt/format.h>
#include <fmt/std.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <numeric>

namespace sprout::encoders {
namespace {

std::string_view element_type_name(std::uint8_t type) {
  switch (type) {
    case 0x08:
      return "unsigned byte";
    case 0x09:
      return "signed byte";
    case 0x0B:
      return "int16";
    case 0x0C:
      return "int32";
    case 0x0D:
      return "float32";
    case 0x0E:
      return "float64";
    default:
      return "unknown";
  }
}

// The whole file, inflated if it is gzip-compressed (zlib reads plain files unchanged).
std::vector<std::uint8_t> read_all_bytes(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw DataError(fmt::format("{}: file not found", path.string()));
  }
  if (std::filesystem::is_directory(path, ec)) {
    throw DataError(fmt::format("{}: is a directory, expected an IDX file", path.string()));
  }
  auto closer = [](gzFile f) { gzclose(f); };
  std::unique_ptr<gzFile_s, decltype(closer)> file(gzopen(path.c_str(), "rb"), closer);
  if (!file) {
    throw DataError(fmt::format("{}: cannot open ({})", path.string(), std::strerror(errno)));
  }
  gzbuffer(file.get(), 1 << 20);
  std::vector<std::uint8_t> bytes;
  constexpr std::size_t kChunk = 1 << 22;
  for (;;) {
    const std::size_t old_size = bytes.size();
    bytes.resize(old_size + kChunk);
    const int got = gzread(file.get(), bytes.data() + old_size, static_cast<unsigned>(kChunk));
    if (got < 0) {
      int code = 0;
      const char* message = gzerror(file.get(), &code);
      throw DataError(fmt::format("{}: read error ({})", path.string(), message));
    }
    bytes.resize(old_size + static_cast<std::size_t>(got));
    if (static_cast<std::size_t>(got) < kChunk) break;
  }
  return bytes;
}

std::uint32_t read_big_endian_u32(std::span<const std::uint8_t, 4> b) {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
         std::uint32_t{b[3]};
}

}  // namespace

std::size_t IdxArray::element_count() const {
  return std::accumulate(dims.begin(), dims.end(), std::size_t{1}, std::multiplies<>());
}

IdxArray read_idx(const std::filesystem::path& path) {
  const std::vector<std::uint8_t> bytes = read_all_bytes(path);
  const std::string name = path.string();
  if (bytes.size() < 4) {
    throw DataError(fmt::format("{}: truncated IDX header ({} bytes)", name, bytes.size()));
  }
  if (bytes[0] != 0 || bytes[1] != 0) {
    throw DataError(
        fmt::format("{}: wrong magic number 0x{:02x}{:02x}{:02x}{:02x}, not an IDX file", name,
                    bytes[0], bytes[1], bytes[2], bytes[3]));
  }
  const std::uint8_t type = bytes[2];
  if (type != kIdxUnsignedByte) {
    throw DataError(
        fmt::format("{}: element type 0x{:02x} ({}) is not supported, expected 0x08 "
                    "(unsigned byte)",
                    name, type, element_type_name(type)));
  }
  const std::size_t rank = bytes[3];
  if (rank == 0) throw DataError(fmt::format("{}: IDX rank is 0", name));
  const std::size_t header_bytes = 4 + 4 * rank;
  if (bytes.size() < header_bytes) {
    throw DataError(fmt::format("{}: truncated IDX header: rank {} needs {} bytes, file has {}",
                                name, rank, header_bytes, bytes.size()));
  }
  IdxArray array;
  array.dims.resize(rank);
  for (std::size_t d = 0; d < rank; ++d) {
    array.dims[d] = read_big_endian_u32(std::span<const std::uint8_t, 4>(&bytes[4 + 4 * d], 4));
  }
  const std::size_t expected = array.element_count();
  const std::size_t present = bytes.size() - header_bytes;
  if (present < expected) {
    throw DataError(fmt::format("{}: truncated: dimensions {} need {} data bytes, file has {}",
                                name, fmt::join(array.dims, "x"), expected, present));
  }
  if (present > expected) {
    throw DataError(fmt::format(
        "{}: dimensions {} do not match the file size: {} data bytes expected, {} present", name,
        fmt::join(array.dims, "x"), expected, present));
  }
  array.values.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header_bytes), bytes.end());
  return array;
}

void write_idx(const std::filesystem::path& path, std::span<const std::uint32_t> dims,
               std::span<const std::uint8_t> values) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw DataError(fmt::format("{}: cannot open for writing", path.string()));
  const std::array<char, 4> magic = {0, 0, static_cast<char>(kIdxUnsignedByte),
                                     static_cast<char>(dims.size())};
  out.write(magic.data(), magic.size());
  for (std::uint32_t d : dims) {
    const std::array<char, 4> be = {static_cast<char>(d >> 24), static_cast<char>(d >> 16),
                                    static_cast<char>(d >> 8), static_cast<char>(d)};
    out.write(be.data(), be.size());
  }
  out.write(reinterpret_cast<const char*>(values.data()),
            static_cast<std::streamsize>(values.size()));
  if (!out) throw DataError(fmt::format("{}: write failed", path.string()));
}

}  // namespace sprout::encoders
