// Progress lines: on a terminal's stderr only, after a delay, cleared before the result.
#include "progress.hpp"

#include <catch2/catch.hpp>

#include "audiences.hpp"
#include "cli_harness.hpp"

namespace {

using aepflow::Method;
using nlohmann::json;

constexpr const char* kFlow = "0b6f3c55-2f0e-4d8e-9a41-7c1e5d2b9f30";

// An Io with only streams: what Progress uses.
aepflow::cli::Io streams(std::ostream& out, std::ostream& err) {
  return aepflow::cli::Io{out, err, false, nullptr, nullptr, nullptr, nullptr, nullptr};
}

// stderr is a terminal; progress shows at once (no second's wait in a test).
void watched(aepflow::cli::Io& io) {
  io.err_is_terminal = true;
  io.progress_after = std::chrono::milliseconds(0);
}

std::string flows_page(int first, int n, const std::string& next = "") {
  json page = {{"items", json::array()}};
  for (int i = first; i < first + n; ++i) {
    page["items"].push_back({{"id", "00000000-0000-4000-8000-00000000000" + std::to_string(i)},
                             {"name", "flow " + std::to_string(i)}});
  }
  if (!next.empty()) page["_links"] = {{"next", {{"href", next}}}};
  return page.dump();
}

std::shared_ptr<test::FakeTransport> three_pages() {
  auto f = std::make_shared<test::FakeTransport>();
  f->on(Method::get, "/flows", 200, flows_page(1, 2, "/flows?continuationToken=a"));
  f->on(Method::get, "/flows", 200, flows_page(3, 2, "/flows?continuationToken=b"));
  f->on(Method::get, "/flows", 200, flows_page(5, 1));
  return f;
}

}  // namespace

TEST_CASE("a progress line is drawn in place and cleared, only on a terminal", "[progress]") {
  std::ostringstream out, err;
  aepflow::cli::Io io = streams(out, err);
  io.err_is_terminal = true;
  io.progress_after = std::chrono::milliseconds(0);
  {
    aepflow::cli::Progress p(io, "listing flows");
    p.set("100 so far");
    p.set("200 so far");
    CHECK_THAT(err.str(), Catch::EndsWith("\r\033[Klisting flows: 200 so far (0 s)"));
    p.pause().unlock();  // cleared while something else is written
    CHECK_THAT(err.str(), Catch::EndsWith("\r\033[K"));
  }
  CHECK_THAT(err.str(), Catch::EndsWith("\r\033[K"));

  std::ostringstream quiet;
  aepflow::cli::Io pipe = streams(out, quiet);  // stderr is not a terminal
  pipe.progress_after = std::chrono::milliseconds(0);
  {
    aepflow::cli::Progress p(pipe, "listing flows");
    p.set("100 so far");
  }
  CHECK(quiet.str().empty());

  std::ostringstream fast;
  aepflow::cli::Io terminal = streams(out, fast);
  terminal.err_is_terminal = true;  // the default second has not passed: nothing
  {
    aepflow::cli::Progress p(terminal, "listing flows");
    p.set("100 so far");
  }
  CHECK(fast.str().empty());
  CHECK(aepflow::cli::with_thousands(1234567) == "1,234,567");
  CHECK(aepflow::cli::with_thousands(999) == "999");
}

TEST_CASE("list --all shows its progress page by page on a terminal, and the output is whole",
          "[progress]") {
  auto r = test::run_cli(test::with_credentials({"flow", "list", "--all", "-o", "id"}),
                         three_pages(), {}, {}, nullptr, watched);
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "00000000-0000-4000-8000-000000000001\n00000000-0000-4000-8000-000000000002\n"
        "00000000-0000-4000-8000-000000000003\n00000000-0000-4000-8000-000000000004\n"
        "00000000-0000-4000-8000-000000000005\n");
  CHECK_THAT(r.err, Catch::Contains("listing dataflows: 2 so far, 1 page (0 s)"));
  CHECK_THAT(r.err, Catch::Contains("listing dataflows: 4 so far, 2 pages (0 s)"));
  CHECK_THAT(r.err, Catch::EndsWith("\r\033[K"));  // nothing left on the line

  auto piped =
      test::run_cli(test::with_credentials({"flow", "list", "--all", "-o", "id"}), three_pages());
  CHECK(piped.err.empty());
}

TEST_CASE("activation shows what it sends while it runs, then only the result", "[progress]") {
  auto f = std::make_shared<test::FakeTransport>();
  json flow = {{"id", kFlow},
               {"etag", "\"e1\""},
               {"transformations",
                {{{"name", "GeneralTransform"},
                  {"params",
                   {{"segmentSelectors", {{"selectors", json::array()}}},
                    {"profileSelectors", {{"selectors", json::array()}}}}}}}}};
  f->on(Method::get, std::string("/flows/") + kFlow, 200, json{{"items", {flow}}}.dump());
  f->on(Method::patch, std::string("/flows/") + kFlow, 200,
        json{{"id", kFlow}, {"etag", "\"e2\""}}.dump());
  auto r =
      test::run_cli(test::with_credentials({"flow", "activate", kFlow, "--audience", test::kBiking,
                                            "--start-time", "17:00", "-o", "id"}),
                    f, {}, {}, nullptr, watched);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out == std::string(kFlow) + "\n");
  CHECK_THAT(r.err, Catch::Contains("activating through dataflow " + std::string(kFlow) +
                                    ": 1 audiences, 0 attributes"));
  CHECK_THAT(r.err, Catch::EndsWith("\r\033[K"));
}
