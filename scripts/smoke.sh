#!/usr/bin/env bash
# Drives every command and format of the built CLI over fixtures/cli as a user would
# (files, a directory, stdin, a usage error, a batch with bad inputs, --out, a broken pipe)
# and checks each result. Exits non-zero when any check fails.
# Usage: npm run build && bash scripts/smoke.sh
set -uo pipefail
cd "$(dirname "$0")/.."
BIN="node dist/bin/plan-parse.js"
PLANS=fixtures/cli/plans
SEED=$PLANS/seed-004.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset NO_COLOR FORCE_COLOR
pass=0
fail=0

check() { # check NAME COMMAND...: the command must succeed
  local name=$1
  shift
  if "$@" >"$TMP/check.out" 2>&1; then
    pass=$((pass + 1))
    printf 'ok    %s\n' "$name"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$name"
    sed 's/^/      /' "$TMP/check.out" | head -20
  fi
}

# run ARGS...: runs the CLI, stdout → $TMP/out, stderr → $TMP/err, exit code → $TMP/rc
run() {
  $BIN "$@" >"$TMP/out" 2>"$TMP/err"
  echo $? >"$TMP/rc"
}
rc_is() { [ "$(cat "$TMP/rc")" = "$1" ] || { echo "exit $(cat "$TMP/rc"), expected $1"; cat "$TMP/err"; return 1; }; }
no_escapes() { ! grep -q $'\e' "$TMP/out" || { echo "escape codes in output"; return 1; }; }
json_ok() { node -e 'JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))' "$TMP/out"; }
jsonl_count() { # every line is a JSON object; exactly N lines
  node -e '
    const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
    for (const l of lines) if (typeof JSON.parse(l) !== "object") throw new Error("not an object: " + l.slice(0, 80));
    if (lines.length !== Number(process.argv[2])) throw new Error(lines.length + " lines, expected " + process.argv[2]);
  ' "$TMP/out" "$1"
}
csv_rows() { # parses as CSV (csv-parse) with N rows including the header
  node --input-type=module -e '
    import { parse } from "csv-parse/sync";
    import { readFileSync } from "node:fs";
    const rows = parse(readFileSync(process.argv[1], "utf8"), { bom: true });
    if (rows.length !== Number(process.argv[2])) throw new Error(rows.length + " rows, expected " + process.argv[2]);
  ' "$TMP/out" "$1"
}
equal_width() { # every line of a table has the same display width (CJK = 2)
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    const w = (s) => [...s.replace(/\u001b\[[0-9;]*m/g, "")].reduce((n, c) => {
      const p = c.codePointAt(0);
      return n + ((p >= 0x2e80 && p <= 0xa4c6) || (p >= 0xac00 && p <= 0xd7a3) || (p >= 0xf900 && p <= 0xfaff) || (p >= 0xfe30 && p <= 0xfe6b) || (p >= 0xff01 && p <= 0xff60) || (p >= 0xffe0 && p <= 0xffe6) ? 2 : 1);
    }, 0);
    const lines = readFileSync(process.argv[1], "utf8").trimEnd().split("\n");
    const widths = new Set(lines.map(w));
    if (widths.size !== 1) throw new Error("line widths: " + [...widths].join(", "));
  ' "$TMP/out"
}
count() { node -e '
    const docs = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(JSON.parse);
    console.log(docs.reduce((n, d) => n + d[process.argv[2]].length, 0));' "$TMP/all.jsonl" "$1"; }

[ -f dist/bin/plan-parse.js ] || { echo "dist/bin/plan-parse.js missing: run npm run build" >&2; exit 2; }

echo "== parse"
run "$SEED" --format json
check "parse FILE --format json: one object" bash -c "$(declare -f rc_is json_ok); TMP=$TMP; rc_is 0 && json_ok && node -e 'if (Array.isArray(JSON.parse(require(\"fs\").readFileSync(\"$TMP/out\",\"utf8\")))) process.exit(1)'"
run $PLANS --format jsonl
cp "$TMP/out" "$TMP/all.jsonl"
check "parse DIR --format jsonl: one line per input" bash -c "$(declare -f rc_is jsonl_count); TMP=$TMP; rc_is 0 && jsonl_count 3"
for format in json csv table md outline html; do
  run $PLANS --format "$format"
  check "parse DIR --format $format: exit 0, output, no escape codes" bash -c "$(declare -f rc_is no_escapes); TMP=$TMP; rc_is 0 && [ -s $TMP/out ] && no_escapes"
done
run $PLANS --format csv --bom
check "parse --format csv --bom: header + 3 rows, BOM" bash -c "$(declare -f rc_is csv_rows); TMP=$TMP; rc_is 0 && csv_rows 4 && head -c 3 $TMP/out | od -An -tx1 | grep -q 'ef bb bf'"
run $PLANS --format table --color
check "table --color: equal display widths, has colour" bash -c "$(declare -f rc_is equal_width); TMP=$TMP; rc_is 0 && equal_width && grep -q $'\e' $TMP/out"

echo "== stdin"
$BIN - --format json <"$SEED" >"$TMP/out" 2>"$TMP/err"
echo $? >"$TMP/rc"
check "cat FILE | plan-parse -" bash -c "$(declare -f rc_is json_ok); TMP=$TMP; rc_is 0 && json_ok && grep -q '\"path\": null' $TMP/out"

echo "== targets / deadlines"
targets=$(count targets)
deadlines=$(count deadlines)
run targets $PLANS --format csv
check "targets csv: $targets rows + header" bash -c "$(declare -f rc_is csv_rows); TMP=$TMP; rc_is 0 && csv_rows $((targets + 1))"
run deadlines $PLANS --format csv
check "deadlines csv: $deadlines rows + header" bash -c "$(declare -f rc_is csv_rows); TMP=$TMP; rc_is 0 && csv_rows $((deadlines + 1))"
for command in targets deadlines; do
  for format in json jsonl table md; do
    run $command $PLANS --format $format
    check "$command --format $format" bash -c "$(declare -f rc_is no_escapes); TMP=$TMP; rc_is 0 && [ -s $TMP/out ] && no_escapes"
  done
done
run targets $PLANS --format jsonl --unit % --sort value
check "targets --unit % --sort value" bash -c "TMP=$TMP; node -e '
  const rows = require(\"fs\").readFileSync(\"$TMP/out\",\"utf8\").split(\"\\n\").filter(Boolean).map(JSON.parse);
  if (!rows.length || rows.some((r, i) => r.unit !== \"%\" || (i && rows[i-1].value > r.value))) process.exit(1);'"

echo "== compare / diff"
run $PLANS --format json --out "$TMP/plans.json"
run compare "$TMP/plans.json" --format json
check "compare saved JSON" bash -c "$(declare -f rc_is json_ok); TMP=$TMP; rc_is 0 && json_ok && grep -q '\"documents\"' $TMP/out"
for format in table md html; do
  run compare $PLANS --format $format
  check "compare DIR --format $format" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 0 && [ -s $TMP/out ]"
  run diff $PLANS/seed-001.txt "$SEED" --format $format
  check "diff OLD NEW --format $format" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 0 && [ -s $TMP/out ]"
done

echo "== errors"
run --frmat json "$SEED"
check "unknown flag: exit 2 with a hint" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 2 && grep -q 'Did you mean --format' $TMP/err && [ ! -s $TMP/out ]"
run
check "no inputs: exit 2" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 2"
mkdir -p "$TMP/empty"
run $PLANS fixtures/cli/bad/pixel.png.txt "$TMP/empty" missing.txt --format jsonl
check "batch with PNG, empty dir, missing file: others written, exit 1, one line each" bash -c "$(declare -f rc_is jsonl_count); TMP=$TMP; rc_is 1 && jsonl_count 3 && [ \$(grep -c '^plan-parse: ' $TMP/err) = 4 ] && grep -q 'pixel.png.txt: not text' $TMP/err && ! grep -q '^    at ' $TMP/err"
run "$SEED" --out "$TMP/no/such/dir/x.json"
check "--out to an unwritable path: exit 1, nothing left" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 1 && [ ! -e $TMP/no ] && grep -q 'cannot write' $TMP/err"
run $PLANS --format jsonl --out "$TMP/out.jsonl"
check "--out: written whole, no temp file" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 0 && [ \$(wc -l <$TMP/out.jsonl) = 3 ] && [ -z \"\$(ls -A $TMP | grep '\\.tmp\$')\" ]"
mkdir -p "$TMP/many"
for i in $(seq 1 12); do for f in $PLANS/*.txt; do cp "$f" "$TMP/many/$i-$(basename "$f")"; done; done
$BIN "$TMP/many" --format jsonl 2>"$TMP/err" | head -c 100 >/dev/null
echo "${PIPESTATUS[0]}" >"$TMP/rc"
check "| head -c 100: ends quietly" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 0 && [ ! -s $TMP/err ]"

echo "== help / version"
for command in parse targets deadlines compare diff; do
  run $command --help
  check "$command --help with examples" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 0 && grep -q '^Examples:' $TMP/out"
done
run --version
check "--version" bash -c "$(declare -f rc_is); TMP=$TMP; rc_is 0 && grep -qx \"\$(node -p 'require(\"./package.json\").version')\" $TMP/out"

echo
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
