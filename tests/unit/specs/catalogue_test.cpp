// The names scripts use for destinations, and what they resolve to.
#include "aepflow/specs/catalogue.hpp"

#include <catch2/catch.hpp>

using namespace aepflow;

TEST_CASE("cloud-storage names resolve to today's cards, and (legacy) names to the retired specs",
          "[specs][catalogue]") {
  struct Expect {
    const char* name;
    const char* connection_spec;
    const char* flow_spec;
  };
  const Expect expected[] = {
      {"Amazon S3", "4fce964d-3f37-408f-9778-e597338a21ee", "1a0514a6-33d4-4c7f-aff8-594799c47549"},
      {"s3", "4fce964d-3f37-408f-9778-e597338a21ee", "1a0514a6-33d4-4c7f-aff8-594799c47549"},
      {"Azure Blob Storage", "6d6b59bf-fb58-4107-9064-4d246c0e5bb2",
       "752d422f-b16f-4f0d-b1c6-26e448e3b388"},
      {"Azure Blob", "6d6b59bf-fb58-4107-9064-4d246c0e5bb2",
       "752d422f-b16f-4f0d-b1c6-26e448e3b388"},
      {"blob", "6d6b59bf-fb58-4107-9064-4d246c0e5bb2", "752d422f-b16f-4f0d-b1c6-26e448e3b388"},
      {"SFTP", "36965a81-b1c6-401b-99f8-22508f1e6a26", "fd36aaa4-bf2b-43fb-9387-43785eeeb799"},
      {"sftp", "36965a81-b1c6-401b-99f8-22508f1e6a26", "fd36aaa4-bf2b-43fb-9387-43785eeeb799"},
      {"Azure Data Lake Storage Gen2", "be2c3209-53bc-47e7-ab25-145db8b873e1",
       "17be2013-2549-41ce-96e7-a70363bec293"},
      {"adls", "be2c3209-53bc-47e7-ab25-145db8b873e1", "17be2013-2549-41ce-96e7-a70363bec293"},
      {"Data Landing Zone", "10440537-2a7b-4583-ac39-ed38d4b848e8",
       "cd2fc47e-e838-4f38-a581-8fff2f99b63a"},
      {"dlz", "10440537-2a7b-4583-ac39-ed38d4b848e8", "cd2fc47e-e838-4f38-a581-8fff2f99b63a"},
      {"Google Cloud Storage", "c5d93acb-ea8b-4b14-8f53-02138444ae99",
       "585c15c4-6cbf-4126-8f87-e26bff78b657"},
      {"GCS", "c5d93acb-ea8b-4b14-8f53-02138444ae99", "585c15c4-6cbf-4126-8f87-e26bff78b657"},
      {"Amazon S3 (legacy)", "4890fc95-5a1f-4983-94bb-e060c08e3f81",
       "71471eba-b620-49e4-90fd-23f1fa0174d8"},
      {"azure blob (legacy)", "e258278b-a4cf-43ac-b158-4fa0ca0d948b",
       "71471eba-b620-49e4-90fd-23f1fa0174d8"},
      {"SFTP (legacy)", "64ef4b8b-a6e0-41b5-9677-3805d1ee5dd0",
       "71471eba-b620-49e4-90fd-23f1fa0174d8"},
      // The email-marketing destinations keep their model.
      {"Adobe Campaign", "0b23e41a-cb4a-4321-a78f-3b654f5d7d97",
       "71471eba-b620-49e4-90fd-23f1fa0174d8"},
  };
  for (const auto& e : expected) {
    INFO(e.name);
    const Destination* d = find_destination(e.name);
    REQUIRE(d);
    CHECK(d->connection_spec_id == e.connection_spec);
    CHECK(d->flow_spec_id == e.flow_spec);
  }
  CHECK(uses_data_prep("4fce964d-3f37-408f-9778-e597338a21ee"));
  CHECK_FALSE(uses_data_prep("4890fc95-5a1f-4983-94bb-e060c08e3f81"));
  CHECK_FALSE(uses_data_prep("0b23e41a-cb4a-4321-a78f-3b654f5d7d97"));
  CHECK_FALSE(uses_data_prep("s3"));  // by ID only
}

TEST_CASE("a retired spec, by name or ID, gets one line naming the card to use instead",
          "[specs][catalogue]") {
  auto w = retired_warning("4890fc95-5a1f-4983-94bb-e060c08e3f81");
  REQUIRE(w);
  CHECK(*w ==
        "Amazon S3 (legacy) (4890fc95-5a1f-4983-94bb-e060c08e3f81) is a connection spec Adobe "
        "retired in 2023: organisations were moved to the current card by 26 July 2023, and calls "
        "that use the retired one stop working; use \"Amazon S3\" "
        "(4fce964d-3f37-408f-9778-e597338a21ee)");
  CHECK_THAT(*retired_warning("e258278b-a4cf-43ac-b158-4fa0ca0d948b"),
             Catch::Contains("use \"Azure Blob Storage\" (6d6b59bf-"));
  CHECK(w->find('\n') == std::string::npos);
  CHECK_FALSE(retired_warning("4fce964d-3f37-408f-9778-e597338a21ee"));
  CHECK_FALSE(retired_warning("0b23e41a-cb4a-4321-a78f-3b654f5d7d97"));
  CHECK_THAT(known_destination_names(), !Catch::Contains("legacy"));
}
