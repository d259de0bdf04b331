#include "terminal/dry_run.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "aepflow/base/text.hpp"
#include "aepflow/http/redact.hpp"

namespace aepflow::cli {

namespace {

constexpr std::string_view kPlaceholderPrefix = "00000000-0000-4000-8000-";
constexpr std::string_view kInventedEtag = "\"dry-run\"";

std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

class DryRunTransport final : public Transport {
 public:
  DryRunTransport(std::shared_ptr<Transport> inner, std::string base_url, std::ostream& out,
                  std::function<std::string(std::string)> scrub)
      : inner_(std::move(inner)),
        base_url_(std::move(base_url)),
        out_(out),
        scrub_(std::move(scrub)) {}

  Result<Response> send(const Request& req, const std::string& url) override {
    // The token endpoint's requests are sent; a Platform service's are printed.
    if (!req.platform || !url.starts_with(base_url_)) return inner_->send(req, url);
    if (req.method == Method::get) {
      if (auto placeholder = placeholder_in(req.path)) {
        // Something this run only pretended to create: answer for it.
        nlohmann::json item = {{"id", *placeholder}, {"etag", kInventedEtag}};
        Response res{
            200, {{"Content-Type", "application/json"}}, nlohmann::json{{"items", {item}}}.dump()};
        res.simulated = true;
        return res;
      }
      return inner_->send(req, url);
    }
    out_ << scrub_(as_curl(req, url)) << '\n';
    Response res;
    res.simulated = true;
    res.headers.push_back({"Content-Type", "application/json"});
    if (req.method == Method::post && !req.path.ends_with("/action") &&
        req.path.find("/action?") == std::string::npos) {
      std::string id = next_placeholder();
      out_ << "# (dry run: nothing was sent; the new ID is shown as " << id << ")\n";
      res.status = 201;
      res.body = nlohmann::json{{"id", id}, {"etag", kInventedEtag}}.dump();
    } else if (req.method == Method::delete_) {
      res.status = 202;
    } else {
      res.status = 200;
      std::string id = req.path.substr(req.path.find_last_of('/') + 1);
      res.body = nlohmann::json{{"id", id}, {"etag", kInventedEtag}}.dump();
    }
    return res;
  }

 private:
  std::string next_placeholder() {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*s%012d", static_cast<int>(kPlaceholderPrefix.size()),
                  kPlaceholderPrefix.data(), ++count_);
    issued_.insert(buf);
    return buf;
  }

  std::optional<std::string> placeholder_in(const std::string& path) const {
    for (const auto& id : issued_) {
      if (path.find(id) != std::string::npos) return id;
    }
    return std::nullopt;
  }

  std::shared_ptr<Transport> inner_;
  std::string base_url_;
  std::ostream& out_;
  std::function<std::string(std::string)> scrub_;
  std::set<std::string> issued_;
  int count_ = 0;
};

void mark(nlohmann::json& j) {
  if (j.is_string()) {
    if (is_invented(j.get_ref<const std::string&>())) j = nullptr;
  } else if (j.is_structured()) {
    for (auto& v : j)
      mark(v);
  }
}

}  // namespace

bool is_invented(std::string_view text) {
  return text == kInventedEtag ||
         (text.size() == kPlaceholderPrefix.size() + 12 && text.starts_with(kPlaceholderPrefix));
}

nlohmann::json marked_dry_run(const nlohmann::json& j) {
  nlohmann::json out = j;
  mark(out);
  if (out.is_object()) out["dryRun"] = true;
  return out;
}

std::string as_curl(const Request& req, const std::string& url) {
  std::string cmd = "curl -X " + std::string(to_string(req.method)) + " " + single_quoted(url);
  for (const auto& h : req.headers) {
    if (iequals(h.name, "x-request-id") || iequals(h.name, "User-Agent")) continue;
    if (iequals(h.name, "Authorization")) {
      cmd += " \\\n  -H \"Authorization: Bearer $AEP_ACCESS_TOKEN\"";
    } else if (iequals(h.name, "x-api-key")) {
      cmd += " \\\n  -H \"x-api-key: $AEP_API_KEY\"";
    } else {
      cmd += " \\\n  -H " + single_quoted(h.name + ": " + redact_header(h.name, h.value));
    }
  }
  if (!req.body.empty()) cmd += " \\\n  --data-raw " + single_quoted(redact_body(req.body));
  return cmd;
}

std::shared_ptr<Transport> make_dry_run_transport(std::shared_ptr<Transport> inner,
                                                  std::string base_url, std::ostream& out,
                                                  std::function<std::string(std::string)> scrub) {
  return std::make_shared<DryRunTransport>(std::move(inner), std::move(base_url), out,
                                           std::move(scrub));
}

}  // namespace aepflow::cli
