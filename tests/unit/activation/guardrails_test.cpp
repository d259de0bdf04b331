// The guardrails checked offline: the dedup key's shape, and the soft limits as warnings.
#include "aepflow/activation/guardrails.hpp"

#include <catch2/catch.hpp>

using namespace aepflow;

namespace {

std::vector<DedupKey> keys(std::initializer_list<const char*> texts) {
  std::vector<DedupKey> out;
  for (const char* t : texts)
    out.push_back(DedupKey::parse(t));
  return out;
}

}  // namespace

TEST_CASE("a dedup key is one namespace or at most two attributes, never both",
          "[activation][guardrails]") {
  CHECK(check_dedup_keys({}, keys({"identity:GAID"})));
  CHECK(check_dedup_keys({}, keys({"person.name.lastName", "personalEmail.address"})));
  CHECK(check_dedup_keys(keys({"identity:GAID"}), keys({"identity:GAID"})));  // already there
  CHECK(check_dedup_keys({}, {}));

  auto mixed = check_dedup_keys({}, keys({"identity:GAID", "person.name.lastName"}));
  REQUIRE_FALSE(mixed);
  CHECK(mixed.error().kind == ErrorKind::usage);
  CHECK_THAT(mixed.error().message,
             Catch::Contains("mixes an identity namespace with attributes: identity:GAID, "
                             "person.name.lastName"));

  auto two = check_dedup_keys({}, keys({"identity:GAID", "identity:Email"}));
  REQUIRE_FALSE(two);
  CHECK_THAT(two.error().message, Catch::Contains("has 2 identity namespaces"));

  auto three = check_dedup_keys({}, keys({"a.b", "c.d", "e.f"}));
  REQUIRE_FALSE(three);
  CHECK_THAT(three.error().message, Catch::Contains("has 3 attributes"));

  // What the dataflow has counts, and is named.
  auto with_flow = check_dedup_keys(keys({"identity:ECID"}), keys({"person.name.lastName"}));
  REQUIRE_FALSE(with_flow);
  CHECK_THAT(with_flow.error().message, Catch::Contains("identity:ECID, person.name.lastName") &&
                                            Catch::Contains("(the dataflow's own: identity:ECID)"));
  CHECK_FALSE(check_dedup_keys(keys({"a.b", "c.d"}), keys({"e.f"})));
}

TEST_CASE("above the soft limits is a warning, at them nothing", "[activation][guardrails]") {
  CHECK_FALSE(audiences_warning("f", 250));
  auto a = audiences_warning("f", 251);
  REQUIRE(a);
  CHECK_THAT(*a, Catch::Contains("dataflow f would export 251 audiences") &&
                     Catch::Contains("soft limit of 250 per dataflow"));
  CHECK_FALSE(attributes_warning("f", 50));
  auto m = attributes_warning("f", 51);
  REQUIRE(m);
  CHECK_THAT(*m, Catch::Contains("51 mapped attributes") && Catch::Contains("soft limit of 50"));
}
