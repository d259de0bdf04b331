// Base64 as key material uses it: RFC 4648 vectors, wrapped lines, and what is not base64.
#include "aepflow/base/base64.hpp"

#include <catch2/catch.hpp>

using namespace aepflow;

TEST_CASE("base64_encode gives the RFC 4648 test vectors", "[base64]") {
  CHECK(base64_encode("").empty());
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foob") == "Zm9vYg==");
  CHECK(base64_encode("fooba") == "Zm9vYmE=");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  CHECK(base64_encode(std::string("\xff\xfe\x00", 3)) == "//4A");
}

TEST_CASE("base64_decode reads what encode writes, wrapped or unpadded", "[base64]") {
  const std::string bytes("\x00\x01\x7f\x80\xff key \n", 11);
  CHECK(base64_decode(base64_encode(bytes)) == bytes);
  CHECK(base64_decode("Zm9v\nYmFy\r\n") == "foobar");
  CHECK(base64_decode("Zm9vYg") == "foob");
  CHECK(base64_decode("Zm9vYg==") == "foob");
}

TEST_CASE("base64_decode refuses what is not base64", "[base64]") {
  CHECK_FALSE(base64_decode("Zm9v!"));
  CHECK_FALSE(base64_decode("Zg==Zg=="));  // data after the padding
  CHECK_FALSE(base64_decode("Z"));         // one sextet cannot end a quantum
  CHECK_FALSE(base64_decode("Zg="));       // padding that does not complete a quantum
  CHECK_FALSE(base64_decode("-----BEGIN"));
}
