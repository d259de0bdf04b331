#pragma once
// The output layer: commands hand it data, it prints a table (terminals), JSON (pipes, -o json) or
// bare IDs (-o id). Data goes to stdout only; messages and logs go to stderr elsewhere.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
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
  // Only the value at `pointer` of what json() is given is printed: a string as bare text (for
  // scripts: ID=$(aepflow ... --query /id)), anything else as JSON.
  Output(std::ostream& out, nlohmann::json::json_pointer pointer)
      : out_(out), format_(Format::json), query_(std::move(pointer)) {}

  Format format() const { return format_; }
  bool querying() const { return query_.has_value(); }
  // Whether a --query found nothing in what was printed.
  bool query_missed() const { return query_missed_; }

  void json(const nlohmann::json& j);
  void id(std::string_view id);
  // Aligned columns with an upper-case header row.
  void table(const Row& header, const std::vector<Row>& rows);
  // "  key  value" lines under an optional title, keys aligned.
  void fields(std::string_view title, const std::vector<std::pair<std::string, std::string>>& kv);
  void line(std::string_view text);
  std::ostream& stream() { return out_; }

 private:
  std::ostream& out_;
  Format format_;
  std::optional<nlohmann::json::json_pointer> query_;
  bool query_missed_ = false;
};

// A list printed as it arrives, page by page, so memory stays flat however long it is: a JSON
// array written item by item, one ID per line, or a table whose column widths the first page sets.
class ListStream {
 public:
  ListStream(Output& out, Row header)
      : out_(out), stream_(out.stream()), header_(std::move(header)) {}
  void add(const nlohmann::json& item, const std::function<Row(const nlohmann::json&)>& row);
  // Prints what add() held back (the table's first page); call after each page.
  void end_page();
  // Closes the JSON array (only when the list is complete: a cut-off list must not parse).
  void finish();
  // Ends the output on a whole line, leaving a JSON array open: the list is incomplete.
  void abandon();
  long count() const { return count_; }

 private:
  void print_row(const Row& r);

  Output& out_;
  std::ostream& stream_;
  Row header_;
  std::vector<Row> pending_;
  std::vector<std::size_t> width_;
  nlohmann::json held_ = nlohmann::json::array();  // the items, when a --query picks from them
  long count_ = 0;
};

}  // namespace aepflow::cli
