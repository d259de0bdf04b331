#pragma once
// Connection and flow specs by ID, fetched once per process and, through an injected cache, once
// a day: a spec changes rarely, and a command that checks params against its spec should not pay a
// round trip for it every time.

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "aepflow/base/error.hpp"
#include "aepflow/flow/client.hpp"

namespace aepflow {

// Where specs outlive the process. Errors are not reported: a cache that cannot be read or
// written costs a request, nothing more.
class SpecCache {
 public:
  virtual ~SpecCache() = default;
  virtual std::optional<nlohmann::json> load(Collection catalogue, const std::string& id) = 0;
  virtual void store(Collection catalogue, const std::string& id, const nlohmann::json& spec) = 0;
};

// One private file per spec under `dir`/<fingerprint of `scope`>/, used while younger than `life`.
// `scope` names the service, organisation and sandbox (private destinations are specs of one
// organisation). Only IDs that are safe as file names are cached.
class SpecDiskCache final : public SpecCache {
 public:
  SpecDiskCache(const std::filesystem::path& dir, std::string_view scope,
                std::chrono::seconds life = std::chrono::hours(24));
  std::optional<nlohmann::json> load(Collection catalogue, const std::string& id) override;
  void store(Collection catalogue, const std::string& id, const nlohmann::json& spec) override;

 private:
  std::filesystem::path file(Collection catalogue, const std::string& id) const;
  std::filesystem::path dir_;
  std::chrono::seconds life_;
};

class SpecStore {
 public:
  // `cache` may be null: specs are then fetched once per process.
  SpecStore(FlowService& service, std::unique_ptr<SpecCache> cache);

  // The spec, from memory, else from the cache, else fetched (and cached).
  Result<const nlohmann::json*> get(Collection catalogue, const std::string& id);

 private:
  FlowService& service_;
  std::unique_ptr<SpecCache> cache_;
  std::map<std::string, nlohmann::json> specs_;
};

}  // namespace aepflow
