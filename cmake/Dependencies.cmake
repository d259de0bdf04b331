# Every dependency comes from a Debian package (scripts/install-deps.sh installs them).
find_package(CURL REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(spdlog 1.10 REQUIRED)
find_package(Threads REQUIRED)
find_package(tomlplusplus 3 REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)

# cpp-httplib ships no CMake config on Debian; it has a pkg-config file.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

if(AEPFLOW_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
