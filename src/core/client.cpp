#include "aepflow/client.hpp"

#include "aepflow/pipeline.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

std::string json_text(const json& j, std::string_view key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

std::string reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "unexpected status";
  }
}

ErrorKind kind_for_status(int status) {
  switch (status) {
    case 401:
    case 403:
      return ErrorKind::auth;
    case 404:
      return ErrorKind::not_found;
    case 412:
      return ErrorKind::precondition;
    default:
      return ErrorKind::api;
  }
}

// "https://ns.adobe.com/aep/errors/FLOW-1439-404" -> "FLOW-1439-404"
std::string code_from_type_uri(const std::string& type) {
  auto slash = type.find_last_of('/');
  std::string last = slash == std::string::npos ? type : type.substr(slash + 1);
  if (last.empty() || last == "uri" || last.find('-') == std::string::npos) return {};
  return last;
}

bool is_success(int status) {
  return status >= 200 && status < 300;
}

Result<json> parse_json_body(const Response& r, std::string_view context) {
  auto j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    Error e;
    e.kind = ErrorKind::api;
    e.status = r.status;
    e.context = std::string(context);
    e.body = r.body;
    const std::string* type = find_header(r.headers, "Content-Type");
    e.message = r.body.empty() ? "the service answered with an empty body where JSON was expected"
                               : "the service answered with a body that is not JSON (" +
                                     (type ? *type : std::string("no content type")) + ", " +
                                     std::to_string(r.body.size()) + " bytes)";
    if (const auto* id = find_header(r.headers, "x-request-id")) e.request_id = *id;
    return std::unexpected(std::move(e));
  }
  return j;
}

std::unexpected<Error> unexpected_shape(const Response& r, std::string_view context,
                                        std::string what) {
  Error e;
  e.kind = ErrorKind::api;
  e.status = r.status;
  e.context = std::string(context);
  e.message = std::move(what);
  e.body = r.body;
  if (const auto* id = find_header(r.headers, "x-request-id")) e.request_id = *id;
  return std::unexpected(std::move(e));
}

Result<Page> parse_page(const Response& r, std::string_view context) {
  auto j = parse_json_body(r, context);
  if (!j) return std::unexpected(j.error());
  if (!j->is_object() || !j->contains("items") || !(*j)["items"].is_array()) {
    return unexpected_shape(r, context, "the service's answer has no 'items' list");
  }
  Page page;
  page.items = std::move((*j)["items"]);
  if (auto links = j->find("_links"); links != j->end() && links->is_object()) {
    if (auto next = links->find("next"); next != links->end() && next->is_object()) {
      page.next_href = json_text(*next, "href");
    }
  }
  return page;
}

}  // namespace

Error error_from_response(const Response& r, std::string_view context) {
  Error e;
  e.kind = kind_for_status(r.status);
  e.status = r.status;
  e.context = std::string(context);
  e.body = r.body;

  json j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_array() && !j.empty()) j = j.front();
  if (j.is_object()) {
    // Gateway shape: {"error_code": "401013", "message": "..."}
    e.code = json_text(j, "error_code");
    // Current Flow Service shape: type URI with FLOW-<code>-<status>, title, report{...}
    if (e.code.empty()) e.code = code_from_type_uri(json_text(j, "type"));
    if (e.code.empty()) e.code = json_text(j, "code");
    e.title = json_text(j, "title");
    if (auto rep = j.find("report"); rep != j.end() && rep->is_object()) {
      e.message = json_text(*rep, "detailed-message");
      e.request_id = json_text(*rep, "request-id");
    }
    // Legacy shape: {"errorMessage": "...", "errorDetails": "..."}; RFC 7807-like: detail.
    for (const char* key : {"errorMessage", "detail", "message", "error_description", "error"}) {
      if (!e.message.empty()) break;
      e.message = json_text(j, key);
    }
    if (std::string details = json_text(j, "errorDetails");
        !details.empty() && details != e.message) {
      e.message = e.message.empty() ? details : e.message + " (" + details + ")";
    }
  } else if (!r.body.empty()) {
    const std::string* type = find_header(r.headers, "Content-Type");
    e.message = "unexpected non-JSON error body (" +
                (type ? *type : std::string("no content type")) + ", " +
                std::to_string(r.body.size()) + " bytes)";
  }
  if (e.message.empty()) e.message = e.title.empty() ? reason_phrase(r.status) : e.title;
  if (e.title == e.message) e.title.clear();
  if (e.request_id.empty()) {
    if (const auto* id = find_header(r.headers, "x-request-id")) e.request_id = *id;
  }
  return e;
}

Result<Response> FlowService::exchange(Request req, std::string_view context) {
  auto res = pipeline_.send(std::move(req));
  if (!res) return std::unexpected(with_context(std::move(res.error()), std::string(context)));
  if (!is_success(res->status)) return std::unexpected(error_from_response(*res, context));
  return res;
}

Result<Page> FlowService::list_page(Collection c, const ListQuery& q) {
  std::string context = "list " + std::string(collection_noun(c)) + "s";
  auto res = exchange(requests::list(c, q), context);
  if (!res) return std::unexpected(res.error());
  return parse_page(*res, context);
}

Result<Page> FlowService::next_page(std::string_view next_href) {
  std::string_view href = next_href;
  // A next link is a path relative to the base URL. An absolute link is followed only when it
  // points at the same service, so credentials never go to another host.
  if (href.starts_with("http://") || href.starts_with("https://")) {
    if (!href.starts_with(pipeline_.base_url())) {
      return fail(ErrorKind::api,
                  "refusing to follow a next link to another host: " + std::string(next_href));
    }
    href.remove_prefix(pipeline_.base_url().size());
  }
  auto res = exchange(requests::follow(href), "follow the next page");
  if (!res) return std::unexpected(res.error());
  return parse_page(*res, "follow the next page");
}

Result<json> FlowService::list_all(Collection c, const ListQuery& q) {
  auto page = list_page(c, q);
  if (!page) return std::unexpected(page.error());
  json all = std::move(page->items);
  std::string next = std::move(page->next_href);
  while (!next.empty()) {
    auto more = next_page(next);
    if (!more) return std::unexpected(more.error());
    for (auto& item : more->items)
      all.push_back(std::move(item));
    next = std::move(more->next_href);
  }
  return all;
}

Result<json> FlowService::get(Collection c, std::string_view id) {
  std::string context = "get " + std::string(collection_noun(c)) + " " + std::string(id);
  auto res = exchange(requests::get(c, id), context);
  if (!res) return std::unexpected(res.error());
  auto j = parse_json_body(*res, context);
  if (!j) return std::unexpected(j.error());
  if (j->is_object() && j->contains("items") && (*j)["items"].is_array()) {
    auto& items = (*j)["items"];
    if (items.empty()) {
      Error e;
      e.kind = ErrorKind::not_found;
      e.status = res->status;
      e.context = context;
      e.message = "the service answered with no " + std::string(collection_noun(c));
      return std::unexpected(std::move(e));
    }
    if (!items.front().is_object()) {
      return unexpected_shape(*res, context, "the service's answer is not an object");
    }
    return std::move(items.front());
  }
  if (j->is_object() && j->contains("id")) return std::move(*j);  // tolerate a bare object
  return unexpected_shape(*res, context, "the service's answer has no 'items' list");
}

Result<Created> FlowService::create(Request req, std::string_view context) {
  auto res = exchange(std::move(req), context);
  if (!res) return std::unexpected(res.error());
  auto j = parse_json_body(*res, context);
  if (!j) return std::unexpected(j.error());
  if (!j->is_object() || !(*j)["id"].is_string() || (*j)["id"].get<std::string>().empty()) {
    return unexpected_shape(*res, context, "the service's answer has no 'id'");
  }
  Created c;
  c.id = (*j)["id"].get<std::string>();
  c.etag = json_text(*j, "etag");
  c.body = std::move(*j);
  return c;
}

Result<Created> FlowService::create_connection(const NewConnection& c) {
  return create(requests::create_connection(c), "create base connection");
}

Result<Created> FlowService::create_source_connection(const NewSourceConnection& s) {
  return create(requests::create_source_connection(s), "create source connection");
}

Result<Created> FlowService::create_target_connection(const NewTargetConnection& t) {
  return create(requests::create_target_connection(t), "create target connection");
}

Result<Created> FlowService::create_flow(const NewFlow& f) {
  return create(requests::create_flow(f), "create dataflow");
}

Result<Patched> FlowService::patch_flow(std::string_view flow_id, std::string_view if_match,
                                        const json& ops) {
  std::string context = "update dataflow " + std::string(flow_id);
  auto res = exchange(requests::patch_flow(flow_id, if_match, ops), context);
  if (!res) return std::unexpected(res.error());
  Patched p;
  p.status = res->status;
  p.id = std::string(flow_id);
  if (res->body.find_first_not_of(" \t\r\n") == std::string::npos) return p;  // 202, no body
  auto j = parse_json_body(*res, context);
  if (!j) return std::unexpected(j.error());
  if (j->is_object()) {
    if (std::string id = json_text(*j, "id"); !id.empty()) p.id = id;
    p.etag = json_text(*j, "etag");
  }
  p.body = std::move(*j);
  return p;
}

}  // namespace aepflow
