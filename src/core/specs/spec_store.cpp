#include "aepflow/specs/spec_store.hpp"

#include <fstream>
#include <sstream>

#include "aepflow/base/files.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow {

SpecDiskCache::SpecDiskCache(const std::filesystem::path& dir, std::string_view scope,
                             std::chrono::seconds life)
    : dir_(dir.empty() ? dir : dir / fingerprint(scope)), life_(life) {}

std::filesystem::path SpecDiskCache::file(Collection catalogue, const std::string& id) const {
  if (dir_.empty() || id.empty() || id.size() > 64 ||
      id.find_first_not_of("0123456789abcdefABCDEF-") != std::string::npos) {
    return {};
  }
  return dir_ / (std::string(collection_path(catalogue)).substr(1) + "-" + id + ".json");
}

std::optional<nlohmann::json> SpecDiskCache::load(Collection catalogue, const std::string& id) {
  const auto path = file(catalogue, id);
  if (path.empty()) return std::nullopt;
  std::error_code ec;
  const auto written = std::filesystem::last_write_time(path, ec);
  if (ec || std::filesystem::file_time_type::clock::now() - written >= life_) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  auto cached = nlohmann::json::parse(text.str(), nullptr, false);
  // A file that is not this spec (truncated, edited, another ID) is a miss.
  if (!cached.is_object() || text_of(cached, "id") != id) return std::nullopt;
  return cached;
}

void SpecDiskCache::store(Collection catalogue, const std::string& id, const nlohmann::json& spec) {
  const auto path = file(catalogue, id);
  if (path.empty()) return;
  if (ensure_private_dir(dir_.parent_path()) && ensure_private_dir(dir_)) {
    (void)replace_private_file(path, spec.dump());
  }
}

SpecStore::SpecStore(FlowService& service, std::unique_ptr<SpecCache> cache)
    : service_(service), cache_(std::move(cache)) {}

Result<const nlohmann::json*> SpecStore::get(Collection catalogue, const std::string& id) {
  const std::string key = std::string(collection_path(catalogue)) + "/" + id;
  if (auto it = specs_.find(key); it != specs_.end()) return &it->second;
  if (cache_) {
    if (auto cached = cache_->load(catalogue, id)) return &(specs_[key] = std::move(*cached));
  }
  auto fetched = service_.get(catalogue, id);
  if (!fetched) return std::unexpected(fetched.error());
  if (cache_) cache_->store(catalogue, id, *fetched);
  return &(specs_[key] = std::move(*fetched));
}

}  // namespace aepflow
