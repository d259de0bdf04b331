#include "settings/byte_size.hpp"

#include <catch2/catch.hpp>

using aepflow::cli::parse_byte_size;

TEST_CASE("sizes are read in binary units, any case, with or without iB", "[settings][size]") {
  CHECK(parse_byte_size("1048576") == std::size_t{1048576});
  CHECK(parse_byte_size("100b") == std::size_t{100});
  CHECK(parse_byte_size("512K") == std::size_t{512 * 1024});
  CHECK(parse_byte_size("512kib") == std::size_t{512 * 1024});
  CHECK(parse_byte_size("64M") == std::size_t{64} << 20);
  CHECK(parse_byte_size("64MiB") == std::size_t{64} << 20);
  CHECK(parse_byte_size("64mb") == std::size_t{64} << 20);
  CHECK(parse_byte_size("1.5G") == std::size_t{3} << 29);
  CHECK(parse_byte_size("1024G") == std::size_t{1} << 40);
}

TEST_CASE("what is not a size is refused", "[settings][size]") {
  for (const char* bad : {"", "M", "0", "0.0001", "-5M", "+5M", "5 M", "12X", "5MM", "1.2.3M",
                          "1025G", "inf", "nan", "1e9", "0x10"}) {
    INFO(bad);
    CHECK_FALSE(parse_byte_size(bad));
  }
}
