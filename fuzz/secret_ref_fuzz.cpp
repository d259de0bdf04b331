// libFuzzer target: arbitrary bytes as a value that may be a secret reference (@PATH, file:PATH,
// env:VAR, cmd:COMMAND, prompt:, @@literal), resolved against a made-up world (fuzz_io.hpp) that
// runs no command. Besides never crashing: a literal comes back as typed, a reference gives what
// it names (one trailing newline dropped from a file or a command) and never nothing, and no error
// shows the value a reference read.
//
// Input: byte 0 says which of the world's variables, files, commands and prompt answer (low bits)
// and which forms the caller takes (high bits); byte 1, whether the answer is marked to catch a
// leak; then the value, a NUL, and what every reference answers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_io.hpp"
#include "settings/params.hpp"

namespace {

std::string_view without_newline(std::string_view s) {
  if (s.ends_with("\r\n")) return s.substr(0, s.size() - 2);
  if (s.ends_with('\n')) return s.substr(0, s.size() - 1);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aepflow::cli;
  if (size < 2) return 0;
  const unsigned forms = (data[0] >> 4) & 15u;
  const bool mark = data[1] & 1;
  std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);
  const auto nul = rest.find('\0');
  const std::string_view value = rest.substr(0, nul);
  const std::string_view given = nul == std::string_view::npos ? "" : rest.substr(nul + 1);
  const std::string answer = mark ? fuzz::marked(given) : std::string(given);
  fuzz::FuzzIo world(answer, data[0] & 15u);

  auto v = resolve_value(value, "param secret", world.io, forms, std::chrono::milliseconds(5));
  if (!v) {
    if (mark && fuzz::leaks(v.error().message, value)) __builtin_trap();
    return 0;
  }
  if (v->literal) {
    const bool unescaped = (forms & form_file) && value.starts_with("@@");
    if (v->text != (unescaped ? value.substr(1) : value)) __builtin_trap();
    return 0;
  }
  // What a reference read: never empty, and the answer itself (less a file's or a command's
  // trailing newline), or the home folder of env:HOME.
  if (v->text.empty()) __builtin_trap();
  if (v->text != answer && v->text != without_newline(answer) && v->text != fuzz::home) {
    __builtin_trap();
  }
  return 0;
}
