#include "app/pipeline_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "aepflow/base/files.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow::cli {

PipelineLocks::~PipelineLocks() {
  for (int fd : fds_)
    ::close(fd);  // closing lets go of the flock
}

Result<PipelineLocks> lock_pipelines(Context& ctx, const PipelineFile& file) {
  PipelineLocks locks;
  const auto dir = cache_dir(ctx.io);
  if (dir.empty()) return locks;
  auto settings = ctx.settings();
  if (!settings) return std::unexpected(settings.error());
  const Settings& s = **settings;
  const std::string scope =
      s["base_url"].value + "\n" + s["org_id"].value + "\n" + s["sandbox"].value + "\n";
  std::set<std::pair<std::string, std::string>> keys;  // {file name, pipeline}: sorted, once each
  for (const auto& spec : file.pipelines)
    keys.emplace("apply-" + fingerprint(scope + spec.name) + ".lock", spec.name);
  const auto locks_dir = dir / "locks";
  if (auto ok = ensure_private_dir(locks_dir); !ok) {
    ctx.warn("not locking against other applies on this machine: " + ok.error().message);
    return locks;
  }
  for (const auto& [name, pipeline] : keys) {
    const std::string path = (locks_dir / name).string();
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
      ctx.warn("not locking pipeline " + pipeline +
               " against other applies on this machine: " + path + ": " + std::strerror(errno));
      continue;
    }
    locks.fds_.push_back(fd);
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) continue;
    ctx.err() << "waiting for another apply or destroy of pipeline " << printable(pipeline)
              << " on this machine to finish (lock " << printable(path) << ")\n";
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK && errno != EINTR) {
        return fail(ErrorKind::internal, "cannot lock " + path + ": " + std::strerror(errno));
      }
      if (!ctx.io.sleep(std::chrono::milliseconds(100))) {
        return fail(ErrorKind::interrupted, "interrupted while waiting for the lock " + path);
      }
    }
  }
  return locks;
}

}  // namespace aepflow::cli
