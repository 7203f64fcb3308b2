#include "report/png_image.hpp"

#include <zlib.h>

#include <array>
#include <stdexcept>

namespace sprout::report {
namespace {

void append_be32(std::vector<std::uint8_t>& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<std::uint8_t>(value >> static_cast<unsigned>(shift)));
  }
}

// A chunk: length, type, data, CRC-32 of type and data (PNG spec, section 5.3).
void append_chunk(std::vector<std::uint8_t>& out, const char (&type)[5],
                  std::span<const std::uint8_t> data) {
  append_be32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data.begin(), data.end());
  const uLong crc = crc32(0L, out.data() + type_at, static_cast<uInt>(4 + data.size()));
  append_be32(out, static_cast<std::uint32_t>(crc));
}

}  // namespace

std::vector<std::uint8_t> encode_png(const RgbImage& image) {
  if (image.width == 0 || image.height == 0) throw std::invalid_argument("PNG: empty image");
  std::vector<std::uint8_t> out{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  std::vector<std::uint8_t> header;
  append_be32(header, static_cast<std::uint32_t>(image.width));
  append_be32(header, static_cast<std::uint32_t>(image.height));
  // bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace
  header.insert(header.end(), {8, 2, 0, 0, 0});
  append_chunk(out, "IHDR", header);

  // Each scanline starts with its filter type; 0 = none.
  const std::size_t row_bytes = image.width * 3;
  std::vector<std::uint8_t> raw;
  raw.reserve(image.height * (row_bytes + 1));
  for (std::size_t y = 0; y < image.height; ++y) {
    raw.push_back(0);
    const auto row = image.rgb.begin() + static_cast<std::ptrdiff_t>(y * row_bytes);
    raw.insert(raw.end(), row, row + static_cast<std::ptrdiff_t>(row_bytes));
  }
  uLongf compressed_size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<std::uint8_t> compressed(compressed_size);
  if (compress2(compressed.data(), &compressed_size, raw.data(), static_cast<uLong>(raw.size()),
                Z_BEST_COMPRESSION) != Z_OK) {
    throw std::runtime_error("PNG: zlib compression failed");
  }
  compressed.resize(compressed_size);
  append_chunk(out, "IDAT", compressed);
  append_chunk(out, "IEND", {});
  return out;
}

std::string base64_encode(std::span<const std::uint8_t> bytes) {
  static constexpr std::array<char, 65> kAlphabet{
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"};
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = bytes.size() - i;
    const std::uint32_t block = (std::uint32_t{bytes[i]} << 16U) |
                                (left > 1 ? std::uint32_t{bytes[i + 1]} << 8U : 0U) |
                                (left > 2 ? std::uint32_t{bytes[i + 2]} : 0U);
    out += kAlphabet[(block >> 18U) & 63U];
    out += kAlphabet[(block >> 12U) & 63U];
    out += left > 1 ? kAlphabet[(block >> 6U) & 63U] : '=';
    out += left > 2 ? kAlphabet[block & 63U] : '=';
  }
  return out;
}

}  // namespace sprout::report
