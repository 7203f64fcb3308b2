#pragma once
// Strict reading of JSON config files: every key read is remembered, so finish() can
// reject unknown keys; wrong types and out-of-range values fail with one line
// "<source>: <key path>: <problem>".

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sprout::io {

// A config value that fails a check: "<source>: <key path>: <problem>". The key path
// ("network.hidden") lets a caller that set the key from a command-line option name the
// option instead of the file.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string_view source, std::string key_path, std::string problem)
      : std::runtime_error(fmt::format("{}: {}: {}", source, key_path, problem)),
        key_path_(std::move(key_path)),
        problem_(std::move(problem)) {}
  [[nodiscard]] const std::string& key_path() const { return key_path_; }
  [[nodiscard]] const std::string& problem() const { return problem_; }

 private:
  std::string key_path_;
  std::string problem_;
};

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& names, Enum value) {
  for (const auto& [candidate, name] : names)
    if (candidate == value) return name;
  return "?";
}

// Reads the keys of one JSON object and remembers which it read, so that finish() can
// reject the rest as unknown. Every error is "<source>: <key path>: <problem>".
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& object, std::string prefix, std::string_view source)
      : object_(object), prefix_(std::move(prefix)), source_(source) {
    if (!object_.is_object()) {
      const std::string name =
          prefix_.empty() ? "(top level)" : prefix_.substr(0, prefix_.size() - 1);
      throw ConfigError(source_, name, fmt::format("expected an object, got {}", object_.dump()));
    }
  }

  [[nodiscard]] bool has(const char* key) const { return object_.contains(key); }

  // A nested object if present; read it with its own reader (and call finish() on it).
  [[nodiscard]] std::optional<ObjectReader> object(const char* key) {
    if (!take(key)) return std::nullopt;
    return ObjectReader(object_.at(key), prefix_ + key + ".", source_);
  }

  template <typename Integer>
  void integer(const char* key, Integer& out, std::uint64_t minimum, std::uint64_t maximum) {
    if (!take(key)) return;
    out = static_cast<Integer>(integer_value(key, object_.at(key), minimum, maximum));
  }

  void boolean(const char* key, bool& out) {
    if (!take(key)) return;
    const nlohmann::json& value = object_.at(key);
    if (!value.is_boolean()) fail(key, fmt::format("expected true or false, got {}", value.dump()));
    out = value.get<bool>();
  }

  template <typename Real>
  void real(const char* key, Real& out, double minimum, bool minimum_allowed, double maximum,
            bool maximum_allowed) {
    if (!take(key)) return;
    out = static_cast<Real>(
        real_value(key, object_.at(key), minimum, minimum_allowed, maximum, maximum_allowed));
  }

  template <typename Enum, std::size_t N>
  void choice(const char* key, Enum& out, const Names<Enum, N>& names) {
    if (!take(key)) return;
    const nlohmann::json& value = object_.at(key);
    std::vector<std::string_view> allowed;
    for (const auto& [candidate, name] : names) {
      if (value.is_string() && value.get<std::string>() == name) {
        out = candidate;
        return;
      }
      allowed.push_back(name);
    }
    fail(key,
         fmt::format("expected one of \"{}\", got {}", fmt::join(allowed, "\", \""), value.dump()));
  }

  void integer_list(const char* key, std::vector<std::size_t>& out, std::uint64_t minimum,
                    std::uint64_t maximum) {
    if (!take(key)) return;
    out.clear();
    for (const nlohmann::json& item : list(key))
      out.push_back(static_cast<std::size_t>(integer_value(key, item, minimum, maximum)));
  }

  void real_list(const char* key, std::vector<double>& out, double minimum, bool minimum_allowed,
                 double maximum, bool maximum_allowed) {
    if (!take(key)) return;
    out.clear();
    for (const nlohmann::json& item : list(key))
      out.push_back(real_value(key, item, minimum, minimum_allowed, maximum, maximum_allowed));
  }

  // A key that must not be given in this context (e.g. momentum for Adam).
  void forbid(const char* key, std::string_view reason) {
    if (has(key)) fail(key, reason);
  }

  void finish() const {
    for (const auto& item : object_.items()) {
      if (used_.count(item.key()) == 0) {
        fail(item.key(), fmt::format("unknown key (known: {})", fmt::join(known_, ", ")));
      }
    }
  }

  [[noreturn]] void fail(std::string_view key, std::string_view problem) const {
    throw ConfigError(source_, prefix_ + std::string(key), std::string(problem));
  }

 private:
  bool take(const char* key) {
    known_.emplace_back(key);
    used_.insert(key);
    return object_.contains(key);
  }

  const nlohmann::json& list(const char* key) const {
    const nlohmann::json& value = object_.at(key);
    if (!value.is_array() || value.empty())
      fail(key, fmt::format("expected a non-empty list, got {}", value.dump()));
    return value;
  }

  std::uint64_t integer_value(const char* key, const nlohmann::json& value, std::uint64_t minimum,
                              std::uint64_t maximum) const {
    if (!value.is_number_integer())
      fail(key, fmt::format("expected an integer, got {}", value.dump()));
    if (value.is_number_unsigned() || value.get<std::int64_t>() >= 0) {
      const auto number = value.get<std::uint64_t>();
      if (number >= minimum && number <= maximum) return number;
    }
    fail(key, fmt::format("must be in [{}, {}], got {}", minimum, maximum, value.dump()));
  }

  double real_value(const char* key, const nlohmann::json& value, double minimum,
                    bool minimum_allowed, double maximum, bool maximum_allowed) const {
    if (!value.is_number()) fail(key, fmt::format("expected a number, got {}", value.dump()));
    const auto number = value.get<double>();
    const bool above = minimum_allowed ? number >= minimum : number > minimum;
    const bool below = maximum_allowed ? number <= maximum : number < maximum;
    if (!above || !below) {
      fail(key, fmt::format("must be in {}{}, {}{}, got {}", minimum_allowed ? "[" : "(", minimum,
                            maximum, maximum_allowed ? "]" : ")", value.dump()));
    }
    return number;
  }

  const nlohmann::json& object_;
  std::string prefix_;
  std::string_view source_;
  std::set<std::string> used_;
  std::vector<std::string> known_;
};

}  // namespace sprout::io
