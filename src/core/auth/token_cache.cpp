#include "aepflow/auth/token_cache.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aepflow/base/files.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow {

using nlohmann::json;
namespace fs = std::filesystem;

bool usable(const CachedToken& t, std::int64_t now) {
  if (t.access_token.empty() || t.expires_at <= 0) return false;
  std::int64_t lifetime = t.expires_at - t.issued_at;
  std::int64_t margin = std::min<std::int64_t>(300, lifetime > 0 ? lifetime / 10 : 300);
  return now + margin < t.expires_at;
}

TokenCache::TokenCache(fs::path dir, const ClientCredentials& key)
    : dir_(std::move(dir)), ims_url_(key.ims_url), client_id_(key.client_id), scopes_(key.scopes) {
  path_ = dir_ / ("token-" + fingerprint(ims_url_ + "\n" + client_id_ + "\n" + scopes_) + ".json");
}

TokenCache::Lock::~Lock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

std::optional<CachedToken> TokenCache::load(std::vector<std::string>* warnings) const {
  std::ifstream in(path_);
  if (!in) return std::nullopt;
  if (warnings) {
    for (const auto& p : {dir_, path_}) {
      if (auto w = permission_warning(p)) warnings->push_back(*w);
    }
  }
  std::stringstream text;
  text << in.rdbuf();
  json j = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;  // half-written or damaged: as if absent
  if (text_of(j, "ims_url") != ims_url_ || text_of(j, "client_id") != client_id_ ||
      text_of(j, "scopes") != scopes_) {
    return std::nullopt;
  }
  CachedToken t{text_of(j, "access_token"), integer_of(j, "issued_at"),
                integer_of(j, "expires_at")};
  if (t.access_token.empty()) return std::nullopt;
  return t;
}

Result<void> TokenCache::store(const CachedToken& t) const {
  json j = {{"version", 1},
            {"ims_url", ims_url_},
            {"client_id", client_id_},
            {"scopes", scopes_},
            {"access_token", t.access_token},
            {"issued_at", t.issued_at},
            {"expires_at", t.expires_at}};
  return replace_private_file(path_, j.dump() + "\n");
}

Result<void> TokenCache::remove() const {
  if (::unlink(path_.c_str()) != 0 && errno != ENOENT) {
    return fail(ErrorKind::internal,
                "cannot delete " + path_.string() + ": " + std::strerror(errno));
  }
  return {};
}

Result<TokenCache::Lock> TokenCache::lock() const {
  if (auto ok = ensure_private_dir(dir_); !ok) return std::unexpected(ok.error());
  fs::path lock_path = path_;
  lock_path += ".lock";
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return fail(ErrorKind::internal,
                "cannot lock the token cache: " + std::string(std::strerror(errno)));
  }
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      ::close(fd);
      return fail(ErrorKind::internal,
                  "cannot lock the token cache: " + std::string(std::strerror(errno)));
    }
  }
  return Lock(fd);
}

}  // namespace aepflow
