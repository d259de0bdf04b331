#include "aepflow/base/json_fields.hpp"

namespace aepflow {

const nlohmann::json& member(const nlohmann::json& j, std::string_view key) {
  static const nlohmann::json null_value;
  if (!j.is_object()) return null_value;
  auto it = j.find(key);
  return it == j.end() ? null_value : *it;
}

const nlohmann::json& object_member(const nlohmann::json& j, std::string_view key) {
  static const nlohmann::json empty = nlohmann::json::object();
  const nlohmann::json& m = member(j, key);
  return m.is_object() ? m : empty;
}

const nlohmann::json& array_member(const nlohmann::json& j, std::string_view key) {
  static const nlohmann::json empty = nlohmann::json::array();
  const nlohmann::json& m = member(j, key);
  return m.is_array() ? m : empty;
}

std::string text_of(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t integer_of(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json& m = member(j, key);
  return m.is_number_integer() ? m.get<std::int64_t>() : 0;
}

std::string any_text_of(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

}  // namespace aepflow
