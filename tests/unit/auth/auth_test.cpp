// Tokens: the auth policy's one refresh, IMS requests and answers, the cache, the client source.
#include "aepflow/auth/auth.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <future>
#include <mutex>

#include "aepflow/auth/client_credentials.hpp"
#include "aepflow/auth/ims.hpp"
#include "aepflow/auth/token_cache.hpp"
#include "fake_transport.hpp"
#include "temp_dir.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {

class CountingSource final : public TokenSource {
 public:
  explicit CountingSource(bool can_refresh) : can_refresh_(can_refresh) {}
  Result<std::string> token() override { return "token-" + std::to_string(generation); }
  Result<bool> refresh() override {
    ++refreshes;
    if (!can_refresh_) return false;
    ++generation;
    return true;
  }
  int generation = 1;
  int refreshes = 0;

 private:
  bool can_refresh_;
};

std::unique_ptr<HttpPipeline> pipeline_with(TokenSource& source, std::shared_ptr<Transport> t) {
  HttpPipelineOptions o;
  o.base_url = "https://h.test";
  o.credentials = {"key", "o@AdobeOrg", "dev"};
  o.tokens = &source;
  return make_pipeline(o, std::move(t));
}

Request get_flows() {
  Request r;
  r.path = "/flows";
  return r;
}

std::string auth_of(const test::Sent& s) {
  return *find_header(s.request.headers, "Authorization");
}

mode_t mode_of(const std::filesystem::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 0777;
}

ClientCredentials client() {
  ClientCredentials c;
  c.ims_url = "https://ims.test";
  c.client_id = "client-1";
  c.client_secret = "client-SECRET-1";
  return c;
}

std::string ims_answer(const std::string& token, int expires_in = 86399) {
  return json{{"access_token", token}, {"token_type", "bearer"}, {"expires_in", expires_in}}.dump();
}

}  // namespace

TEST_CASE("a 401 brings one refresh and one retry with the new token", "[auth]") {
  CountingSource source(true);
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::get, "/flows", 401,
           R"({"error_code":"401013","message":"Oauth token is not valid"})");
  fake->on(Method::get, "/flows", 200, R"({"items":[]})");
  auto res = pipeline_with(source, fake)->send(get_flows());
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(source.refreshes == 1);
  REQUIRE(fake->sent.size() == 2);
  CHECK(auth_of(fake->sent[0]) == "Bearer token-1");
  CHECK(auth_of(fake->sent[1]) == "Bearer token-2");
}

TEST_CASE("a second 401 stands: no loop", "[auth]") {
  CountingSource source(true);
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::get, "/flows", 401, "{}");
  fake->on(Method::get, "/flows", 401, "{}");
  auto res = pipeline_with(source, fake)->send(get_flows());
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(source.refreshes == 1);
  CHECK(fake->sent.size() == 2);
}

TEST_CASE("a static token is not retried after a 401", "[auth]") {
  StaticToken source("given");
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::get, "/flows", 401, "{}");
  auto res = pipeline_with(source, fake)->send(get_flows());
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(fake->sent.size() == 1);
}

namespace {

// Answers 401 to "token-1" once two requests carrying it have arrived (so both see the refusal),
// 200 to any other token. Safe to call from several threads.
class RefusingTransport final : public Transport {
 public:
  Result<Response> send(const Request& req, const std::string&) override {
    Response r;
    if (*find_header(req.headers, "Authorization") != "Bearer token-1") {
      r.status = 200;
      return r;
    }
    std::unique_lock lock(mutex_);
    if (++refused_ == 2) cv_.notify_all();
    cv_.wait_for(lock, std::chrono::seconds(2), [this] { return refused_ >= 2; });
    r.status = 401;
    return r;
  }
  bool concurrent() const override { return true; }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  int refused_ = 0;
};

}  // namespace

TEST_CASE("two requests refused at once bring one refresh: the second uses the new token",
          "[auth]") {
  CountingSource source(true);
  auto p = pipeline_with(source, std::make_shared<RefusingTransport>());
  auto a = std::async(std::launch::async, [&] { return p->send(get_flows()); });
  auto b = p->send(get_flows());
  auto first = a.get();
  REQUIRE(first);
  REQUIRE(b);
  CHECK(first->status == 200);
  CHECK(b->status == 200);
  CHECK(source.refreshes == 1);
}

TEST_CASE("the IMS token request is a form post with the four fields", "[auth][ims]") {
  ClientCredentials c = client();
  c.client_secret = "s&cret=+/";
  Request r = requests::ims_token(c);
  CHECK(r.method == Method::post);
  CHECK(r.path == "/ims/token/v3");
  CHECK(*find_header(r.headers, "Content-Type") == "application/x-www-form-urlencoded");
  CHECK(r.body ==
        "grant_type=client_credentials&client_id=client-1&client_secret=s%26cret%3D%2B%2F"
        "&scope=openid%2Csession%2CAdobeID%2Cread_organizations%2Cadditional_info."
        "projectedProductContext");
}

TEST_CASE("IMS answers: the token and its lifetime in seconds, or an auth error with a hint",
          "[auth][ims]") {
  auto ok = parse_ims_token({200, {}, ims_answer("tok", 86399)});
  REQUIRE(ok);
  CHECK(ok->access_token == "tok");
  CHECK(ok->expires_in == std::chrono::seconds(86399));
  auto ms = parse_ims_token({200, {}, ims_answer("tok", 86399992)});  // the retired JWT exchange
  REQUIRE(ms);
  CHECK(ms->expires_in == std::chrono::seconds(86399));

  auto bad = parse_ims_token(
      {401,
       {},
       R"({"error":"invalid_client","error_description":"invalid client_secret parameter"})"});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().kind == ErrorKind::auth);
  CHECK(bad.error().code == "invalid_client");
  CHECK_THAT(bad.error().message,
             Catch::StartsWith("invalid client_secret parameter; check the client ID"));
  auto unknown = parse_ims_token(
      {400, {}, R"({"error":"invalid_client","error_description":"invalid client_id parameter"})"});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == ErrorKind::auth);
  auto empty = parse_ims_token({200, {}, R"({"token_type":"bearer"})"});
  REQUIRE_FALSE(empty);
  CHECK(empty.error().kind == ErrorKind::auth);
}

TEST_CASE("token claims are read from a JWT payload", "[auth][ims]") {
  // {"client_id":"c1","user_id":"u1@techacct.adobe.com","created_at":"1795867200000","expires_in":"86400000"}
  std::string token =
      "eyJhbGciOiJSUzI1NiJ9."
      "eyJjbGllbnRfaWQiOiJjMSIsInVzZXJfaWQiOiJ1MUB0ZWNoYWNjdC5hZG9iZS5jb20iLCJjcmVhdGVkX2F0Ijoi"
      "MTc5NTg2NzIwMDAwMCIsImV4cGlyZXNfaW4iOiI4NjQwMDAwMCJ9.sig";
  auto c = read_token_claims(token);
  CHECK(c.client_id == "c1");
  CHECK(c.user_id == "u1@techacct.adobe.com");
  CHECK(c.expires_at == 1795867200 + 86400);
  CHECK(read_token_claims("not-a-jwt").client_id.empty());
}

TEST_CASE("a cached token is usable until shortly before it expires", "[auth][cache]") {
  CachedToken day{"t", 1000, 1000 + 86400};
  CHECK(usable(day, 1000 + 86400 - 301));
  CHECK_FALSE(usable(day, 1000 + 86400 - 299));
  CachedToken short_lived{"t", 1000, 1010};  // margin: a tenth of its life
  CHECK(usable(short_lived, 1008));
  CHECK_FALSE(usable(short_lived, 1009));
  CHECK_FALSE(usable(CachedToken{"", 0, 5000}, 1000));
}

TEST_CASE("the token cache: 0600 in 0700, keyed, and a damaged file is absent", "[auth][cache]") {
  test::TempDir tmp;
  auto dir = tmp.path() / "cache" / "aepflow";
  TokenCache cache(dir, client());
  CHECK_FALSE(cache.load());
  REQUIRE(cache.store({"tok-1", 100, 200}));
  CHECK(mode_of(dir) == 0700);
  CHECK(mode_of(cache.path()) == 0600);
  auto loaded = cache.load();
  REQUIRE(loaded);
  CHECK(loaded->access_token == "tok-1");
  CHECK(loaded->expires_at == 200);

  ClientCredentials other = client();
  other.scopes = "openid";
  CHECK(TokenCache(dir, other).path() != cache.path());
  CHECK_FALSE(TokenCache(dir, other).load());

  std::ofstream(cache.path(), std::ios::trunc) << R"({"access_token":"half)";
  CHECK_FALSE(cache.load());

  REQUIRE(cache.remove());
  CHECK_FALSE(std::filesystem::exists(cache.path()));
  CHECK(cache.remove());  // removing nothing is fine
}

TEST_CASE("a cache others can read draws a warning", "[auth][cache][secrets]") {
  test::TempDir tmp;
  TokenCache cache(tmp.path() / "c", client());
  REQUIRE(cache.store({"tok", 1, 2}));
  ::chmod(cache.path().c_str(), 0644);
  std::vector<std::string> warnings;
  REQUIRE(cache.load(&warnings));
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("mode 644") && Catch::Contains("chmod 600"));
}

TEST_CASE("client credentials: fetched once, then served from the cache, refreshed when expired",
          "[auth][cache]") {
  test::TempDir tmp;
  std::int64_t now = 1'000'000;
  auto clock = [&now] { return std::chrono::system_clock::time_point(std::chrono::seconds(now)); };
  auto fake = std::make_shared<test::FakeTransport>();
  ImsClient ims(fake, nullptr);
  int secret_asked = 0;
  auto secret = [&]() -> Result<std::string> {
    ++secret_asked;
    return std::string("client-SECRET-1");
  };
  ClientCredentials c = client();
  c.client_secret.clear();

  fake->on(Method::post, "/ims/token/v3", 200, ims_answer("tok-A", 3600));
  {
    ClientCredentialsToken first(c, secret, ims, TokenCache(tmp.path(), c), clock);
    CHECK(*first.token() == "tok-A");
    CHECK(*first.token() == "tok-A");
  }
  {
    // Another invocation: the cache answers, the secret is not even needed.
    ClientCredentialsToken second(c, secret, ims, TokenCache(tmp.path(), c), clock);
    CHECK(*second.token() == "tok-A");
  }
  CHECK(fake->sent.size() == 1);
  CHECK(secret_asked == 1);
  CHECK_THAT(fake->sent[0].request.body, Catch::Contains("client_secret=client-SECRET-1"));

  now += 3600;  // expired
  fake->on(Method::post, "/ims/token/v3", 200, ims_answer("tok-B", 3600));
  ClientCredentialsToken third(c, secret, ims, TokenCache(tmp.path(), c), clock);
  CHECK(*third.token() == "tok-B");
  CHECK(fake->sent.size() == 2);

  fake->on(Method::post, "/ims/token/v3", 200, ims_answer("tok-C", 3600));
  REQUIRE(*third.refresh());
  CHECK(*third.token() == "tok-C");
  CHECK(TokenCache(tmp.path(), c).load()->access_token == "tok-C");
}

TEST_CASE("a refused secret is an auth error and caches nothing", "[auth][cache]") {
  test::TempDir tmp;
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::post, "/ims/token/v3", 401,
           R"({"error":"invalid_client","error_description":"invalid client_secret parameter"})");
  ImsClient ims(fake, nullptr);
  ClientCredentials c = client();
  ClientCredentialsToken source(c, nullptr, ims, TokenCache(tmp.path(), c),
                                [] { return std::chrono::system_clock::now(); });
  auto t = source.token();
  REQUIRE_FALSE(t);
  CHECK(t.error().kind == ErrorKind::auth);
  CHECK_FALSE(TokenCache(tmp.path(), c).load());
}
