#pragma once
// Small text helpers the library shares.

#include <string>
#include <string_view>
#include <vector>

namespace aepflow {

// "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");

// `text` with what a terminal would act on made visible: control characters (\n, \t, \x1b, \x7f),
// C1 controls and the invisible or reordering marks (\u009b, \u202e), and bytes that are not
// UTF-8 (\xff). For whatever is printed for a person that came from a user, a file or the
// service: a terminal shows it as typed and cannot be steered by it. Idempotent.
std::string printable(std::string_view text);

// ASCII case-insensitive equality (header names, destination names).
bool iequals(std::string_view a, std::string_view b);

// A stable 16-hex-digit hash (FNV-1a, 64 bits) of `text`: a short file name for a cache key. Not
// for security; a cache file repeats its key (or its ID), so a collision reads as a miss.
std::string fingerprint(std::string_view text);

}  // namespace aepflow
