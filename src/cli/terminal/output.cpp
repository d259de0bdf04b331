#include "terminal/output.hpp"

#include <algorithm>
#include <numeric>

#include "aepflow/base/text.hpp"
#include "terminal/dry_run.hpp"
#include "terminal/formats.hpp"

namespace aepflow::cli {

namespace {

// Columns a cell takes on a terminal: one per UTF-8 character.
std::size_t columns(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The first `n` columns of `s`, ending in "…" when cut.
std::string cut(std::string_view s, std::size_t n) {
  if (columns(s) <= n) return std::string(s);
  if (n == 0) return {};
  std::size_t kept = 0, i = 0;
  while (i < s.size() && kept < n - 1) {
    ++i;
    while (i < s.size() && (s[i] & 0xC0) == 0x80)
      ++i;
    ++kept;
  }
  return std::string(s.substr(0, i)) + "…";
}

Row upper(Row header) {
  for (auto& h : header) {
    std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::toupper(c); });
  }
  return header;
}

void measure(std::vector<std::size_t>& width, const Row& r) {
  for (std::size_t i = 0; i < r.size() && i < width.size(); ++i)
    width[i] = std::max(width[i], columns(printable(r[i])));
}

// A JSON text with every line after the first indented by `indent`.
std::string indented(const std::string& text, std::string_view indent) {
  std::string out;
  out.reserve(text.size() + 64);
  for (std::size_t i = 0; i < text.size(); ++i) {
    out.push_back(text[i]);
    if (text[i] == '\n' && i + 1 < text.size()) out.append(indent);
  }
  return out;
}

}  // namespace

Output::Output(std::ostream& out, OutputStyle style) : out_(out), style_(std::move(style)) {
  if (!style_.query.empty()) query_.emplace(style_.query);
}

void Output::encoded(const nlohmann::json& value) {
  switch (style_.encoding) {
    case Encoding::json:
      out_ << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      break;
    case Encoding::yaml:
      out_ << to_yaml(value);
      break;
    case Encoding::env:
      out_ << to_env(value, style_.env_prefix);
      break;
  }
}

void Output::json(const nlohmann::json& j) {
  if (style_.dry_run) {
    show(marked_dry_run(j));
  } else {
    show(j);
  }
}

void Output::show(const nlohmann::json& j) {
  if (!query_) {
    encoded(j);
    return;
  }
  if (!j.contains(*query_)) {
    query_missed_ = true;
    return;
  }
  const auto& shown = j.at(*query_);
  if (shown.is_null() && style_.dry_run) return;  // an ID a dry run did not get: nothing to use
  if (shown.is_string()) {
    out_ << shown.get_ref<const std::string&>() << '\n';
    return;
  }
  encoded(shown);
}

void Output::id(std::string_view id) {
  if (style_.dry_run && is_invented(id)) return;  // X=$(... -o id --dry-run) is empty
  out_ << id << '\n';
}

void Output::line(std::string_view text) {
  out_ << printable(text) << '\n';
}

void Output::verbatim(std::string_view text) {
  out_ << text << '\n';
}

std::vector<std::size_t> Output::fit(std::vector<std::size_t> widths, const Row& header) const {
  if (style_.width == 0 || widths.empty()) return widths;
  auto total = [&] {
    return std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + 2 * (widths.size() - 1);
  };
  while (total() > style_.width) {
    // The widest column that can still give way.
    std::size_t widest = widths.size();
    for (std::size_t i = 0; i < widths.size(); ++i) {
      // IDs are what a reader copies: they are never cut.
      const bool id = i < header.size() && (header[i] == "ID" || header[i].ends_with(" ID"));
      const std::size_t floor =
          id ? widths[i] : std::max<std::size_t>(i < header.size() ? columns(header[i]) : 0, 4);
      if (widths[i] > floor && (widest == widths.size() || widths[i] > widths[widest])) widest = i;
    }
    if (widest == widths.size()) break;  // as narrow as it goes: the terminal wraps it
    --widths[widest];
  }
  return widths;
}

std::string Output::table_line(const Row& cells, const std::vector<std::size_t>& widths) const {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool last = i + 1 == cells.size();
    // Cut to fit a terminal; elsewhere a cell longer than its column (a later page's) pushes on.
    std::string cell = printable(cells[i]);
    if (style_.width > 0 && i < widths.size()) cell = cut(cell, widths[i]);
    if (!last) {
      const std::size_t w = i < widths.size() ? widths[i] : columns(cell);
      cell.append(w - std::min(w, columns(cell)) + 2, ' ');
    }
    line += cell;
  }
  return line;
}

std::string Output::header_line(const Row& caps, const std::vector<std::size_t>& widths) const {
  std::string line = table_line(caps, widths);
  return style_.colour ? "\033[1m" + line + "\033[0m" : line;
}

std::vector<std::size_t> Output::table(const Row& header, const std::vector<Row>& rows) {
  const Row caps = upper(header);
  std::vector<std::size_t> width(caps.size(), 0);
  measure(width, caps);
  for (const auto& r : rows)
    measure(width, r);
  width = fit(std::move(width), caps);
  out_ << header_line(caps, width) << '\n';
  for (const auto& r : rows)
    out_ << table_line(r, width) << '\n';
  return width;
}

void Output::fields(std::string_view title,
                    const std::vector<std::pair<std::string, std::string>>& kv) {
  if (!title.empty()) out_ << printable(title) << '\n';
  std::size_t w = 0;
  for (const auto& [k, v] : kv)
    w = std::max(w, columns(printable(k)));
  for (const auto& [k, v] : kv) {
    const std::string key = printable(k);
    out_ << "  " << key << std::string(w - columns(key) + 2, ' ') << printable(v) << '\n';
  }
}

void ListStream::add(const nlohmann::json& item,
                     const std::function<Row(const nlohmann::json&)>& row) {
  switch (out_.format()) {
    case Format::id:
      if (auto id = item.find("id"); id != item.end() && id->is_string()) {
        stream_ << id->get_ref<const std::string&>() << '\n';
      }
      break;
    case Format::json:
      if (out_.querying()) {  // the pointer is into the whole list: printed at the end
        held_.push_back(item);
        break;
      }
      switch (out_.style().encoding) {
        case Encoding::json:
          stream_ << (count_ == 0 ? "[\n  " : ",\n  ")
                  << indented(item.dump(2, ' ', false, nlohmann::json::error_handler_t::replace),
                              "  ");
          break;
        case Encoding::yaml:
          stream_ << "- " << indented(to_yaml(item), "  ");
          break;
        case Encoding::env:
          stream_ << to_env(item, env_name(out_.style().env_prefix, std::to_string(count_)));
          break;
      }
      break;
    case Format::table:
      if (width_.empty()) {
        pending_.push_back(row(item));
      } else {
        stream_ << out_.table_line(row(item), width_) << '\n';
      }
      break;
  }
  ++count_;
}

void ListStream::end_page() {
  if (out_.format() != Format::table || !width_.empty()) {
    stream_.flush();
    return;
  }
  width_ = out_.table(header_, pending_);
  pending_.clear();
  pending_.shrink_to_fit();
  stream_.flush();
}

void ListStream::abandon() {
  if (out_.format() == Format::table && width_.empty()) end_page();
  if (out_.format() == Format::json && out_.style().encoding == Encoding::json && count_ > 0 &&
      !out_.querying()) {
    stream_ << '\n';
  }
  stream_.flush();
}

void ListStream::finish() {
  if (out_.format() == Format::table && width_.empty()) end_page();
  if (out_.querying()) {
    out_.json(held_);
  } else if (out_.format() == Format::json) {
    switch (out_.style().encoding) {
      case Encoding::json:
        stream_ << (count_ == 0 ? "[]\n" : "\n]\n");
        break;
      case Encoding::yaml:
        if (count_ == 0) stream_ << "[]\n";
        break;
      case Encoding::env:
        stream_ << env_name(out_.style().env_prefix, "COUNT") << '=' << count_ << '\n';
        break;
    }
  }
  stream_.flush();
}

}  // namespace aepflow::cli
