# Every dependency comes from a Debian package (scripts/install-deps.sh installs them).
find_package(CURL REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(spdlog 1.10 REQUIRED)
find_package(Threads REQUIRED)
find_package(tomlplusplus 3 REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)
find_package(fmt REQUIRED)

# The aepflow binary starts faster with the fewest shared libraries: every symbol a library looks
# up at load time is searched through each shared library ahead of libc. So the C++ libraries are
# built in (libstdc++ statically, spdlog, fmt and toml++ as header-only code, yaml-cpp from its
# static archive), and aepflow loads what curl itself loads, plus libm. The emulator and the tests
# link them as usual.
find_library(AEPFLOW_YAML_CPP_STATIC NAMES libyaml-cpp.a REQUIRED)
add_library(aepflow_spdlog INTERFACE)
target_compile_definitions(aepflow_spdlog INTERFACE SPDLOG_HEADER_ONLY SPDLOG_FMT_EXTERNAL)
target_link_libraries(aepflow_spdlog INTERFACE fmt::fmt-header-only Threads::Threads)
add_library(aepflow_toml INTERFACE)
target_compile_definitions(aepflow_toml INTERFACE TOML_HEADER_ONLY=1)

# cpp-httplib ships no CMake config on Debian; it has a pkg-config file.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

if(AEPFLOW_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
