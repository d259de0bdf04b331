#!/usr/bin/env bash
# Installs the Debian packages aepflow needs to build, test and run its demo.
# Only what is missing is installed; nothing happens when everything is present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-format git
  libcurl4-openssl-dev nlohmann-json3-dev libcli11-dev libspdlog-dev
  catch2 libcpp-httplib-dev libssl-dev libtomlplusplus-dev libyaml-cpp-dev
  curl openssl groff-base
)
for flag in "$@"; do
  case $flag in
    # clang 19, its libFuzzer runtime (clang 14 cannot compile std::expected) and the symbolizer
    # that reads its debug information (for the stack of a failing input).
    --fuzz) packages+=(clang-19 libclang-rt-19-dev llvm-19) ;;
    # The static checks of scripts/tidy.sh.
    --tidy) packages+=(clang-tidy-19) ;;
    # What bench/run.sh drives the curl side with, and measures with.
    --bench) packages+=(jq bc time strace) ;;
    # The plot of the listing benchmark.
    --plot) packages+=(gnuplot-nox) ;;
    *) echo "install-deps.sh: unknown flag $flag (--fuzz, --tidy, --bench, --plot)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "error: missing packages (${missing[*]}) and not root; install them with apt-get" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
