#include "output.hpp"

#include <algorithm>

namespace aepflow::cli {

void Output::json(const nlohmann::json& j) {
  const nlohmann::json* shown = &j;
  if (query_) {
    if (!j.contains(*query_)) {
      query_missed_ = true;
      return;
    }
    shown = &j.at(*query_);
    if (shown->is_string()) {
      out_ << shown->get_ref<const std::string&>() << '\n';
      return;
    }
  }
  out_ << shown->dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void Output::id(std::string_view id) {
  out_ << id << '\n';
}

void Output::line(std::string_view text) {
  out_ << text << '\n';
}

void Output::table(const Row& header, const std::vector<Row>& rows) {
  std::vector<std::size_t> width(header.size(), 0);
  auto measure = [&](const Row& r) {
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) {
      width[i] = std::max(width[i], r[i].size());
    }
  };
  Row upper = header;
  for (auto& h : upper) {
    std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::toupper(c); });
  }
  measure(upper);
  for (const auto& r : rows)
    measure(r);
  auto print = [&](const Row& r) {
    std::string line;
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) {
      line += r[i];
      if (i + 1 < r.size()) line += std::string(width[i] - r[i].size() + 2, ' ');
    }
    out_ << line << '\n';
  };
  print(upper);
  for (const auto& r : rows)
    print(r);
}

void Output::fields(std::string_view title,
                    const std::vector<std::pair<std::string, std::string>>& kv) {
  if (!title.empty()) out_ << title << '\n';
  std::size_t w = 0;
  for (const auto& [k, v] : kv)
    w = std::max(w, k.size());
  for (const auto& [k, v] : kv) {
    out_ << "  " << k << std::string(w - k.size() + 2, ' ') << v << '\n';
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
    case Format::json: {
      if (out_.querying()) {  // the pointer is into the whole list: printed at the end
        held_.push_back(item);
        break;
      }
      std::string text = item.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
      std::string indented;
      indented.reserve(text.size() + 64);
      for (char c : text) {
        indented.push_back(c);
        if (c == '\n') indented.append("  ");
      }
      stream_ << (count_ == 0 ? "[\n  " : ",\n  ") << indented;
      break;
    }
    case Format::table:
      if (width_.empty()) {
        pending_.push_back(row(item));
      } else {
        print_row(row(item));
      }
      break;
  }
  ++count_;
}

void ListStream::print_row(const Row& r) {
  std::string line;
  for (std::size_t i = 0; i < r.size(); ++i) {
    line += r[i];
    if (i + 1 < r.size()) {
      const std::size_t w = i < width_.size() ? width_[i] : r[i].size();
      line += std::string(w > r[i].size() ? w - r[i].size() + 2 : 2, ' ');
    }
  }
  stream_ << line << '\n';
}

void ListStream::end_page() {
  if (out_.format() != Format::table || !width_.empty()) {
    stream_.flush();
    return;
  }
  Row upper = header_;
  for (auto& h : upper) {
    std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::toupper(c); });
  }
  width_.assign(upper.size(), 0);
  pending_.insert(pending_.begin(), upper);
  for (const auto& r : pending_) {
    for (std::size_t i = 0; i < r.size() && i < width_.size(); ++i)
      width_[i] = std::max(width_[i], r[i].size());
  }
  for (const auto& r : pending_)
    print_row(r);
  pending_.clear();
  pending_.shrink_to_fit();
  stream_.flush();
}

void ListStream::abandon() {
  if (out_.format() == Format::table && width_.empty()) end_page();
  if (out_.format() == Format::json && count_ > 0 && !out_.querying()) stream_ << '\n';
  stream_.flush();
}

void ListStream::finish() {
  if (out_.format() == Format::table && width_.empty()) end_page();
  if (out_.querying()) {
    out_.json(held_);
  } else if (out_.format() == Format::json) {
    stream_ << (count_ == 0 ? "[]\n" : "\n]\n");
  }
  stream_.flush();
}

}  // namespace aepflow::cli
