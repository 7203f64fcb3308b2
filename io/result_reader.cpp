#include "io/result_reader.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <stdexcept>

namespace sprout::io {

using nlohmann::json;

ResultReader::ResultReader(const json& value, std::string source, std::string path)
    : value_(&value), source_(std::move(source)), path_(std::move(path)) {}

ResultReader ResultReader::object() const {
  if (!value_->is_object())
    fail("", path_.empty() ? "expected a JSON object" : "expected an object");
  return *this;
}

bool ResultReader::has(std::string_view key) const {
  return value_->is_object() && value_->contains(key);
}

ResultReader ResultReader::at(std::string_view key) const {
  (void)object();
  const auto found = value_->find(key);
  if (found == value_->end()) fail(key, "missing");
  return {*found, source_, path_of(key)};
}

std::vector<ResultReader> ResultReader::items(std::string_view key) const {
  const ResultReader list = at(key);
  if (!list.value().is_array()) fail(key, "expected an array");
  std::vector<ResultReader> out;
  for (std::size_t index = 0; index < list.value().size(); ++index)
    out.emplace_back(list.value()[index], source_, list.path_of(std::to_string(index)));
  return out;
}

std::vector<std::pair<std::string, ResultReader>> ResultReader::members() const {
  (void)object();
  std::vector<std::pair<std::string, ResultReader>> out;
  for (const auto& item : value_->items())
    out.emplace_back(item.key(), ResultReader(item.value(), source_, path_of(item.key())));
  return out;
}

double ResultReader::number(std::string_view key) const {
  return at(key).as_number();
}

double ResultReader::fraction(std::string_view key) const {
  const ResultReader value = at(key);
  const double number = value.as_number();
  if (!(number >= 0.0 && number <= 1.0)) {
    value.fail("", fmt::format("expected a fraction in [0, 1], got {}", value.value().dump()));
  }
  return number;
}

double ResultReader::number_or_null(std::string_view key) const {
  const ResultReader value = at(key);
  if (value.value().is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (!value.value().is_number()) value.fail("", "expected a number or null");
  return value.value().get<double>();
}

std::size_t ResultReader::count(std::string_view key) const {
  return at(key).as_count();
}

std::string ResultReader::text(std::string_view key) const {
  const ResultReader value = at(key);
  if (!value.value().is_string()) value.fail("", "expected a string");
  return value.value().get<std::string>();
}

bool ResultReader::boolean(std::string_view key) const {
  const ResultReader value = at(key);
  if (!value.value().is_boolean()) value.fail("", "expected true or false");
  return value.value().get<bool>();
}

std::vector<double> ResultReader::numbers(std::string_view key) const {
  std::vector<double> out;
  for (const ResultReader& item : items(key))
    out.push_back(item.as_number());
  return out;
}

std::vector<std::size_t> ResultReader::counts(std::string_view key) const {
  std::vector<std::size_t> out;
  for (const ResultReader& item : items(key))
    out.push_back(item.as_count());
  return out;
}

const json& ResultReader::raw(std::string_view key) const {
  return at(key).value();
}

double ResultReader::as_number() const {
  if (!value_->is_number()) fail("", "expected a number");
  return value_->get<double>();
}

std::size_t ResultReader::as_count() const {
  // A parsed file holds non-negative integers as unsigned; a document built in memory may
  // hold them as signed.
  const bool count = value_->is_number_unsigned() ||
                     (value_->is_number_integer() && value_->get<std::int64_t>() >= 0);
  if (!count) fail("", "expected a non-negative integer");
  return value_->get<std::size_t>();
}

std::string ResultReader::path_of(std::string_view key) const {
  if (key.empty()) return path_;
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

void ResultReader::fail(std::string_view key, std::string_view problem) const {
  const std::string where = path_of(key);
  throw std::runtime_error(where.empty() ? fmt::format("{}: {}", source_, problem)
                                         : fmt::format("{}: {}: {}", source_, where, problem));
}

}  // namespace sprout::io
