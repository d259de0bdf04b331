#pragma once
// The output layer: commands hand it data, it prints a table (terminals), JSON (pipes, -o json) or
// bare IDs (-o id). Data goes to stdout only; messages and logs go to stderr elsewhere.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aepflow::cli {

enum class Format { table, json, id };

using Row = std::vector<std::string>;

class Output {
 public:
  Output(std::ostream& out, Format format) : out_(out), format_(format) {}

  Format format() const { return format_; }

  void json(const nlohmann::json& j);
  void id(std::string_view id);
  // Aligned columns with an upper-case header row.
  void table(const Row& header, const std::vector<Row>& rows);
  // "  key  value" lines under an optional title, keys aligned.
  void fields(std::string_view title, const std::vector<std::pair<std::string, std::string>>& kv);
  void line(std::string_view text);

 private:
  std::ostream& out_;
  Format format_;
};

}  // namespace aepflow::cli
