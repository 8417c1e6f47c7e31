#!/usr/bin/env bash
# One command on a fresh Debian machine: install what the build needs, fetch the
# pinned npm tarballs (checksums in deps/npm.lock), compile, and review the
# bundled example tasks. Run the tests with `make test`.
set -euo pipefail
cd "$(dirname "$0")"
need=()
for tool in gcc make node npm python3 xz; do command -v "$tool" >/dev/null 2>&1 || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  pkgs=()
  for t in "${need[@]}"; do
    case $t in gcc|make) pkgs+=(build-essential) ;; node|npm) pkgs+=(nodejs npm) ;; python3) pkgs+=(python3) ;; xz) pkgs+=(xz-utils) ;; esac
  done
  echo "build.sh: installing ${pkgs[*]}" >&2
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${pkgs[@]}"
fi
make -j"$(nproc)" all test-deps   # test-deps: the packages the schema tests need (deps/npm.lock, group test)
echo "== iacgrade batch examples =="
build/iacgrade batch examples --jsonl build/examples.jsonl --fail-on none
build/iacgrade task examples/cdk-ts-logs || true
