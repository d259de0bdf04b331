#include "state.hpp"

#include <cstdio>

#include "util.hpp"

namespace emulator {

using nlohmann::json;

std::int64_t State::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock().time_since_epoch()).count();
}

std::string State::uuid() {
  std::uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x4000ULL;
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", unsigned(hi >> 32),
                unsigned((hi >> 16) & 0xFFFF), unsigned(hi & 0xFFFF), unsigned(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

std::string State::hex_id() {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return buf;
}

std::string State::new_etag() {
  char buf[64];
  std::snprintf(buf, sizeof buf, "\"%08llx-0000-0200-0000-%012llx\"",
                static_cast<unsigned long long>(++etag_counter),
                static_cast<unsigned long long>(now_ms() & 0xFFFFFFFFFFFFULL));
  return buf;
}

const json* State::find_spec(const json& catalogue, const std::string& id) const {
  for (const auto& s : catalogue) {
    if (str(s, "id") == id) return &s;
  }
  return nullptr;
}

Sandbox& State::sandbox(const std::string& name) {
  auto [it, inserted] = sandboxes.try_emplace(name);
  if (inserted) {
    it->second.id = uuid();
    for (const char* c : kCollections)
      it->second.collections[c];
  }
  return it->second;
}

std::string Call::org() const {
  auto it = req.headers.find("x-gw-ims-org-id");
  return it == req.headers.end() ? "" : it->second;
}

json Call::audit() const {
  auto ms = state.now_ms();
  return {{"createdAt", ms},
          {"updatedAt", ms},
          {"createdBy", "emulator@AdobeID"},
          {"updatedBy", "emulator@AdobeID"},
          {"createdClient", "aepflow-emulator"},
          {"updatedClient", "aepflow-emulator"},
          {"sandboxId", sandbox ? sandbox->id : ""},
          {"sandboxName", sandbox_name},
          {"imsOrgId", org()}};
}

}  // namespace emulator
