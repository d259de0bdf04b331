// Progress lines: on a terminal's stderr only, after a delay, cleared before the result.
#include "terminal/progress.hpp"

#include <catch2/catch.hpp>

#include "audiences.hpp"
#include "cli_harness.hpp"

namespace {

using aepflow::Method;
using nlohmann::json;

constexpr const char* kFlow = "0b6f3c55-2f0e-4d8e-9a41-7c1e5d2b9f30";

// What reached the terminal behind stderr through Io::terminal_status.
using Screen = std::shared_ptr<std::string>;

// stderr is a terminal (or not); progress shows at once (no second's wait in a test).
std::function<void(aepflow::cli::Io&)> watched(Screen screen, bool terminal = true) {
  return [screen, terminal](aepflow::cli::Io& io) {
    io.err_is_terminal = terminal;
    io.progress_after = std::chrono::milliseconds(0);
    io.terminal_status = [screen](std::string_view text) { screen->append(text); };
  };
}

// An Io with only its streams and the terminal.
aepflow::cli::Io streams(std::ostream& out, std::ostream& err, Screen screen, bool terminal) {
  aepflow::cli::Io io{out, err, false, nullptr, nullptr, nullptr, nullptr, nullptr};
  watched(std::move(screen), terminal)(io);
  return io;
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
  auto screen = std::make_shared<std::string>();
  auto io = streams(out, err, screen, true);
  {
    aepflow::cli::Progress p(io, "listing flows");
    p.set("100 so far");
    p.set("200 so far");
    CHECK_THAT(*screen, Catch::EndsWith("\r\033[Klisting flows: 200 so far (0 s)"));
    p.pause().unlock();  // cleared while something else is written
    CHECK_THAT(*screen, Catch::EndsWith("\r\033[K"));
  }
  CHECK_THAT(*screen, Catch::EndsWith("\r\033[K"));
  CHECK(err.str().empty());  // the streams are left alone

  auto quiet = std::make_shared<std::string>();
  auto pipe = streams(out, err, quiet, false);  // stderr is not a terminal
  {
    aepflow::cli::Progress p(pipe, "listing flows");
    p.set("100 so far");
  }
  CHECK(quiet->empty());

  auto fast = std::make_shared<std::string>();
  auto terminal = streams(out, err, fast, true);
  terminal.progress_after = std::chrono::milliseconds(1000);  // not yet a second: nothing
  {
    aepflow::cli::Progress p(terminal, "listing flows");
    p.set("100 so far");
  }
  CHECK(fast->empty());
  CHECK(aepflow::cli::with_thousands(1234567) == "1,234,567");
  CHECK(aepflow::cli::with_thousands(999) == "999");
  CHECK(aepflow::cli::counted(5000, "audience") == "5,000 audiences");
}

TEST_CASE("list --all shows its progress page by page on a terminal, and the output is whole",
          "[progress]") {
  auto screen = std::make_shared<std::string>();
  auto r = test::run_cli(test::with_credentials({"flow", "list", "--all", "-o", "id"}),
                         three_pages(), {}, {}, nullptr, watched(screen));
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "00000000-0000-4000-8000-000000000001\n00000000-0000-4000-8000-000000000002\n"
        "00000000-0000-4000-8000-000000000003\n00000000-0000-4000-8000-000000000004\n"
        "00000000-0000-4000-8000-000000000005\n");
  CHECK_THAT(*screen, Catch::Contains("listing dataflows: 2 so far, 1 page (0 s)"));
  CHECK_THAT(*screen, Catch::Contains("listing dataflows: 4 so far, 2 pages (0 s)"));
  CHECK_THAT(*screen, Catch::EndsWith("\r\033[K"));  // nothing left on the line
  CHECK(r.err.empty());

  auto none = std::make_shared<std::string>();
  auto piped = test::run_cli(test::with_credentials({"flow", "list", "--all", "-o", "id"}),
                             three_pages(), {}, {}, nullptr, watched(none, false));
  CHECK(piped.err.empty());
  CHECK(none->empty());
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
  auto screen = std::make_shared<std::string>();
  auto r =
      test::run_cli(test::with_credentials({"flow", "activate", kFlow, "--audience", test::kBiking,
                                            "--start-time", "17:00", "-o", "id"}),
                    f, {}, {}, nullptr, watched(screen));
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out == std::string(kFlow) + "\n");
  CHECK_THAT(*screen, Catch::Contains("activating through dataflow " + std::string(kFlow) +
                                      ": 1 audience, 0 attributes"));
  CHECK_THAT(*screen, Catch::EndsWith("\r\033[K"));
}
