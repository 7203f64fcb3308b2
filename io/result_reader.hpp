#pragma once
// Reading of result documents (results.json, sweep.json, report.json, a checkpoint's
// epochs): every key asked for is required unless read through has(); every error is one
// line "<source>: <dotted key>: <problem>", the key counted from the document's top
// ("measures.test_confusion", "epochs.2.synapses.realised").

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sprout::io {

class ResultReader {
 public:
  // `value` must outlive the reader; `source` (the file) starts every error. `path` is the
  // dotted key of `value` ("" at the top).
  ResultReader(const nlohmann::json& value, std::string source, std::string path = {});

  // Fails unless the value is an object.
  [[nodiscard]] ResultReader object() const;
  [[nodiscard]] bool has(std::string_view key) const;
  // The member `key` of this object, whatever its type.
  [[nodiscard]] ResultReader at(std::string_view key) const;
  // The elements of the array `key` (empty allowed).
  [[nodiscard]] std::vector<ResultReader> items(std::string_view key) const;
  // The members of this object, in key order, as (key, reader) pairs.
  [[nodiscard]] std::vector<std::pair<std::string, ResultReader>> members() const;

  [[nodiscard]] double number(std::string_view key) const;
  // A number in [0, 1]: an accuracy or another fraction.
  [[nodiscard]] double fraction(std::string_view key) const;
  // A number, or null for a value that does not exist (read as NaN).
  [[nodiscard]] double number_or_null(std::string_view key) const;
  [[nodiscard]] std::size_t count(std::string_view key) const;
  [[nodiscard]] std::string text(std::string_view key) const;
  [[nodiscard]] bool boolean(std::string_view key) const;
  [[nodiscard]] std::vector<double> numbers(std::string_view key) const;
  [[nodiscard]] std::vector<std::size_t> counts(std::string_view key) const;
  // Any JSON value, kept as it is (e.g. a config, whose schema is its reader's).
  [[nodiscard]] const nlohmann::json& raw(std::string_view key) const;

  // This value read as a number, a count, etc. (for array elements).
  [[nodiscard]] double as_number() const;
  [[nodiscard]] std::size_t as_count() const;

  [[nodiscard]] const nlohmann::json& value() const { return *value_; }
  [[nodiscard]] const std::string& source() const { return source_; }
  // "<path>.<key>", or "<key>" at the top.
  [[nodiscard]] std::string path_of(std::string_view key) const;

  // Throws std::runtime_error "<source>: <path>.<key>: <problem>" (key empty: this value).
  [[noreturn]] void fail(std::string_view key, std::string_view problem) const;

 private:
  const nlohmann::json* value_;
  std::string source_;
  std::string path_;
};

}  // namespace sprout::io
