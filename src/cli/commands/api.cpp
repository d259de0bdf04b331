// aepflow api METHOD PATH [--data @FILE|-|TEXT] [--header K:V ...] [--paginate]
#include <algorithm>

#include "aepflow/base/text.hpp"
#include "aepflow/base/utf8.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string method;
  std::string path;
  std::string data;
  std::vector<std::string> headers;
  bool paginate = false;
};

Result<Method> method_named(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  if (name == "GET") return Method::get;
  if (name == "POST") return Method::post;
  if (name == "PUT") return Method::put;
  if (name == "PATCH") return Method::patch;
  if (name == "DELETE") return Method::delete_;
  return usage(
      std::string("unknown method '").append(name).append("': GET, POST, PUT, PATCH or DELETE"));
}

Result<Request> build(const Options& o, Context& ctx, const std::string& base_url) {
  auto method = method_named(o.method);
  if (!method) return std::unexpected(method.error());
  Request req;
  req.method = *method;
  std::string path = o.path;
  if (path.starts_with("http://") || path.starts_with("https://")) {
    if (!path.starts_with(base_url)) {
      return usage("the path must be relative to the base URL (" + base_url +
                   "): credentials are never sent to another host");
    }
    path.erase(0, base_url.size());
  }
  if (path.empty() || path.front() != '/') path = std::string("/").append(path);
  req.path = path;
  for (const auto& h : o.headers) {
    auto colon = h.find(':');
    if (colon == std::string::npos || colon == 0) {
      return usage("--header expects NAME:VALUE, got '" + h + "'");
    }
    std::string name = h.substr(0, colon), value = h.substr(colon + 1);
    while (!value.empty() && value.front() == ' ')
      value.erase(0, 1);
    for (const char* owned : {"Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name"}) {
      if (iequals(name, owned)) {
        return usage(std::string("--header cannot set ") + owned +
                     ": it comes from the settings (aepflow --help)");
      }
    }
    if (name.find_first_of(" \t") != std::string::npos ||
        header_value_flaw(name) != std::string::npos) {
      return usage("--header '" + printable(h) +
                   "': a header name holds no spaces or control "
                   "characters");
    }
    if (auto ok = check_header_value("--header " + name, value, /*secret=*/false); !ok)
      return std::unexpected(ok.error());
    req.headers.push_back({name, value});
  }
  if (!o.data.empty()) {
    if (o.data == "-" || o.data.starts_with("@")) {
      const std::string file = o.data == "-" ? "/dev/stdin" : o.data.substr(1);
      auto text = ctx.io.read_file(file);
      if (!text) return std::unexpected(text.error());
      if (auto ok = check_utf8("--data " + file, *text); !ok) return std::unexpected(ok.error());
      req.body = std::move(*text);
    } else {
      req.body = o.data;
    }
  }
  return req;
}

// The body as it is printed: pretty JSON when it is JSON, as received otherwise.
void print_body(Context& ctx, const std::string& body) {
  if (body.empty()) return;
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) {
    // Exact for a pipe or a file, as curl would write it; shown, never obeyed, on a terminal.
    if (ctx.out().format() == Format::table) {
      ctx.out().line(body);
    } else {
      ctx.out().verbatim(body);
    }
  } else {
    ctx.out().json(j);
  }
}

Result<void> run(const Options& o, Context& ctx) {
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  auto req = build(o, ctx, (*service)->base_url());
  if (!req) return std::unexpected(req.error());
  if (o.paginate && req->method != Method::get) return usage("--paginate is for GET requests");
  if (req->method != Method::get) {
    if (auto ok = ctx.confirm_change(std::string(to_string(req->method)) + " " + req->path); !ok) {
      return ok;
    }
  }
  const std::string context = std::string(to_string(req->method)) + " " + req->path;
  if (o.paginate) {
    // Every page's items as one JSON array, streamed; the next links are followed as given.
    OutputStyle style = ctx.terminal.output_style();  // JSON, or YAML or env lines when asked
    style.format = Format::json;
    style.query.clear();
    Output json_out(ctx.io.out, std::move(style));
    ListStream stream(json_out, {});
    auto res = (*service)->send(*req);
    for (;;) {
      if (!res || res->status < 200 || res->status > 299) {
        stream.abandon();
        if (!res) return std::unexpected(with_context(std::move(res.error()), context));
        return std::unexpected(error_from_response(*res, context));
      }
      auto page = nlohmann::json::parse(res->body, nullptr, false);
      if (!page.is_object() || !page.contains("items") || !page["items"].is_array()) {
        return fail(ErrorKind::api, context + ": --paginate needs a list answer with 'items'");
      }
      for (const auto& item : page["items"])
        stream.add(item, nullptr);
      stream.end_page();
      std::string next;
      if (auto links = page.find("_links"); links != page.end() && links->is_object()) {
        next = links->value("next", nlohmann::json::object()).value("href", "");
      }
      if (next.empty()) break;
      auto follow = build({"GET", next, "", o.headers, false}, ctx, (*service)->base_url());
      if (!follow) return std::unexpected(follow.error());
      res = (*service)->send(*follow);
    }
    stream.finish();
    return {};
  }
  auto res = (*service)->send(*req);
  if (!res) return std::unexpected(with_context(std::move(res.error()), context));
  print_body(ctx, res->body);
  if (res->status < 200 || res->status > 299) {
    return std::unexpected(error_from_response(*res, context));
  }
  return {};
}

}  // namespace

void add_api(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "api", "send any request to Flow Service, with the same auth, retries and redacted log");
  cmd.option("method", opts->method, "GET, POST, PUT, PATCH or DELETE").required();
  cmd.option("path", opts->path, "path under the base URL, with any query: /flows?limit=5")
      .required();
  cmd.option("-d,--data", opts->data, "request body: @FILE, - for stdin, or the text itself");
  cmd.option("-H,--header", opts->headers, "extra header NAME:VALUE (repeatable), e.g. If-Match");
  cmd.flag("--paginate", opts->paginate,
           "follow next links; print every page's items as one array");
  cmd.examples(
      "The body is printed as received (JSON pretty-printed); a non-2xx status exits as any "
      "command does.\nExamples:\n"
      "  aepflow api GET '/flows?property=state==enabled' --paginate\n"
      "  aepflow api PATCH /targetConnections/$TC -H \"If-Match: $ETAG\" -d @patch.json");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
