#!/usr/bin/env bash
# Usage: tests/package/deb_test.sh BUILD_DIR
# Builds the .deb with cpack, installs it with dpkg into an empty root (its own dpkg database, no
# root needed), and checks what a user gets: the binary runs against the emulator, the manual
# page renders, the bash completion completes; then removes it and checks nothing is left.
set -euo pipefail

build=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$work"/pkg/aepflow_*.deb)
info=$(dpkg-deb --info "$deb")
grep -q "Depends: libc6" <<<"$info" || fail "the package declares no dependencies"

root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
dpkg() { command dpkg --root="$root" --force-not-root --force-depends --log=/dev/null "$@"; }
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
status=$(dpkg -s aepflow)
grep -q "Status: install ok installed" <<<"$status" || fail "not installed"

bin=$root/usr/bin/aepflow
[ -x "$bin" ] || fail "no $bin"
[ "$("$bin" --version)" = "aepflow $(sed -n 's/^project(aepflow VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")" ] ||
  fail "--version: $("$bin" --version)"

# The installed binary against the emulator: the destination catalogue.
specs=$("$source_dir/scripts/with-emulator.sh" "$build/bin" \
  bash -c '"$0" specs list -o id | wc -l' "$bin" 2>/dev/null)
[ "$specs" -gt 0 ] || fail "specs list printed no spec"

man_page=$root/usr/share/man/man1/aepflow.1
[ -f "$man_page" ] || fail "no manual page"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$man_page" 2>&1)
  [ -z "$warnings" ] || fail "the manual page has roff warnings: $warnings"
  rendered=$(groff -man -Tutf8 "$man_page" 2>/dev/null | sed 's/.\x08//g')
  grep -q "aepflow flow activate" <<<"$rendered" || fail "the manual page has no 'flow activate'"
fi

completion=$root/usr/share/bash-completion/completions/aepflow
[ -f "$root/usr/share/zsh/vendor-completions/_aepflow" ] || fail "no zsh completion"
[ -f "$root/usr/share/fish/vendor_completions.d/aepflow.fish" ] || fail "no fish completion"
got=$(bash -c 'source "$0"; COMP_WORDS=(aepflow flow ac); COMP_CWORD=2; _aepflow; echo "${COMPREPLY[*]}"' "$completion")
[ "$got" = "activate" ] || fail "bash completion of 'aepflow flow ac' gave '$got'"

dpkg -r aepflow >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r"; }
[ ! -e "$bin" ] && [ ! -e "$man_page" ] || fail "files left after dpkg -r"
echo "ok: $(basename "$deb") installs, runs, documents, completes and removes cleanly"
