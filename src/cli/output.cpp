#include "output.hpp"

#include <algorithm>

namespace aepflow::cli {

void Output::json(const nlohmann::json& j) {
  out_ << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
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

}  // namespace aepflow::cli
