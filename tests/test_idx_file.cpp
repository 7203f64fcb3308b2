#include <zlib.h>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <vector>

#include "encoders/idx_file.hpp"
#include "encoders/mnist.hpp"
#include "test_helpers.hpp"

using Catch::Matchers::Contains;
using sprout::encoders::DataError;
using sprout::encoders::read_idx;
using sprout::encoders::write_idx;

namespace {

void write_bytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_gzip(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  gzFile file = gzopen(path.c_str(), "wb");
  REQUIRE(file != nullptr);
  gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(file);
}

// A hand-made 3 x 2 x 2 image file: header bytes written out explicitly.
const std::vector<std::uint8_t> kImagesFile = {
    0, 0, 0x08, 3, 0,  0,  0,  3,  0,   0,   0,   2,  0, 0, 0, 2,  // header
    0, 1, 2,    3, 10, 11, 12, 13, 250, 251, 252, 255};            // three images
const std::vector<std::uint8_t> kLabelsFile = {0, 0, 0x08, 1, 0, 0, 0, 3, 7, 0, 9};

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const DataError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("IDX: a hand-written file reads back its dimensions and bytes", "[idx]") {
  sprout::testing::TemporaryFolder folder;
  write_bytes(folder.path() / "images", kImagesFile);
  const auto array = read_idx(folder.path() / "images");
  CHECK(array.dims == std::vector<std::uint32_t>{3, 2, 2});
  CHECK(array.values == std::vector<std::uint8_t>(kImagesFile.begin() + 16, kImagesFile.end()));
}

TEST_CASE("IDX: write_idx produces the bytes of the format and round-trips", "[idx]") {
  sprout::testing::TemporaryFolder folder;
  const std::vector<std::uint32_t> dims = {3, 2, 2};
  const std::vector<std::uint8_t> values(kImagesFile.begin() + 16, kImagesFile.end());
  write_idx(folder.path() / "out", dims, values);
  CHECK(read_bytes(folder.path() / "out") == kImagesFile);
  const auto array = read_idx(folder.path() / "out");
  CHECK(array.dims == dims);
  CHECK(array.values == values);
}

TEST_CASE("IDX: gzip-compressed files read the same as plain ones", "[idx]") {
  sprout::testing::TemporaryFolder folder;
  write_gzip(folder.path() / "images.gz", kImagesFile);
  const auto array = read_idx(folder.path() / "images.gz");
  CHECK(array.dims == std::vector<std::uint32_t>{3, 2, 2});
  CHECK(array.values.back() == 255);
}

TEST_CASE("IDX: each kind of bad file has its own message naming the file", "[idx]") {
  sprout::testing::TemporaryFolder folder;
  const auto path = folder.path() / "bad-file";
  const std::string name = path.string();

  SECTION("missing file") {
    CHECK_THAT(error_of([&] { (void)read_idx(path); }),
               Contains(name) && Contains("file not found"));
  }
  SECTION("wrong magic number") {
    auto bytes = kImagesFile;
    bytes[0] = 0x1f;
    bytes[1] = 0x00;
    write_bytes(path, bytes);
    CHECK_THAT(error_of([&] { (void)read_idx(path); }),
               Contains(name) && Contains("wrong magic number 0x1f000803"));
  }
  SECTION("wrong element type") {
    auto bytes = kImagesFile;
    bytes[2] = 0x0D;
    write_bytes(path, bytes);
    CHECK_THAT(error_of([&] { (void)read_idx(path); }),
               Contains(name) && Contains("element type 0x0d (float32) is not supported"));
  }
  SECTION("truncated header") {
    write_bytes(path, {0, 0, 0x08, 3, 0, 0});
    CHECK_THAT(error_of([&] { (void)read_idx(path); }),
               Contains(name) && Contains("truncated IDX header"));
  }
  SECTION("truncated data") {
    // Built from a subrange: resize() to a smaller size makes GCC 12 warn
    // (-Wstringop-overflow) about the never-taken growth branch on AVX-512.
    const std::vector<std::uint8_t> bytes(kImagesFile.begin(), kImagesFile.end() - 5);
    write_bytes(path, bytes);
    CHECK_THAT(
        error_of([&] { (void)read_idx(path); }),
        Contains(name) && Contains("truncated: dimensions 3x2x2 need 12 data bytes, file has 7"));
  }
  SECTION("dimensions that do not match the file size") {
    auto bytes = kImagesFile;
    bytes.push_back(1);
    write_bytes(path, bytes);
    CHECK_THAT(
        error_of([&] { (void)read_idx(path); }),
        Contains(name) && Contains("do not match the file size: 12 data bytes expected, 13"));
  }
}

TEST_CASE("IDX: declared sizes are bounded before anything is allocated", "[idx]") {
  const sprout::testing::TemporaryFolder folder;
  const auto path = folder.path() / "hostile";
  const std::string name = path.string();
  SECTION("dimensions whose product overflows 64 bits") {
    write_bytes(path, {0, 0, 0x08, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                       0xff, 0xff, 1, 2, 3});
    CHECK_THAT(error_of([&] { (void)read_idx(path); }),
               Contains(name) && Contains("declare more than the 1073741824 bytes"));
  }
  SECTION("a small compressed file that declares 60 GB") {
    // 60000 x 1000 x 1000 images: refused from the header, nothing inflated.
    write_gzip(path, {0, 0, 0x08, 3, 0, 0, 0xea, 0x60, 0, 0, 0x03, 0xe8, 0, 0, 0x03, 0xe8, 1});
    CHECK_THAT(error_of([&] { (void)read_idx(path); }),
               Contains(name) && Contains("dimensions 60000x1000x1000 declare more than"));
  }
  SECTION("a compressed stream that inflates far past its declared size") {
    // Declares 4 bytes, then 16 MB of zeros (a few KB compressed): the reader stops one
    // byte past the declared size.
    std::vector<std::uint8_t> bytes = {0, 0, 0x08, 1, 0, 0, 0, 4};
    bytes.resize(bytes.size() + (16U << 20), 0);
    write_gzip(path, bytes);
    CHECK(std::filesystem::file_size(path) < 100'000);
    CHECK_THAT(error_of([&] { (void)read_idx(path); }),
               Contains(name) && Contains("4 data bytes expected, more present"));
  }
}

TEST_CASE("MNIST loader: images and labels must agree", "[idx][mnist-loader]") {
  sprout::testing::TemporaryFolder folder;
  const auto images = folder.path() / "images";
  const auto labels = folder.path() / "labels";
  write_bytes(images, kImagesFile);

  SECTION("a good pair loads") {
    write_bytes(labels, kLabelsFile);
    const auto set = sprout::encoders::load_labelled_images(images, labels);
    CHECK(set.count == 3);
    CHECK(set.rows == 2);
    CHECK(set.cols == 2);
    CHECK(set.image(2)[3] == 255);
    CHECK(set.labels == std::vector<std::uint8_t>{7, 0, 9});
    const auto counts = set.class_counts();
    CHECK(counts[7] == 1);
    CHECK(counts[1] == 0);
    // The held-out tail a validation split takes: images 1 and 2, in order.
    const auto tail = set.slice(1, 2);
    CHECK(tail.count == 2);
    CHECK(tail.rows == 2);
    CHECK(tail.image(0)[0] == 10);
    CHECK(tail.image(1)[3] == 255);
    CHECK(tail.labels == std::vector<std::uint8_t>{0, 9});
    CHECK(set.slice(3, 0).count == 0);
    CHECK_THROWS_AS(set.slice(2, 2), std::out_of_range);
  }
  SECTION("count mismatch") {
    write_bytes(labels, {0, 0, 0x08, 1, 0, 0, 0, 2, 7, 0});
    CHECK_THAT(error_of([&] { (void)sprout::encoders::load_labelled_images(images, labels); }),
               Contains(labels.string()) && Contains("holds 2 labels but") && Contains("3 images"));
  }
  SECTION("label outside 0-9") {
    write_bytes(labels, {0, 0, 0x08, 1, 0, 0, 0, 3, 7, 12, 9});
    CHECK_THAT(error_of([&] { (void)sprout::encoders::load_labelled_images(images, labels); }),
               Contains(labels.string()) && Contains("label 12 at index 1 is outside 0-9"));
  }
  SECTION("labels file of the wrong rank") {
    write_bytes(labels, kImagesFile);
    CHECK_THAT(error_of([&] { (void)sprout::encoders::load_labelled_images(images, labels); }),
               Contains(labels.string()) && Contains("expected a rank-1 label array"));
  }
}

TEST_CASE("MNIST loader: a folder without the files names the missing one", "[idx][mnist-loader]") {
  sprout::testing::TemporaryFolder folder;
  CHECK_THAT(error_of([&] { (void)sprout::encoders::load_mnist(folder.path()); }),
             Contains("train-images-idx3-ubyte") && Contains("file not found"));
  CHECK_THAT(error_of([&] { (void)sprout::encoders::load_mnist(folder.path() / "nope"); }),
             Contains("data folder not found"));
}
