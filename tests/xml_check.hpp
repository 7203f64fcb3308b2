#pragma once
// A small well-formedness checker for the SVG and HTML writers' output: balanced and
// properly nested tags, quoted attributes, no raw '<' or stray '&' in text or attribute
// values. Returns an empty string when well formed, else what went wrong and where.

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sprout::testing {

// An '&' must start &name; or &#digits;.
inline bool valid_entity_at(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '#') ++i;
  const std::size_t start = i;
  while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0)
    ++i;
  return i > start && i < text.size() && text[i] == ';';
}

inline std::string xml_problem(std::string_view doc) {
  std::vector<std::string> open;
  std::size_t at = 0;
  const auto where = [&](std::size_t pos) { return " at offset " + std::to_string(pos); };
  while (at < doc.size()) {
    if (doc[at] == '&') {
      if (!valid_entity_at(doc, at)) return "stray '&'" + where(at);
      ++at;
      continue;
    }
    if (doc[at] != '<') {
      ++at;
      continue;
    }
    if (doc.substr(at, 4) == "<!--") {
      const auto end = doc.find("-->", at);
      if (end == std::string_view::npos) return "unclosed comment" + where(at);
      at = end + 3;
      continue;
    }
    if (doc.substr(at, 2) == "<!" || doc.substr(at, 2) == "<?") {  // DOCTYPE, declaration
      const auto end = doc.find('>', at);
      if (end == std::string_view::npos) return "unclosed declaration" + where(at);
      at = end + 1;
      continue;
    }
    const bool closing = doc.substr(at, 2) == "</";
    std::size_t i = at + (closing ? 2 : 1);
    const std::size_t name_start = i;
    while (i < doc.size() && (std::isalnum(static_cast<unsigned char>(doc[i])) != 0 ||
                              doc[i] == '-' || doc[i] == ':' || doc[i] == '_')) {
      ++i;
    }
    const std::string name(doc.substr(name_start, i - name_start));
    if (name.empty()) return "tag without a name" + where(at);
    // Attributes: name="value" pairs until > or />.
    while (true) {
      while (i < doc.size() && std::isspace(static_cast<unsigned char>(doc[i])) != 0)
        ++i;
      if (i >= doc.size()) return "unterminated tag <" + name + where(at);
      if (doc[i] == '>') {
        ++i;
        if (closing) {
          if (open.empty() || open.back() != name) {
            return "closing </" + name + "> does not match <" + (open.empty() ? "" : open.back()) +
                   ">" + where(at);
          }
          open.pop_back();
        } else {
          open.push_back(name);
        }
        break;
      }
      if (doc.substr(i, 2) == "/>") {
        if (closing) return "</" + name + "/> is malformed" + where(at);
        i += 2;
        break;
      }
      if (closing) return "attribute in closing tag </" + name + where(at);
      const std::size_t attribute_start = i;
      while (i < doc.size() && doc[i] != '=' && doc[i] != '>' &&
             std::isspace(static_cast<unsigned char>(doc[i])) == 0) {
        ++i;
      }
      if (i >= doc.size() || doc[i] != '=' || i == attribute_start) {
        return "attribute without =\"value\" in <" + name + where(i);
      }
      ++i;
      if (i >= doc.size() || (doc[i] != '"' && doc[i] != '\'')) {
        return "unquoted attribute in <" + name + where(i);
      }
      const char quote = doc[i++];
      while (i < doc.size() && doc[i] != quote) {
        if (doc[i] == '<') return "'<' in attribute value of <" + name + where(i);
        if (doc[i] == '&' && !valid_entity_at(doc, i)) return "stray '&' in attribute" + where(i);
        ++i;
      }
      if (i >= doc.size()) return "unterminated attribute value in <" + name + where(at);
      ++i;
    }
    at = i;
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return {};
}

}  // namespace sprout::testing
