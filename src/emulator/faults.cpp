#include "faults.hpp"

#include <charconv>

#include "errors.hpp"
#include "service.hpp"
#include "util.hpp"

namespace emulator {

namespace {

std::optional<FaultAction> action_named(const std::string& name) {
  if (name == "status") return FaultAction::status;
  if (name == "touch") return FaultAction::touch;
  if (name == "latency") return FaultAction::latency;
  if (name == "drop-before") return FaultAction::drop_before;
  if (name == "drop-after") return FaultAction::drop_after;
  if (name == "truncate") return FaultAction::truncate;
  return std::nullopt;
}

template <class T>
bool number(const std::string& text, T& out) {
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && p == end;
}

// Applies one key; false with `error` set when the key or value is wrong.
bool apply(Fault& f, const std::string& key, const std::string& value, std::string& error) {
  bool ok = true;
  if (key == "action") {
    int status = 0;
    if (number(value, status)) {
      f.action = FaultAction::status;
      f.status = status;
    } else if (auto a = action_named(value)) {
      f.action = *a;
    } else {
      error = "unknown fault action '" + value +
              "' (status, touch, latency, drop-before, drop-after, truncate, or a status code)";
      return false;
    }
  } else if (key == "method") {
    f.method = value;
  } else if (key == "path" || key == "pathPrefix") {
    f.path = key == "pathPrefix" ? value + "*" : value;
  } else if (key == "status") {
    ok = number(value, f.status) && f.status >= 100 && f.status <= 599;
  } else if (key == "retryAfter" || key == "retry-after") {
    ok = number(value, f.retry_after);
  } else if (key == "latency" || key == "latencyMs") {
    long ms = 0;
    ok = number(value, ms) && ms >= 0;
    f.latency = std::chrono::milliseconds(ms);
  } else if (key == "rate") {
    try {
      std::size_t used = 0;
      f.rate = std::stod(value, &used);
      ok = used == value.size() && f.rate >= 0 && f.rate <= 1;
    } catch (const std::exception&) {
      ok = false;
    }
  } else if (key == "times") {
    ok = number(value, f.times);
  } else if (key == "skip") {
    ok = number(value, f.skip) && f.skip >= 0;
  } else {
    error = "unknown fault key '" + key +
            "' (action, method, path, pathPrefix, status, retryAfter, latency, rate, times, skip)";
    return false;
  }
  if (!ok) error = "bad value for fault key '" + key + "': '" + value + "'";
  return ok;
}

}  // namespace

std::optional<Fault> parse_fault(const std::string& spec, std::string& error) {
  Fault f;
  std::size_t start = 0;
  while (start <= spec.size()) {
    auto comma = spec.find(',', start);
    std::string item = spec.substr(start, comma == std::string::npos ? comma : comma - start);
    if (!item.empty()) {
      auto eq = item.find('=');
      if (eq == std::string::npos) {
        error = "expected KEY=VALUE in fault spec, got '" + item + "'";
        return std::nullopt;
      }
      if (!apply(f, item.substr(0, eq), item.substr(eq + 1), error)) return std::nullopt;
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return f;
}

std::optional<Fault> parse_fault_json(const nlohmann::json& spec, std::string& error) {
  if (!spec.is_object()) {
    error = "expected a JSON object of fault keys";
    return std::nullopt;
  }
  Fault f;
  for (const auto& [key, value] : spec.items()) {
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (!apply(f, key, text, error)) return std::nullopt;
  }
  return f;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  // '*' matches any run of characters; everything else matches itself.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

void FaultPlan::add_chaos(double rate, int retry_after) {
  // One draw decides whether a request is hit; the kind is then equally likely among these.
  const std::vector<Fault> kinds = {
      {"", "*", FaultAction::status, 429, retry_after, {}, 1, -1, 0},
      {"", "*", FaultAction::status, 500, -1, {}, 1, -1, 0},
      {"", "*", FaultAction::status, 502, -1, {}, 1, -1, 0},
      {"", "*", FaultAction::status, 503, retry_after, {}, 1, -1, 0},
      {"", "*", FaultAction::status, 504, -1, {}, 1, -1, 0},
      {"", "*", FaultAction::latency, 0, -1, std::chrono::milliseconds(300), 1, -1, 0},
      {"", "*", FaultAction::drop_before, 0, -1, {}, 1, -1, 0},
      {"", "*", FaultAction::drop_after, 0, -1, {}, 1, -1, 0},
      {"", "*", FaultAction::truncate, 0, -1, {}, 1, -1, 0},
  };
  const double each = rate / static_cast<double>(kinds.size());
  // Each kind fires with its share of what is left after the kinds before it did not fire.
  double left = 1.0;
  for (Fault f : kinds) {
    f.rate = std::min(1.0, each / left);
    left -= each;
    faults_.push_back(f);
  }
}

std::optional<Injection> FaultPlan::pick(const std::string& method, const std::string& path) {
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if ((!it->method.empty() && it->method != method) || !glob_match(it->path, path)) continue;
    if (it->skip > 0) {
      --it->skip;
      continue;
    }
    if (it->rate < 1.0 && std::uniform_real_distribution<double>(0, 1)(rng_) >= it->rate) {
      continue;
    }
    Injection in{it->action, it->status, it->retry_after, it->latency};
    if (it->times > 0) {
      --it->times;
      if (it->times == 0) faults_.erase(it);
    }
    ++injected_;
    return in;
  }
  return std::nullopt;
}

Response injected_response(const Injection& in, const std::string& request_id) {
  Response r;
  if (in.action == FaultAction::drop_before) return r;
  if (in.status == 412) {
    r = reply(flow_error(412, "1404", "Version not matching",
                         "Supplied version does not match the current version on entity "
                         "(injected)",
                         request_id));
  } else if (in.status == 429) {
    r = reply(gateway_error(429, "429050", "Too many requests (injected)"));
  } else {
    r = reply(flow_error(in.status, std::to_string(in.status), "Injected fault",
                         "injected by the emulator", request_id));
  }
  if (in.retry_after >= 0 && (in.status == 429 || in.status == 503)) {
    r.headers["Retry-After"] = std::to_string(in.retry_after);
  }
  return r;
}

void apply_delivery(const Injection& in, Response& r) {
  switch (in.action) {
    case FaultAction::latency:
      r.delay = in.latency;
      break;
    case FaultAction::drop_before:
    case FaultAction::drop_after:
      r.delivery = Response::Delivery::drop;
      break;
    case FaultAction::truncate:
      r.delivery = Response::Delivery::truncate;
      break;
    case FaultAction::status:
    case FaultAction::touch:
      break;
  }
}

}  // namespace emulator
