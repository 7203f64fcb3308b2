#include "encoders/idx_file.hpp"

#include <fmt/format.h>
#include <fmt/std.h>
#include <zlib.h>

#include <algorithm>
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

// An open IDX file, plain or gzip-compressed (zlib reads plain files unchanged).
class IdxStream {
 public:
  explicit IdxStream(const std::filesystem::path& path) : name_(path.string()) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      throw DataError(fmt::format("{}: file not found", name_));
    if (std::filesystem::is_directory(path, ec)) {
      throw DataError(fmt::format("{}: is a directory, expected an IDX file", name_));
    }
    file_.reset(gzopen(path.c_str(), "rb"));
    if (!file_) throw DataError(fmt::format("{}: cannot open ({})", name_, std::strerror(errno)));
    gzbuffer(file_.get(), 1 << 20);
  }

  // Reads up to `size` bytes; returns how many (fewer only at the end of the data).
  std::size_t read(std::uint8_t* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
      const auto chunk = static_cast<unsigned>(std::min<std::size_t>(size - done, 1U << 30));
      const int got = gzread(file_.get(), data + done, chunk);
      if (got < 0) {
        int code = 0;
        throw DataError(fmt::format("{}: read error ({})", name_, gzerror(file_.get(), &code)));
      }
      if (got == 0) break;
      done += static_cast<std::size_t>(got);
    }
    return done;
  }

  const std::string& name() const { return name_; }

 private:
  struct Closer {
    void operator()(gzFile file) const { gzclose(file); }
  };
  std::string name_;
  std::unique_ptr<gzFile_s, Closer> file_;
};

// Whether the file starts with the gzip magic bytes 1f 8b.
bool magic_is_gzip(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 2> bytes{};
  in.read(bytes.data(), bytes.size());
  return in && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
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
  IdxStream in(path);
  const std::string& name = in.name();
  std::array<std::uint8_t, 4> magic{};
  const std::size_t got = in.read(magic.data(), magic.size());
  if (got < 4) throw DataError(fmt::format("{}: truncated IDX header ({} bytes)", name, got));
  if (magic[0] != 0 || magic[1] != 0) {
    throw DataError(
        fmt::format("{}: wrong magic number 0x{:02x}{:02x}{:02x}{:02x}, not an IDX file", name,
                    magic[0], magic[1], magic[2], magic[3]));
  }
  const std::uint8_t type = magic[2];
  if (type != kIdxUnsignedByte) {
    throw DataError(
        fmt::format("{}: element type 0x{:02x} ({}) is not supported, expected 0x08 "
                    "(unsigned byte)",
                    name, type, element_type_name(type)));
  }
  const std::size_t rank = magic[3];
  if (rank == 0) throw DataError(fmt::format("{}: IDX rank is 0", name));
  std::vector<std::uint8_t> header(4 * rank);
  const std::size_t header_got = in.read(header.data(), header.size());
  if (header_got < header.size()) {
    throw DataError(fmt::format("{}: truncated IDX header: rank {} needs {} bytes, file has {}",
                                name, rank, 4 + header.size(), 4 + header_got));
  }
  IdxArray array;
  array.dims.resize(rank);
  // The declared size, checked before anything is allocated for it.
  std::size_t expected = 1;
  bool too_large = false;
  for (std::size_t d = 0; d < rank; ++d) {
    array.dims[d] = read_big_endian_u32(std::span<const std::uint8_t, 4>(&header[4 * d], 4));
    too_large = too_large || (array.dims[d] != 0 && expected > kMaxIdxBytes / array.dims[d]);
    if (!too_large) expected *= array.dims[d];
  }
  if (too_large) {
    throw DataError(fmt::format("{}: dimensions {} declare more than the {} bytes Sprout reads",
                                name, fmt::join(array.dims, "x"), kMaxIdxBytes));
  }
  // A plain file's size must match before its data are read; a compressed one is read
  // up to the declared size and one byte more, never further.
  std::error_code ec;
  const auto file_size = std::filesystem::file_size(path, ec);
  const bool compressed = magic_is_gzip(path);
  if (!compressed && !ec) {
    const std::size_t data_bytes = file_size - 4 - header.size();
    if (data_bytes < expected) {
      throw DataError(fmt::format("{}: truncated: dimensions {} need {} data bytes, file has {}",
                                  name, fmt::join(array.dims, "x"), expected, data_bytes));
    }
    if (data_bytes > expected) {
      throw DataError(fmt::format(
          "{}: dimensions {} do not match the file size: {} data bytes expected, {} present", name,
          fmt::join(array.dims, "x"), expected, data_bytes));
    }
  }
  array.values.resize(expected);
  const std::size_t present = in.read(array.values.data(), expected);
  if (present < expected) {
    throw DataError(fmt::format("{}: truncated: dimensions {} need {} data bytes, file has {}",
                                name, fmt::join(array.dims, "x"), expected, present));
  }
  std::uint8_t extra = 0;
  if (in.read(&extra, 1) != 0) {
    throw DataError(fmt::format(
        "{}: dimensions {} do not match the file size: {} data bytes expected, more present", name,
        fmt::join(array.dims, "x"), expected));
  }
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
