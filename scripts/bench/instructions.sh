#!/usr/bin/env bash
# Deterministic work count of one cold, single-threaded pass of the stage loop (decode → clean →
# meta → segment → extract, the built dist/ of <repo>) over <dir>: valgrind's instruction count,
# with V8 made repeatable (--predictable, fixed seeds, no address randomisation). Differences of
# a few M instructions are noise; compare builds at paths of the same length (source paths end up
# in the count). About a minute for 2 MB. Usage: scripts/bench/instructions.sh <repo> <dir>
set -euo pipefail
repo=${1:?usage: instructions.sh <repo> <dir>}
dir=${2:?usage: instructions.sh <repo> <dir>}
here=$(cd "$(dirname "$0")" && pwd)
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 2; }
setarch -R valgrind --tool=callgrind --callgrind-out-file=/dev/null \
  node --single-threaded --predictable --predictable-gc-schedule --hash-seed=1 --random-seed=1 \
  "$here/stages.mjs" "$repo" "$dir" 2>&1 >/dev/null |
  awk '/Collected/ { printf "%.4f G instructions\n", $4 / 1e9 }'
