// libFuzzer target: arbitrary bytes as an etag (--etag, a flow's etag field) and as audience and
// dataflow IDs (flags, files). Besides never crashing: what the normalisers give back is a fixed
// point (normalising it again changes nothing), an etag is one pair of quotes around a value that
// can go into an If-Match header as it is, and two spellings of one audience are one audience.
//
// Input: the value; it is also read as a list of IDs, one a line.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/flow/etag.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/http/http.hpp"

namespace {

using namespace aepflow;

void check_etag(std::string_view given) {
  auto etag = normalize_etag(given);
  if (!etag) return;
  const std::string& e = *etag;
  if (e.size() < 3 || e.front() != '"' || e.back() != '"') __builtin_trap();
  const std::string_view bare = std::string_view(e).substr(1, e.size() - 2);
  if (bare.find_first_of("\"\\' \t\r\n") != std::string_view::npos) __builtin_trap();
  if (header_value_flaw(e) != std::string_view::npos) __builtin_trap();
  auto again = normalize_etag(e);
  if (!again || *again != e) __builtin_trap();
}

void check_audience(std::string_view given) {
  auto id = normalize_audience_id(given);
  if (!id) return;
  if (id->empty()) __builtin_trap();
  for (unsigned char c : *id) {
    if (c <= 0x20 || c >= 0x7f || std::string_view(",;\"'\\").find(c) != std::string_view::npos) {
      __builtin_trap();
    }
  }
  if (is_uuid(*id) &&
      std::any_of(id->begin(), id->end(), [](unsigned char c) { return std::isupper(c); })) {
    __builtin_trap();
  }
  auto again = normalize_audience_id(*id);
  if (!again || *again != *id) __builtin_trap();
  if (!same_audience(given, *id) || !same_audience(*id, given)) __builtin_trap();
}

void check_uuid_agrees(std::string_view given) {
  if (check_uuid("dataflow ID", given).has_value() != is_uuid(given)) __builtin_trap();
}

void check_list(std::string_view text) {
  std::vector<std::string> given;
  for (auto nl = text.find('\n');; nl = text.find('\n')) {
    given.emplace_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  auto ids = normalize_audience_ids(given, "--audience");
  if (!ids) return;
  // Each given ID is in the list once, as it normalises.
  for (std::size_t i = 0; i < ids->size(); ++i) {
    for (std::size_t j = i + 1; j < ids->size(); ++j) {
      if (same_audience((*ids)[i], (*ids)[j])) __builtin_trap();
    }
  }
  for (const auto& g : given) {
    auto id = normalize_audience_id(g);
    if (!id || std::find(ids->begin(), ids->end(), *id) == ids->end()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view given(reinterpret_cast<const char*>(data), size);
  check_etag(given);
  check_audience(given);
  check_uuid_agrees(given);
  if (size <= 4096) check_list(given);  // quadratic in the lines
  return 0;
}
