// The mapping set a current card's flow is to hold, planned offline.
#include "aepflow/dataprep/mapping.hpp"

#include <catch2/catch.hpp>

#include "aepflow/base/text.hpp"

using namespace aepflow;

TEST_CASE("columns have no dots, and an identity's dots are written // in its source",
          "[dataprep]") {
  CHECK(column_for("person.name.firstName") == "person_name_firstName");
  CHECK(identity_source("Email") == "identityMap.Email");
  CHECK(identity_source("Phone_E.164") == "identityMap.Phone_E//.164");
  CHECK(is_identity_source("identityMap.Email"));
  CHECK_FALSE(is_identity_source("personalEmail.address"));
}

TEST_CASE("a plan keeps what the flow maps and adds what is asked, once", "[dataprep]") {
  const std::vector<Mapping> current = {{"person.name.firstName", "person_name_firstName"},
                                        {"identityMap.Email", "Email"}};
  MappingRequest asked;
  asked.attributes = {"person.name.firstName", "personalEmail.address", "personalEmail.address"};
  asked.identities = {"Email"};
  auto plan = plan_mapping(current, asked);
  REQUIRE(plan);
  CHECK(plan->changed());
  REQUIRE(plan->mappings.size() == 3);
  CHECK(plan->mappings[0].source == "person.name.firstName");  // old entries first
  CHECK(plan->mappings[1].source == "identityMap.Email");
  CHECK(plan->mappings[2].destination == "personalEmail_address");
  CHECK(plan->attributes_added == std::vector<std::string>{"personalEmail.address"});
  CHECK(plan->attributes_kept ==
        std::vector<std::string>{"person.name.firstName", "personalEmail.address"});
  CHECK(plan->identities_kept == std::vector<std::string>{"Email"});

  MappingRequest same;
  same.attributes = {"person.name.firstName"};
  auto nothing = plan_mapping(current, same);
  REQUIRE(nothing);
  CHECK_FALSE(nothing->changed());
}

TEST_CASE("bad paths, a second identity and clashing columns are refused, each named",
          "[dataprep]") {
  const std::vector<Mapping> current = {{"identityMap.Email", "Email"}};
  MappingRequest asked;
  asked.attributes = {"person.name first", "a..b", ".x", "ok.\x1b[31m", "a.b_c", "a_b.c"};
  asked.identities = {"Phone_E.164", "bad code"};
  auto plan = plan_mapping(current, asked);
  REQUIRE_FALSE(plan);
  CHECK(plan.error().kind == ErrorKind::usage);
  const std::string& m = plan.error().message;
  CHECK_THAT(m, Catch::Contains("'person.name first' is not an XDM path"));
  CHECK_THAT(m, Catch::Contains("'a..b' is not"));
  CHECK_THAT(m, Catch::Contains("'.x' is not"));
  CHECK_THAT(m, Catch::Contains("'ok.\\x1b[31m' is not"));  // shown, not obeyed
  CHECK(m.find('\x1b') == std::string::npos);
  CHECK_THAT(m, Catch::Contains("'bad code' is not a namespace code"));
  CHECK_THAT(m, Catch::Contains("'a.b_c' and 'a_b.c' would both export as column a_b_c"));
  CHECK_THAT(m, Catch::Contains("one identity namespace, and this one would export Email, "
                                "Phone_E.164"));
}

TEST_CASE("taking attributes and identities out names what was not there", "[dataprep]") {
  const std::vector<Mapping> current = {{"person.name.firstName", "person_name_firstName"},
                                        {"identityMap.Phone_E//.164", "Phone_E_164"},
                                        {"personalEmail.address", "personalEmail_address"}};
  std::vector<std::string> removed, not_found;
  auto kept = without(current, {"person.name.firstName", "loyalty.tier"}, {"Phone_E.164"}, removed,
                      not_found);
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].source == "personalEmail.address");
  CHECK(removed == std::vector<std::string>{"person.name.firstName", "Phone_E.164"});
  CHECK(not_found == std::vector<std::string>{"loyalty.tier"});
}

TEST_CASE("printable shows control characters instead of sending them", "[dataprep][text]") {
  CHECK(printable("a\nb\tc\rd\x1b]0;PWNED\x07\x7f") == "a\\nb\\tc\\rd\\x1b]0;PWNED\\x07\\x7f");
  CHECK(printable("caf\xc3\xa9") == "caf\xc3\xa9");  // UTF-8 stays as it is
}
