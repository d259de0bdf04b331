#include "aepflow/specs/catalogue.hpp"

#include "aepflow/base/text.hpp"

namespace aepflow {

std::span<const Destination> destinations() {
  // IDs as Adobe's destination documentation lists them. The email-marketing tutorial's
  // destinations and the legacy cloud-storage specs share flow spec 71471eba, except Responsys and
  // Salesforce Marketing Cloud which have their own.
  static const std::vector<Destination> all = {
      {"Adobe Campaign",
       {"campaign"},
       "0b23e41a-cb4a-4321-a78f-3b654f5d7d97",
       "71471eba-b620-49e4-90fd-23f1fa0174d8",
       Generation::legacy},
      {"Oracle Eloqua",
       {"eloqua"},
       "c1e44b6b-e7c8-404b-9031-58f0ef760604",
       "71471eba-b620-49e4-90fd-23f1fa0174d8",
       Generation::legacy},
      {"Oracle Responsys",
       {"responsys"},
       "a5e28ddf-e265-426e-83a1-9d03a3a6822b",
       "51d675ce-e270-408d-91fc-22717bdf2148",
       Generation::legacy},
      {"Salesforce Marketing Cloud",
       {"sfmc", "Salesforce Marketing Cloud (Files)"},
       "f599a5b3-60a7-4951-950a-cc4115c7ea27",
       "493b2bd6-26e4-4167-ab3b-5e910bba44f0",
       Generation::legacy},
      // The current cloud-storage cards (Adobe's since 2023) have the plain names. Audience
      // export flow specs as the activation tutorial gives them; Adobe's destinations spec labels
      // other IDs "- Segment" for ADLS, DLZ and GCS (db060570..., 7e635b9f..., 976d663b...),
      // which name a flow spec accepts as well (spec_check reads the flow spec itself).
      {"Amazon S3",
       {"s3", "Amazon S3 (enhanced file export)", "s3-enhanced"},
       "4fce964d-3f37-408f-9778-e597338a21ee",
       "1a0514a6-33d4-4c7f-aff8-594799c47549",
       Generation::enhanced,
       "269ba276-16fc-47db-92b0-c1049a3c131f"},
      {"Azure Blob Storage",
       {"Azure Blob", "blob", "Azure Blob Storage (enhanced file export)", "blob-enhanced"},
       "6d6b59bf-fb58-4107-9064-4d246c0e5bb2",
       "752d422f-b16f-4f0d-b1c6-26e448e3b388",
       Generation::enhanced,
       "95bd8965-fc8a-4119-b9c3-944c2c2df6d2"},
      {"Azure Data Lake Storage Gen2",
       {"adls", "adls-gen2", "Azure Data Lake Gen2"},
       "be2c3209-53bc-47e7-ab25-145db8b873e1",
       "17be2013-2549-41ce-96e7-a70363bec293",
       Generation::enhanced,
       "17be2013-2549-41ce-96e7-a70363bec293"},
      {"Data Landing Zone",
       {"dlz"},
       "10440537-2a7b-4583-ac39-ed38d4b848e8",
       "cd2fc47e-e838-4f38-a581-8fff2f99b63a",
       Generation::enhanced,
       "cd2fc47e-e838-4f38-a581-8fff2f99b63a"},
      {"Google Cloud Storage",
       {"gcs"},
       "c5d93acb-ea8b-4b14-8f53-02138444ae99",
       "585c15c4-6cbf-4126-8f87-e26bff78b657",
       Generation::enhanced,
       "585c15c4-6cbf-4126-8f87-e26bff78b657"},
      {"SFTP",
       {"sftp", "SFTP (enhanced file export)", "sftp-enhanced"},
       "36965a81-b1c6-401b-99f8-22508f1e6a26",
       "fd36aaa4-bf2b-43fb-9387-43785eeeb799",
       Generation::enhanced,
       "354d6aad-4754-46e4-a576-1b384561c440"},
      // The tutorial-era cloud-storage specs Adobe retired in 2023 (every organisation migrated
      // by 26 July 2023): reachable by these names and by ID, with a warning.
      {"Amazon S3 (legacy)",
       {"s3-legacy"},
       "4890fc95-5a1f-4983-94bb-e060c08e3f81",
       "71471eba-b620-49e4-90fd-23f1fa0174d8",
       Generation::retired},
      {"Azure Blob (legacy)",
       {"blob-legacy"},
       "e258278b-a4cf-43ac-b158-4fa0ca0d948b",
       "71471eba-b620-49e4-90fd-23f1fa0174d8",
       Generation::retired},
      {"SFTP (legacy)",
       {"sftp-legacy"},
       "64ef4b8b-a6e0-41b5-9677-3805d1ee5dd0",
       "71471eba-b620-49e4-90fd-23f1fa0174d8",
       Generation::retired},
      {"Data Lake", {"datasets"}, "23598e46-f560-407b-88d5-ea6207e49db0", "", Generation::source},
      {"Profile Store",
       {"ups", "Unified Profile Service"},
       "8a9c3494-9708-43d7-ae3f-cda01e5030e1",
       "",
       Generation::source},
  };
  return all;
}

const Destination* find_destination(std::string_view name_or_id) {
  for (const auto& d : destinations()) {
    if (iequals(d.name, name_or_id) || d.connection_spec_id == name_or_id) return &d;
    for (auto alias : d.aliases) {
      if (iequals(alias, name_or_id)) return &d;
    }
  }
  return nullptr;
}

bool uses_data_prep(std::string_view connection_spec_id) {
  const Destination* d = find_destination(connection_spec_id);
  return d && d->connection_spec_id == connection_spec_id && d->generation == Generation::enhanced;
}

std::optional<std::string> retired_warning(std::string_view connection_spec_id) {
  const Destination* d = find_destination(connection_spec_id);
  if (!d || d->generation != Generation::retired) return std::nullopt;
  std::string current(d->name.substr(0, d->name.find(" (legacy)")));
  if (current == "Azure Blob") current = "Azure Blob Storage";
  const Destination* now = find_destination(current);
  return std::string(d->name) + " (" + std::string(d->connection_spec_id) +
         ") is a connection spec Adobe retired in 2023: organisations were moved to the current "
         "card by 26 July 2023, and calls that use the retired one stop working; use \"" +
         current + "\"" + (now ? " (" + std::string(now->connection_spec_id) + ")" : "");
}

std::string known_destination_names() {
  std::string out;
  for (const auto& d : destinations()) {
    if (d.generation == Generation::source || d.generation == Generation::retired) continue;
    if (!out.empty()) out += ", ";
    out += d.name;
  }
  return out;
}

}  // namespace aepflow
