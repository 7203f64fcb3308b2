#pragma once
// A minimal PNG writer (8-bit RGB, zlib-compressed, no filtering) and base64, so that
// bitmaps can be embedded in self-contained SVG/HTML files as data: URIs.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sprout::report {

struct RgbImage {
  std::size_t width = 0;
  std::size_t height = 0;
  std::vector<std::uint8_t> rgb;  // height * width * 3, row-major from the top

  RgbImage(std::size_t width_, std::size_t height_, std::uint8_t background = 255)
      : width(width_), height(height_), rgb(width_ * height_ * 3, background) {}
  void set(std::size_t x, std::size_t y, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    const std::size_t at = (y * width + x) * 3;
    rgb[at] = r;
    rgb[at + 1] = g;
    rgb[at + 2] = b;
  }
};

// The PNG file bytes. Throws std::invalid_argument for an empty image.
[[nodiscard]] std::vector<std::uint8_t> encode_png(const RgbImage& image);

// RFC 4648 base64 with padding.
[[nodiscard]] std::string base64_encode(std::span<const std::uint8_t> bytes);

}  // namespace sprout::report
