#pragma once
// The output layer: commands hand it data, it prints a table (terminals), JSON (pipes, -o json),
// YAML (-o yaml), shell assignments (-o env) or bare IDs (-o id). Data goes to stdout only;
// messages and logs go to stderr elsewhere.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aepflow::cli {

// What a command produces. Format::json is the structured data, written in one of the encodings.
enum class Format { table, json, id };
enum class Encoding { json, yaml, env };

using Row = std::vector<std::string>;

struct OutputStyle {
  Format format = Format::json;
  Encoding encoding = Encoding::json;
  std::string env_prefix;  // -o env: FLOW for `flow ...` commands (FLOW_ID=...)
  std::size_t width = 0;   // a table's widest line (the terminal's columns); 0: no limit
  bool colour = false;     // a table's header in bold
  // --dry-run: structured output is marked "dryRun": true and carries no invented ID or etag.
  bool dry_run = false;
  // A JSON Pointer (already checked): only the value there of what json() is given is printed,
  // a string as bare text (for scripts: ID=$(aepflow ... --query /id)), anything else encoded.
  std::string query;
};

class Output {
 public:
  Output(std::ostream& out, OutputStyle style);

  Format format() const { return style_.format; }
  const OutputStyle& style() const { return style_; }
  bool querying() const { return query_.has_value(); }
  // Whether a --query found nothing in what was printed.
  bool query_missed() const { return query_missed_; }

  void json(const nlohmann::json& j);
  void id(std::string_view id);
  // Aligned columns with an upper-case header row; returns the column widths it used.
  std::vector<std::size_t> table(const Row& header, const std::vector<Row>& rows);
  // "  key  value" lines under an optional title, keys aligned.
  void fields(std::string_view title, const std::vector<std::pair<std::string, std::string>>& kv);
  // A line for a person: what came from the service or a file is in it, so its control
  // characters are made visible (printable()).
  void line(std::string_view text);
  // A line written as it is: what is meant to be exact (a body `api` prints off a terminal), or
  // already made safe piece by piece (a line with its own colour codes).
  void verbatim(std::string_view text);
  std::ostream& stream() { return out_; }
  // `value` in the structured encoding (no query applied).
  void encoded(const nlohmann::json& value);
  // One table line: cells padded to `widths` (cut where longer), the last one unpadded.
  std::string table_line(const Row& cells, const std::vector<std::size_t>& widths) const;

 private:
  // json() after a dry run's marks.
  void show(const nlohmann::json& j);
  // Column widths that fit the style's width: the widest columns give way first, to no less than
  // their header; ID columns never do. Cells longer than their column end in "…".
  std::vector<std::size_t> fit(std::vector<std::size_t> widths, const Row& header) const;
  // The header row, already in capitals, bold where colour is on.
  std::string header_line(const Row& caps, const std::vector<std::size_t>& widths) const;

  std::ostream& out_;
  OutputStyle style_;
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
  Output& out_;
  std::ostream& stream_;
  Row header_;
  std::vector<Row> pending_;
  std::vector<std::size_t> width_;
  nlohmann::json held_ = nlohmann::json::array();  // the items, when a --query picks from them
  long count_ = 0;
};

}  // namespace aepflow::cli
