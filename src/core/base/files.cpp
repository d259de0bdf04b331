#include "aepflow/base/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace aepflow {

namespace fs = std::filesystem;

Result<void> ensure_private_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return {};
  fs::create_directories(dir.parent_path(), ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return fail(ErrorKind::internal, "cannot create " + dir.string() + ": " + std::strerror(errno));
  }
  return {};
}

namespace {

Error cannot_write(const fs::path& path, int error) {
  Error e;
  e.kind = ErrorKind::internal;
  e.message = "cannot write " + path.string() + ": " + std::strerror(error);
  return e;
}

// A new file beside `path` (a hidden name of its own) holding `content`, with `mode`: its name.
Result<std::string> write_beside(const fs::path& path, std::string_view content, mode_t mode) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string name = std::string(".").append(path.filename().string()).append("-XXXXXX");
  std::string tmp = (dir / name).string();
  int fd = ::mkstemp(tmp.data());  // created with mode 0600
  if (fd < 0) return std::unexpected(cannot_write(path, errno));
  ::fchmod(fd, mode);
  std::size_t written = 0;
  int error = EIO;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n < 0) error = errno;
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  // No fsync: after a crash the file is the old one, the new one, or unreadable; every reader
  // treats an unreadable file as absent.
  if (::close(fd) != 0 && written == content.size()) {
    error = errno;
    written = 0;
  }
  if (written != content.size()) {
    ::unlink(tmp.c_str());
    return std::unexpected(cannot_write(path, error));
  }
  return tmp;
}

}  // namespace

Result<void> replace_private_file(const fs::path& path, std::string_view content) {
  if (auto ok = ensure_private_dir(path.parent_path()); !ok) return ok;
  auto tmp = write_beside(path, content, 0600);
  if (!tmp) return std::unexpected(tmp.error());
  if (::rename(tmp->c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp->c_str());
    return std::unexpected(cannot_write(path, saved));
  }
  return {};
}

Result<void> write_file_whole(const fs::path& path, std::string_view content, bool replace) {
  auto tmp = write_beside(path, content, 0644);
  if (!tmp) return std::unexpected(tmp.error());
  // Without `replace`, link() puts the file in place only where nothing is: an existing file is
  // never overwritten, even one made a moment ago.
  const int done =
      replace ? ::rename(tmp->c_str(), path.c_str()) : ::link(tmp->c_str(), path.c_str());
  const int saved = errno;
  if (done != 0 || !replace) ::unlink(tmp->c_str());
  if (done == 0) return {};
  if (saved == EEXIST) return usage(path.string() + " exists");
  return std::unexpected(cannot_write(path, saved));
}

std::optional<std::string> permission_warning(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !(st.st_mode & 077)) return std::nullopt;
  char mode[8];
  std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
  return path.string() + " is accessible by group or others (mode " + mode + "); run: chmod " +
         (S_ISDIR(st.st_mode) ? "700 " : "600 ") + path.string();
}

}  // namespace aepflow
