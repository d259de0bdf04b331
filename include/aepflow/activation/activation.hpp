#pragma once
// Activation: the audiences (segment selectors) and profile attributes (profile selectors) that a
// destination dataflow exports, the rules their settings must follow (FLOW-SERVICE-API.md 7.4),
// the JSON Patch that adds them, and a tolerant reader of what a flow currently holds.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/dataprep/client.hpp"

namespace aepflow {

inline constexpr std::string_view default_filename_template =
    "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%";

struct Schedule {
  std::string frequency;     // ONCE, DAILY, EVERY_3_HOURS, ...
  std::string trigger_type;  // SCHEDULED, AFTER_SEGMENT_EVAL; may be empty
  std::string start_date;    // YYYY-MM-DD
  std::string start_time;    // HH:MM (UTC); may be empty
  std::string end_date;      // YYYY-MM-DD; may be empty
};

struct Audience {
  std::string id;
  std::string name;
  std::string description;
  std::string filename_template;
  std::string export_mode;  // DAILY_FULL_EXPORT, FIRST_FULL_THEN_INCREMENTAL
  Schedule schedule;
};

struct RuleViolation {
  std::string audience;  // its ID
  std::string field;     // "schedule.startTime"
  std::string value;     // what was given
  std::string problem;   // "is required with triggerType SCHEDULED"
  std::string allowed;   // "HH:MM, 24-hour UTC, e.g. 17:00"; may be empty

  std::string describe() const;
};

// Whose rules an audience's filename template follows. legacy: the email-marketing
// destinations' segment selector, which requires %DESTINATION_NAME% and %SEGMENT_ID%. current: a
// current cloud-storage card's (the V2 selector: every macro optional, at most 255 characters).
// unknown: only what both demand, for a check made before the flow is read (the full one follows).
enum class Card { unknown, legacy, current };

inline constexpr std::size_t max_filename_template = 255;

// Every rule the service enforces on a segment selector, checked locally.
std::vector<RuleViolation> check_audience(const Audience& a, Card card = Card::legacy);

bool is_calendar_date(std::string_view s);  // YYYY-MM-DD and a real day
bool is_clock_time(std::string_view s);     // HH:MM, 00:00-23:59

nlohmann::json segment_selector(const Audience& a);
nlohmann::json profile_selector(std::string_view path);

// One add op per audience and per attribute, appended with "-".
nlohmann::json activation_patch(const std::vector<Audience>& audiences,
                                const std::vector<std::string>& attributes);

// A deduplication key: a profile attribute path or an identity namespace.
struct DedupKey {
  enum class Kind { attribute, identity };
  Kind kind = Kind::attribute;
  std::string value;

  // "identity:Email" is an identity namespace; anything else an attribute path.
  static DedupKey parse(std::string_view text);
  std::string text() const;  // the form parse() reads
  nlohmann::json to_json() const;
  static std::optional<DedupKey> from_json(const nlohmann::json& j);
  bool operator==(const DedupKey&) const = default;
};

// What a flow exports, read from its transformations; missing pieces read as empty.
//
// A legacy flow's attributes are its profile selectors' paths, and its identities the namespace
// codes of those that read identityMap.<code>. A current card's flow (`mapped`) holds neither:
// they are in the mapping set it names (`mapping_set`), and read_flow_contents leaves them empty;
// read_exports (mapped_activation.hpp) fills them from that mapping set.
struct FlowContents {
  std::vector<Audience> audiences;
  std::vector<nlohmann::json> selectors;  // the segment selectors as stored, same order
  std::vector<std::string> attributes;    // source paths (a mapped flow's: not its identities)
  std::vector<std::string> identities;    // namespace codes
  std::vector<std::string> mandatory;
  std::vector<DedupKey> dedup_keys;
  bool has_transformation = false;  // transformations[0] exists
  bool has_segment_selectors = false;
  bool legacy = false;  // profile selectors: attributes, mandatory fields and dedup keys live there
  bool mapped = false;  // a current card's flow: transformations[0] without profile selectors
  std::optional<MappingSetRef> mapping_set;  // transformations[0].params.profileMapping
  std::vector<Mapping> mappings;             // a mapped flow's, each source and its column
};
FlowContents read_flow_contents(const nlohmann::json& flow);

// `c` with `mappings` (those of the mapping set it names) as what it maps: the attributes, the
// identities (identityMap.<code> sources) and the columns.
FlowContents with_mappings(FlowContents c, std::vector<Mapping> mappings);

}  // namespace aepflow
