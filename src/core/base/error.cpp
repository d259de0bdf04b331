#include "aepflow/base/error.hpp"

namespace aepflow {

std::string Error::describe() const {
  std::string out = context;
  if (!out.empty()) out += ": ";
  if (status != 0) out += "HTTP " + std::to_string(status) + " ";
  if (!code.empty()) out += "[" + code + "] ";
  if (!title.empty() && title != message) {
    out += title;
    if (!message.empty()) out += ": ";
  }
  out += message;
  if (!request_id.empty()) out += " (request id " + request_id + ")";
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

}  // namespace aepflow
