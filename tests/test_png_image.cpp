// PNG writer and base64: decoded back with zlib, checked against the PNG layout.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "report/png_image.hpp"

namespace {
std::uint32_t be32(const std::vector<std::uint8_t>& bytes, std::size_t at) {
  return (std::uint32_t{bytes[at]} << 24U) | (std::uint32_t{bytes[at + 1]} << 16U) |
         (std::uint32_t{bytes[at + 2]} << 8U) | std::uint32_t{bytes[at + 3]};
}
}  // namespace

TEST_CASE("base64 matches the RFC 4648 test vectors", "[png_image]") {
  const auto encode = [](const std::string& text) {
    const std::vector<std::uint8_t> bytes(text.begin(), text.end());
    return sprout::report::base64_encode(bytes);
  };
  CHECK(encode("") == "");
  CHECK(encode("f") == "Zg==");
  CHECK(encode("fo") == "Zm8=");
  CHECK(encode("foo") == "Zm9v");
  CHECK(encode("foob") == "Zm9vYg==");
  CHECK(encode("fooba") == "Zm9vYmE=");
  CHECK(encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("PNG: signature, IHDR, CRCs and pixels decode back", "[png_image]") {
  sprout::report::RgbImage image(3, 2, 0);
  image.set(0, 0, 255, 0, 0);
  image.set(2, 1, 1, 2, 3);
  const std::vector<std::uint8_t> png = sprout::report::encode_png(image);
  const std::vector<std::uint8_t> signature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  REQUIRE(png.size() > 8);
  CHECK(std::vector<std::uint8_t>(png.begin(), png.begin() + 8) == signature);

  // Walk the chunks, checking each CRC and collecting IHDR and IDAT.
  std::vector<std::string> types;
  std::vector<std::uint8_t> idat;
  std::size_t at = 8;
  while (at + 12 <= png.size()) {
    const std::uint32_t length = be32(png, at);
    const std::string type(png.begin() + static_cast<long>(at) + 4,
                           png.begin() + static_cast<long>(at) + 8);
    types.push_back(type);
    const auto crc = crc32(0L, png.data() + at + 4, length + 4);
    CHECK(be32(png, at + 8 + length) == crc);
    if (type == "IHDR") {
      CHECK(be32(png, at + 8) == 3);   // width
      CHECK(be32(png, at + 12) == 2);  // height
      CHECK(png[at + 16] == 8);        // bit depth
      CHECK(png[at + 17] == 2);        // RGB
    }
    if (type == "IDAT")
      idat.insert(idat.end(), png.begin() + static_cast<long>(at) + 8,
                  png.begin() + static_cast<long>(at + 8 + length));
    at += 12 + length;
  }
  CHECK(at == png.size());
  CHECK(types == std::vector<std::string>{"IHDR", "IDAT", "IEND"});

  std::vector<std::uint8_t> raw(2 * (1 + 3 * 3));
  uLongf raw_size = raw.size();
  REQUIRE(uncompress(raw.data(), &raw_size, idat.data(), idat.size()) == Z_OK);
  REQUIRE(raw_size == raw.size());
  // Row 0: filter 0, red, black, black. Row 1: filter 0, black, black, (1, 2, 3).
  CHECK(raw == std::vector<std::uint8_t>{0, 255, 0, 0, 0, 0, 0, 0, 0, 0,  //
                                         0, 0,   0, 0, 0, 0, 0, 1, 2, 3});
  CHECK_THROWS_AS(sprout::report::encode_png(sprout::report::RgbImage(0, 5)),
                  std::invalid_argument);
}
