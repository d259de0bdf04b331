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

Result<void> replace_private_file(const fs::path& path, std::string_view content) {
  if (auto ok = ensure_private_dir(path.parent_path()); !ok) return ok;
  std::string name = std::string(".").append(path.filename().string()).append("-XXXXXX");
  std::string tmp = (path.parent_path() / name).string();
  int fd = ::mkstemp(tmp.data());  // created with mode 0600
  if (fd < 0) {
    return fail(ErrorKind::internal, "cannot write " + path.string() + ": " + std::strerror(errno));
  }
  ::fchmod(fd, 0600);
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  // No fsync: after a crash the file is the old one, the new one, or unreadable; every reader
  // treats an unreadable file as absent.
  ::close(fd);
  if (written != content.size() || ::rename(tmp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    return fail(ErrorKind::internal, "cannot write " + path.string() + ": " + std::strerror(saved));
  }
  return {};
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
