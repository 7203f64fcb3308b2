#pragma once
// Reader for the IDX format of the MNIST files (plain or gzip-compressed).
//
// An IDX file is: two zero bytes, an element-type byte, a rank byte, `rank` big-endian
// uint32 dimensions, then the elements in row-major order. Sprout reads unsigned-byte
// files only, which is what MNIST ships.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <vector>

namespace sprout::encoders {

// Thrown for every malformed or unreadable data file; what() is one line that names
// the file and what is wrong with it.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct IdxArray {
  std::vector<std::uint32_t> dims;
  std::vector<std::uint8_t> values;  // row-major, size = product of dims

  [[nodiscard]] std::size_t element_count() const;
};

inline constexpr std::uint8_t kIdxUnsignedByte = 0x08;
// The most data bytes one IDX file may declare (1 GiB; MNIST's largest file holds 47 MB):
// a header asking for more is refused before anything is allocated.
inline constexpr std::size_t kMaxIdxBytes = std::size_t{1} << 30;

// Reads an unsigned-byte IDX file; `.gz` files (and any gzip stream) are inflated, never
// past the declared size. Throws DataError naming `path` on a missing file, bad magic,
// unsupported element type, declared dimensions over kMaxIdxBytes, a truncated file or a
// size that does not match the declared dimensions.
[[nodiscard]] IdxArray read_idx(const std::filesystem::path& path);

// Writes an unsigned-byte IDX file (uncompressed). Used by tests and tools that make
// small data sets.
void write_idx(const std::filesystem::path& path, std::span<const std::uint32_t> dims,
               std::span<const std::uint8_t> values);

}  // namespace sprout::encoders
