#pragma once
// The on-disk token cache: one file per IMS URL + client ID + scopes, mode 0600 in a 0700 folder.
// Writes go to a temporary file that is renamed into place, so a reader sees the old token or the
// new one, never half of one; a file that does not parse is treated as absent. A lock file
// serialises check-and-refresh across processes, so parallel invocations make one token request.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "aepflow/auth/ims.hpp"
#include "aepflow/base/error.hpp"

namespace aepflow {

struct CachedToken {
  std::string access_token;
  std::int64_t issued_at = 0;   // epoch seconds
  std::int64_t expires_at = 0;  // epoch seconds
};

// Usable until shortly before it expires: five minutes, or a tenth of its lifetime if shorter.
bool usable(const CachedToken& t, std::int64_t now);

class TokenCache {
 public:
  TokenCache(std::filesystem::path dir, const ClientCredentials& key);

  const std::filesystem::path& path() const { return path_; }
  // Adds a warning when the folder or file is readable by group or others.
  std::optional<CachedToken> load(std::vector<std::string>* warnings = nullptr) const;
  Result<void> store(const CachedToken& t) const;
  Result<void> remove() const;

  // Holds an exclusive lock on the cache until destroyed.
  class Lock {
   public:
    explicit Lock(int fd) : fd_(fd) {}
    Lock(Lock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    Lock& operator=(Lock&&) = delete;
    ~Lock();

   private:
    int fd_;
  };
  Result<Lock> lock() const;

 private:
  std::filesystem::path dir_;
  std::filesystem::path path_;
  std::string ims_url_, client_id_, scopes_;
};

}  // namespace aepflow
