#include "io/config_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>

#include "io/config_reader.hpp"
#include "io/results_file.hpp"

namespace sprout::io {
namespace {

// Deeper chains are a mistake, not a design.
constexpr int kMaxExtendsDepth = 16;

nlohmann::json resolve(const std::filesystem::path& path, std::set<std::filesystem::path>& chain,
                       int depth) {
  nlohmann::json document = read_json_file(path);
  if (!document.is_object())
    throw std::runtime_error(fmt::format("{}: expected a JSON object", path.string()));
  const auto extends = document.find("extends");
  if (extends == document.end()) return document;
  if (!extends->is_string() || extends->get<std::string>().empty()) {
    throw std::runtime_error(fmt::format("{}: extends: expected the path of a base config, got {}",
                                         path.string(), extends->dump()));
  }
  const std::filesystem::path base = path.parent_path() / extends->get<std::string>();
  std::error_code error;
  const std::filesystem::path key = std::filesystem::weakly_canonical(base, error);
  if (!chain.insert(error ? base : key).second) {
    throw std::runtime_error(
        fmt::format("{}: extends: {} extends itself", path.string(), base.string()));
  }
  if (depth >= kMaxExtendsDepth) {
    throw std::runtime_error(
        fmt::format("{}: extends: more than {} levels", path.string(), kMaxExtendsDepth));
  }
  nlohmann::json resolved = resolve(base, chain, depth + 1);
  document.erase("extends");
  resolved.merge_patch(document);
  return resolved;
}

// "network.hidden" -> "/network/hidden" (config keys hold no '/' or '~').
nlohmann::json::json_pointer pointer_of(const std::string& key_path) {
  std::string pointer = key_path;
  std::replace(pointer.begin(), pointer.end(), '.', '/');
  return nlohmann::json::json_pointer(pointer.insert(0, 1, '/'));
}

// The text as a JSON number, if it is one ("400", "-1", "0.5", "1e3"); a number too large
// for a double ("1e400") is not one.
std::optional<nlohmann::json> number_value(std::string_view text) {
  if (text.empty()) return std::nullopt;
  try {
    nlohmann::json value = nlohmann::json::parse(text);
    if (value.is_number()) return value;
  } catch (const nlohmann::json::exception&) {
  }
  return std::nullopt;
}

// Whether `key_path` can be set: no value on its way is something other than an object.
// One that is (`"budget": 5` for budget.synapses) is left for the config's reader to
// refuse, naming the file and the key.
bool settable(const nlohmann::json& document, std::string_view key_path) {
  const nlohmann::json* node = &document;
  for (std::size_t dot = key_path.find('.'); dot != std::string_view::npos;
       dot = key_path.find('.')) {
    if (!node->is_object()) return false;
    const auto found = node->find(key_path.substr(0, dot));
    if (found == node->end()) return true;
    node = &*found;
    key_path.remove_prefix(dot + 1);
  }
  return node->is_object();
}

}  // namespace

nlohmann::json read_config_document(const std::filesystem::path& path) {
  std::set<std::filesystem::path> chain;
  std::error_code error;
  const std::filesystem::path key = std::filesystem::weakly_canonical(path, error);
  chain.insert(error ? path : key);
  return resolve(path, chain, 0);
}

nlohmann::json option_value(std::string_view text) {
  if (text == "true") return true;
  if (text == "false") return false;
  if (auto number = number_value(text)) return *number;
  if (text.find(',') != std::string_view::npos) {
    nlohmann::json list = nlohmann::json::array();
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      const std::string_view item = text.substr(start, comma - start);
      auto number = number_value(item);
      list.push_back(number ? *number : nlohmann::json(std::string(item)));
      start = comma + 1;
    }
    return list;
  }
  return std::string(text);
}

void apply_overrides(nlohmann::json& document, std::span<const ConfigOverride> overrides) {
  for (const ConfigOverride& item : overrides)
    if (settable(document, item.key_path)) document[pointer_of(item.key_path)] = item.value;
}

void rethrow_config_error(std::span<const ConfigOverride> overrides) {
  try {
    throw;
  } catch (const ConfigError& error) {
    for (const ConfigOverride& item : overrides) {
      if (item.key_path == error.key_path())
        throw std::runtime_error(fmt::format("{}: {}", item.option, error.problem()));
    }
    throw;
  }
}

}  // namespace sprout::io
