// printable(): what a terminal would act on is shown instead, and nothing else changes.
#include "aepflow/base/text.hpp"

#include <catch2/catch.hpp>

using aepflow::printable;

TEST_CASE("printable shows C0 controls and DEL by their escapes", "[text]") {
  CHECK(printable("a\nb\tc\rd\x1b]0;PWNED\x07\x7f") == "a\\nb\\tc\\rd\\x1b]0;PWNED\\x07\\x7f");
  CHECK(printable(std::string("nul\0end", 7)) == "nul\\x00end");
}

TEST_CASE("printable shows C1 controls and the marks that reorder or hide text", "[text]") {
  CHECK(printable("csi\xc2\x9b"
                  "2J") == "csi\\u009b2J");  // U+009B, a CSI
  CHECK(printable("osc\xc2\x9d"
                  "0;x\xc2\x9c") == "osc\\u009d0;x\\u009c");  // OSC ... ST
  CHECK(printable("\xe2\x80\xae"
                  "evil") == "\\u202eevil");  // RIGHT-TO-LEFT OVERRIDE
  CHECK(printable("a\xe2\x81\xa6"
                  "b\xe2\x81\xa9") == "a\\u2066b\\u2069");  // isolates
  CHECK(printable("zero\xe2\x80\x8b"
                  "width") == "zero\\u200bwidth");
  CHECK(printable("line\xe2\x80\xa8"
                  "sep") == "line\\u2028sep");
  CHECK(printable("\xef\xbb\xbf"
                  "bom") == "\\ufeffbom");
}

TEST_CASE("printable shows bytes that are not UTF-8 and keeps the text that is", "[text]") {
  CHECK(printable("caf\xc3\xa9 \xe2\x80\xa6 \xf0\x9f\x98\x80") ==
        "caf\xc3\xa9 \xe2\x80\xa6 \xf0\x9f\x98\x80");
  CHECK(printable("latin1 caf\xe9") == "latin1 caf\\xe9");
  CHECK(printable("cut \xe2\x80") == "cut \\xe2\\x80");
  CHECK(printable("overlong \xc0\xaf") == "overlong \\xc0\\xaf");
  CHECK(printable("\xc2\xa0nbsp \xc2\xbf") ==
        "\xc2\xa0nbsp \xc2\xbf");  // U+00A0, U+00BF: shown as is
}

TEST_CASE("printable is idempotent", "[text]") {
  for (const std::string s : {"a\x1b[31m", "\xc2\x9b", "\xe2\x80\xae", "\xff\xfe", "back\\slash"}) {
    CHECK(printable(printable(s)) == printable(s));
  }
}
