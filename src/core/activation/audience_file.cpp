#include "aepflow/activation/audience_file.hpp"

#include <algorithm>
#include <array>

#include "aepflow/base/utf8.hpp"
#include "aepflow/flow/ids.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

using SpecField = std::optional<std::string> AudienceSpec::*;

// The API's names for the settings of an audience (schedule fields flattened).
const std::array<std::pair<std::string_view, SpecField>, 9> setting_fields = {{
    {"name", &AudienceSpec::name},
    {"description", &AudienceSpec::description},
    {"filenameTemplate", &AudienceSpec::filename_template},
    {"exportMode", &AudienceSpec::export_mode},
    {"frequency", &AudienceSpec::frequency},
    {"triggerType", &AudienceSpec::trigger_type},
    {"startDate", &AudienceSpec::start_date},
    {"startTime", &AudienceSpec::start_time},
    {"endDate", &AudienceSpec::end_date},
}};

std::optional<SpecField> field_named(std::string_view name) {
  for (const auto& [n, f] : setting_fields) {
    if (n == name) return f;
  }
  return std::nullopt;
}

std::string known_columns() {
  std::string out = "id";
  for (const auto& [n, f] : setting_fields)
    out.append(", ").append(n);
  return out;
}

std::unexpected<Error> bad(std::string_view file, const std::string& where,
                           const std::string& what) {
  return usage(std::string(file) + ": " + where + ": " + what);
}

// ---- CSV (RFC 4180: quoted fields, "" for a quote, commas and newlines inside quotes) ----------

struct CsvRow {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

Result<std::vector<CsvRow>> read_csv(std::string_view text, std::string_view file) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a spreadsheet's BOM
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string cell;
  std::size_t line = 1;
  row.line = 1;
  bool quoted = false, cell_started = false;
  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    cell_started = false;
  };
  auto end_row = [&] {
    end_cell();
    bool blank = row.cells.size() == 1 && row.cells[0].empty();
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
    row.line = line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line;
        cell.push_back(ch);
      }
    } else if (ch == '"' && !cell_started) {
      quoted = cell_started = true;
    } else if (ch == ',') {
      end_cell();
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else {
      cell.push_back(ch);
      cell_started = true;
    }
  }
  if (quoted) return bad(file, "line " + std::to_string(row.line), "a quoted field is not closed");
  if (!cell.empty() || !row.cells.empty()) end_row();
  return rows;
}

Result<Expectation> parse_csv(std::string_view text, std::string_view file) {
  auto rows = read_csv(text, file);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return bad(file, "line 1", "the file is empty; it needs a header row");
  const CsvRow& header = rows->front();
  std::vector<std::optional<SpecField>> columns;  // nullopt: the id column
  bool has_id = false;
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    std::string name = header.cells[c];
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (name == "id") {
      has_id = true;
      columns.push_back(std::nullopt);
    } else if (auto f = field_named(name)) {
      columns.push_back(f);
    } else {
      return bad(file, "line 1",
                 "unknown column '" + name + "' (columns: " + known_columns() + ")");
    }
  }
  if (!has_id) return bad(file, "line 1", "no 'id' column");
  Expectation out;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const CsvRow& row = (*rows)[r];
    const std::string where = "line " + std::to_string(row.line);
    if (row.cells.size() > columns.size()) {
      return bad(file, where,
                 std::to_string(row.cells.size()) + " cells for " + std::to_string(columns.size()) +
                     " columns");
    }
    AudienceSpec a;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (row.cells[c].empty()) continue;
      if (!columns[c]) {
        auto id = normalize_audience_id(row.cells[c]);
        if (!id) return bad(file, where, id.error().message);
        a.id = std::move(*id);
      } else {
        a.*(*columns[c]) = row.cells[c];
      }
    }
    if (a.id.empty()) return bad(file, where, "the id is empty");
    out.audiences.push_back(std::move(a));
  }
  return out;
}

// ---- JSON ------------------------------------------------------------------------------------

Result<std::string> string_field(const json& v, std::string_view file, const std::string& where,
                                 std::string_view key) {
  if (!v.is_string()) {
    return bad(file, where, std::string(key) + " must be a string, got " + v.dump());
  }
  return v.get<std::string>();
}

Result<AudienceSpec> json_audience(const json& item, std::string_view file,
                                   const std::string& where) {
  if (!item.is_object()) return bad(file, where, "an audience must be an object");
  // A whole segment selector: its value holds the audience.
  if (item.contains("value") && item["value"].is_object()) {
    for (const auto& [k, _] : item.items()) {
      if (k != "type" && k != "value") return bad(file, where, "unknown field '" + k + "'");
    }
    return json_audience(item["value"], file, where + ".value");
  }
  AudienceSpec a;
  for (const auto& [key, value] : item.items()) {
    if (key == "createTime" || key == "updateTime") continue;  // as a flow export carries them
    if (key == "schedule") {
      if (!value.is_object()) return bad(file, where, "schedule must be an object");
      for (const auto& [sk, sv] : value.items()) {
        auto f = field_named(sk);
        if (!f || sk == "name" || sk == "description" || sk == "filenameTemplate" ||
            sk == "exportMode") {
          return bad(file, where + ".schedule", "unknown field '" + sk + "'");
        }
        auto s = string_field(sv, file, where + ".schedule", sk);
        if (!s) return std::unexpected(s.error());
        a.*(*f) = *s;
      }
      continue;
    }
    auto s = string_field(value, file, where, key);
    if (key == "id") {
      if (!s) return std::unexpected(s.error());
      auto id = normalize_audience_id(*s);
      if (!id) return bad(file, where, id.error().message);
      a.id = std::move(*id);
    } else if (auto f = field_named(key)) {
      if (!s) return std::unexpected(s.error());
      a.*(*f) = *s;
    } else {
      return bad(file, where,
                 "unknown field '" + key + "' (fields: " + known_columns() + ", schedule)");
    }
  }
  if (a.id.empty()) return bad(file, where, "the id is missing");
  return a;
}

Result<std::vector<std::string>> string_list(const json& v, std::string_view file,
                                             const std::string& key) {
  if (!v.is_array()) return bad(file, key, "must be an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    auto s = string_field(v[i], file, key + "[" + std::to_string(i) + "]", "the entry");
    if (!s) return std::unexpected(s.error());
    out.push_back(*s);
  }
  return out;
}

Result<Expectation> parse_json(const json& doc, std::string_view file) {
  Expectation out;
  const json* audiences = &doc;
  if (doc.is_object()) {
    static const json none = json::array();
    audiences = &none;
    for (const auto& [key, value] : doc.items()) {
      if (key == "audiences") {
        audiences = &value;
      } else if (key == "attributes" || key == "identities" || key == "mandatoryFields") {
        auto list = string_list(value, file, key);
        if (!list) return std::unexpected(list.error());
        (key == "attributes"   ? out.attributes
         : key == "identities" ? out.identities
                               : out.mandatory) = std::move(*list);
      } else if (key == "primaryFields") {
        if (!value.is_array()) return bad(file, key, "must be an array");
        std::vector<DedupKey> keys;
        for (std::size_t i = 0; i < value.size(); ++i) {
          const std::string where = key + "[" + std::to_string(i) + "]";
          if (value[i].is_string()) {
            keys.push_back(DedupKey::parse(value[i].get<std::string>()));
          } else if (auto k = DedupKey::from_json(value[i])) {
            keys.push_back(*k);
          } else {
            return bad(file, where,
                       "expected {\"fieldType\":\"ATTRIBUTE\",\"attributePath\":...}, "
                       "{\"fieldType\":\"IDENTITY\",\"identityNamespace\":...} or a string");
          }
        }
        out.dedup_keys = std::move(keys);
      } else {
        return bad(file, "top level",
                   "unknown key '" + key +
                       "' (keys: audiences, attributes, identities, mandatoryFields, "
                       "primaryFields)");
      }
    }
  }
  if (!audiences->is_array()) return bad(file, "audiences", "must be an array");
  for (std::size_t i = 0; i < audiences->size(); ++i) {
    auto a = json_audience((*audiences)[i], file, "audiences[" + std::to_string(i) + "]");
    if (!a) return std::unexpected(a.error());
    out.audiences.push_back(std::move(*a));
  }
  return out;
}

}  // namespace

Result<Expectation> parse_audience_file(std::string_view text, std::string_view file_name) {
  if (auto ok = check_utf8(file_name, text, /*file=*/true); !ok) return std::unexpected(ok.error());
  auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '[' || text[first] == '{')) {
    try {
      return parse_json(json::parse(text), file_name);
    } catch (const json::exception& e) {
      // Syntax errors, and numbers too large for any type (out_of_range 406).
      return usage(std::string(file_name) + ": not valid JSON: " + e.what());
    }
  }
  return parse_csv(text, file_name);
}

}  // namespace aepflow
