#include "aepflow/token_cache.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace aepflow {

using nlohmann::json;
namespace fs = std::filesystem;

bool usable(const CachedToken& t, std::int64_t now) {
  if (t.access_token.empty() || t.expires_at <= 0) return false;
  std::int64_t lifetime = t.expires_at - t.issued_at;
  std::int64_t margin = std::min<std::int64_t>(300, lifetime > 0 ? lifetime / 10 : 300);
  return now + margin < t.expires_at;
}

namespace {

// FNV-1a: a stable file name for the key; the file itself repeats the key, so a collision reads
// as a miss.
std::string key_hash(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string errno_text() {
  return std::strerror(errno);
}

void warn_if_open(const fs::path& p, std::vector<std::string>* warnings) {
  struct stat st {};
  if (!warnings || ::stat(p.c_str(), &st) != 0) return;
  if (st.st_mode & 077) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
    warnings->push_back(p.string() + " is accessible by group or others (mode " + mode +
                        "); run: chmod " + (S_ISDIR(st.st_mode) ? "700 " : "600 ") + p.string());
  }
}

}  // namespace

TokenCache::TokenCache(fs::path dir, const ClientCredentials& key)
    : dir_(std::move(dir)), ims_url_(key.ims_url), client_id_(key.client_id), scopes_(key.scopes) {
  path_ = dir_ / ("token-" + key_hash(ims_url_ + "\n" + client_id_ + "\n" + scopes_) + ".json");
}

TokenCache::Lock::~Lock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

Result<void> TokenCache::ensure_dir() const {
  std::error_code ec;
  if (fs::is_directory(dir_, ec)) return {};
  fs::create_directories(dir_.parent_path(), ec);
  if (::mkdir(dir_.c_str(), 0700) != 0 && errno != EEXIST) {
    return fail(ErrorKind::internal,
                "cannot create the token cache folder " + dir_.string() + ": " + errno_text());
  }
  return {};
}

std::optional<CachedToken> TokenCache::load(std::vector<std::string>* warnings) const {
  std::ifstream in(path_);
  if (!in) return std::nullopt;
  warn_if_open(dir_, warnings);
  warn_if_open(path_, warnings);
  std::stringstream text;
  text << in.rdbuf();
  json j = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;  // half-written or damaged: as if absent
  auto str = [&](const char* k) {
    return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
  };
  auto num = [&](const char* k) {
    return j.contains(k) && j[k].is_number_integer() ? j[k].get<std::int64_t>() : 0;
  };
  if (str("ims_url") != ims_url_ || str("client_id") != client_id_ || str("scopes") != scopes_) {
    return std::nullopt;
  }
  CachedToken t{str("access_token"), num("issued_at"), num("expires_at")};
  if (t.access_token.empty()) return std::nullopt;
  return t;
}

Result<void> TokenCache::store(const CachedToken& t) const {
  if (auto ok = ensure_dir(); !ok) return ok;
  json j = {{"version", 1},
            {"ims_url", ims_url_},
            {"client_id", client_id_},
            {"scopes", scopes_},
            {"access_token", t.access_token},
            {"issued_at", t.issued_at},
            {"expires_at", t.expires_at}};
  std::string text = j.dump() + "\n";
  std::string tmpl = (dir_ / ".token-XXXXXX").string();
  int fd = ::mkstemp(tmpl.data());  // created with mode 0600
  if (fd < 0) {
    return fail(ErrorKind::internal,
                "cannot write the token cache in " + dir_.string() + ": " + errno_text());
  }
  ::fchmod(fd, 0600);
  std::size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmpl.c_str());
      return fail(ErrorKind::internal, "cannot write the token cache: " + errno_text());
    }
    written += static_cast<std::size_t>(n);
  }
  // No fsync: after a crash the file is either whole, or unreadable and so treated as absent.
  ::close(fd);
  if (::rename(tmpl.c_str(), path_.c_str()) != 0) {
    ::unlink(tmpl.c_str());
    return fail(ErrorKind::internal, "cannot write the token cache: " + errno_text());
  }
  return {};
}

Result<void> TokenCache::remove() const {
  if (::unlink(path_.c_str()) != 0 && errno != ENOENT) {
    return fail(ErrorKind::internal, "cannot delete " + path_.string() + ": " + errno_text());
  }
  return {};
}

Result<TokenCache::Lock> TokenCache::lock() const {
  if (auto ok = ensure_dir(); !ok) return std::unexpected(ok.error());
  fs::path lock_path = path_;
  lock_path += ".lock";
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return fail(ErrorKind::internal, "cannot lock the token cache: " + errno_text());
  }
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      ::close(fd);
      return fail(ErrorKind::internal, "cannot lock the token cache: " + errno_text());
    }
  }
  return Lock(fd);
}

}  // namespace aepflow
