#!/usr/bin/env bash
# Held-out-style robustness checks of the BUILT command line (issue 6): encoding variants of a
# seed must give the same outline and figures as its UTF-8 text; binary, empty, missing,
# directory, special and pathological inputs; a large file; an unwritable --out; a closed pipe;
# SIGINT in the middle of a batch. One line per check, then "N passed, M failed"; exits 1 when
# any check failed.
#
#   npm run build && bash scripts/robustness.sh
#   PLAN_PARSE_BIN=/path/to/plan-parse.js bash scripts/robustness.sh     # another build
#
# Bounds (seconds, MB), overridable: ROBUST_PATHOLOGICAL_S (2, per 1 MB line, start-up
# included), ROBUST_LARGE_S (90), ROBUST_LARGE_RSS_MB (600), ROBUST_LARGE_MB (30).
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${PLAN_PARSE_BIN:-$ROOT/dist/bin/plan-parse.js}"
NODE="${NODE:-node}"
PATHOLOGICAL_S="${ROBUST_PATHOLOGICAL_S:-2}"
LARGE_S="${ROBUST_LARGE_S:-90}"
LARGE_RSS_MB="${ROBUST_LARGE_RSS_MB:-600}"
LARGE_MB="${ROBUST_LARGE_MB:-30}"
SEED_NBSP="$ROOT/fixtures/cli/plans/seed-004.txt" # has U+00A0 (not in GBK)
SEED_GBK="$ROOT/fixtures/cli/plans/seed-002.txt"  # GBK-encodable

if [ ! -f "$BIN" ]; then
  echo "robustness: $BIN is missing; run \`npm run build\` first" >&2
  exit 2
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/plan-parse-robustness.XXXXXX")"
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL  %s%s\n' "$1" "${2:+: $2}"; }
check() { # check NAME CONDITION-EXIT-CODE [DETAIL]
  if [ "$2" -eq 0 ]; then pass "$1"; else fail "$1" "${3:-}"; fi
}
now_ms() { date +%s%3N; }
pp() { "$NODE" "$BIN" "$@"; }
# First line of a file, cut to 160 characters (for failure details).
first_line() { head -n 1 "$1" 2>/dev/null | cut -c1-160; }

# ------------------------------------------------------------------ helpers in Node
cat >"$TMP/helper.mjs" <<'EOF'
// node helper.mjs <command> ...: input generation and output comparison for robustness.sh.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";

const [command, ...args] = process.argv.slice(2);
const root = process.env.ROOT;

function iconv() {
  return createRequire(`${root}/package.json`)("iconv-lite");
}

/** What must not change between encodings: outline, targets, deadlines (no spans, sources, ids of text). */
function essence(doc) {
  const n = (s) => (typeof s === "string" ? s.normalize("NFKC").replace(/\s+/g, "") : s);
  const outline = [];
  const walk = (sections) => {
    for (const s of sections) {
      outline.push([s.id, s.depth, s.style, s.number, n(s.marker), n(s.title), (s.topics ?? []).join("|")]);
      walk(s.children ?? []);
    }
  };
  walk(doc.sections);
  const targets = doc.targets.map((t) => [
    t.sectionId, n(t.metric), t.comparator, t.value, t.valueMax ?? null, n(t.unit),
    t.change ?? null, n(t.per ?? null), t.status, t.deadline ?? null,
  ]);
  const deadlines = doc.deadlines.map((d) => [d.sectionId, d.date, d.kind, n(d.text)]);
  return { outline, targets, deadlines };
}

function readDoc(path) {
  const doc = JSON.parse(readFileSync(path, "utf8"));
  if (!doc || doc.schemaVersion !== 1) throw new Error(`${path}: not a plan-parse document`);
  return doc;
}

switch (command) {
  case "variant": {
    // variant <kind> <src> <dest>
    const [kind, src, dest] = args;
    const text = readFileSync(src, "utf8");
    const lf = text.replace(/\r\n?/g, "\n");
    let out;
    switch (kind) {
      case "utf8": out = Buffer.from(lf, "utf8"); break;
      case "utf8-bom": out = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf, "utf8")]); break;
      case "gbk": out = iconv().encode(lf, "gbk"); break;
      case "gb18030": out = iconv().encode(lf, "gb18030"); break;
      case "utf16le-bom": out = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, "utf16le")]); break;
      case "utf16be-bom": out = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lf, "utf16le").swap16()]); break;
      case "crlf": out = Buffer.from(lf.replace(/\n/g, "\r\n"), "utf8"); break;
      case "cr": out = Buffer.from(lf.replace(/\n/g, "\r"), "utf8"); break;
      case "fullwidth-digits":
        out = Buffer.from(lf.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))), "utf8");
        break;
      default: throw new Error(`unknown variant ${kind}`);
    }
    if (kind === "gbk" && iconv().decode(out, "gbk") !== lf) throw new Error("seed is not GBK-encodable");
    writeFileSync(dest, out);
    break;
  }
  case "same": {
    // same <reference.json> <variant.json>: exit 1 with the first difference
    const [a, b] = args.map((p) => essence(readDoc(p)));
    for (const key of ["outline", "targets", "deadlines"]) {
      const x = a[key], y = b[key];
      if (x.length !== y.length) {
        console.log(`${key}: ${y.length} instead of ${x.length}`);
        process.exit(1);
      }
      for (let i = 0; i < x.length; i++) {
        if (JSON.stringify(x[i]) !== JSON.stringify(y[i])) {
          console.log(`${key}[${i}]: ${JSON.stringify(y[i])} instead of ${JSON.stringify(x[i])}`);
          process.exit(1);
        }
      }
    }
    if (a.outline.length === 0) {
      console.log("the reference has no outline (a useless comparison)");
      process.exit(1);
    }
    break;
  }
  case "empty-doc": {
    // empty-doc <out.json>: a valid document without sections, with a warning
    const doc = readDoc(args[0]);
    const ok = Array.isArray(doc.sections) && doc.sections.length === 0 && doc.targets.length === 0 && doc.warnings.length > 0;
    if (!ok) {
      console.log(`sections ${doc.sections.length}, warnings ${JSON.stringify(doc.warnings)}`);
      process.exit(1);
    }
    break;
  }
  case "jsonl-whole": {
    // jsonl-whole <file> <min-lines>: every line is a complete plan-parse document
    const text = readFileSync(args[0], "utf8");
    if (text.length > 0 && !text.endsWith("\n")) {
      console.log("the last line is cut");
      process.exit(1);
    }
    const lines = text.split("\n").filter((l) => l !== "");
    lines.forEach((l, i) => {
      try {
        if (JSON.parse(l).schemaVersion !== 1) throw new Error("no schemaVersion");
      } catch (e) {
        console.log(`line ${i + 1}: ${e.message}`);
        process.exit(1);
      }
    });
    if (lines.length < Number(args[1])) {
      console.log(`${lines.length} lines, expected at least ${args[1]}`);
      process.exit(1);
    }
    console.log(lines.length);
    break;
  }
  case "repeat": {
    // repeat <dest> <MiB> <src...>: the sources concatenated until the size is reached
    const [dest, mib, ...srcs] = args;
    const texts = srcs.map((s) => readFileSync(s));
    const target = Number(mib) * 1024 * 1024;
    const parts = [];
    let bytes = 0;
    for (let i = 0; bytes < target; i++) {
      const t = texts[i % texts.length];
      parts.push(t, Buffer.from("\n"));
      bytes += t.length + 1;
    }
    writeFileSync(dest, Buffer.concat(parts).subarray(0, target));
    break;
  }
  case "line": {
    // line <dest> <unit> <bytes>: one line of a repeated unit
    const [dest, unit, size] = args;
    const u = Buffer.from(unit, "utf8");
    writeFileSync(dest, Buffer.alloc(Number(size), u));
    break;
  }
  default:
    throw new Error(`unknown helper command ${command}`);
}
EOF
helper() { ROOT="$ROOT" "$NODE" "$TMP/helper.mjs" "$@"; }

echo "plan-parse robustness: $BIN"

# ------------------------------------------------------------------ 1. encodings
for seed in "$SEED_NBSP" "$SEED_GBK"; do
  name="$(basename "$seed" .txt)"
  mkdir -p "$TMP/enc/$name"
  helper variant utf8 "$seed" "$TMP/enc/$name/utf8.txt"
  if ! pp "$TMP/enc/$name/utf8.txt" --format json >"$TMP/enc/$name/ref.json" 2>"$TMP/enc/$name/ref.err"; then
    fail "$name: the UTF-8 reference parses" "$(first_line "$TMP/enc/$name/ref.err")"
    continue
  fi
  variants="utf8-bom gb18030 utf16le-bom utf16be-bom crlf cr fullwidth-digits"
  [ "$seed" = "$SEED_GBK" ] && variants="$variants gbk"
  for v in $variants; do
    f="$TMP/enc/$name/$v.txt"
    if ! detail="$(helper variant "$v" "$seed" "$f" 2>&1)"; then
      fail "$name as $v: same outline and figures as UTF-8" "cannot make the variant: $detail"
      continue
    fi
    if ! pp "$f" --format json >"$f.json" 2>"$f.err"; then
      fail "$name as $v: same outline and figures as UTF-8" "exit $?: $(first_line "$f.err")"
      continue
    fi
    detail="$(helper same "$TMP/enc/$name/ref.json" "$f.json" 2>&1)"
    check "$name as $v: same outline and figures as UTF-8" $? "$detail"
  done
done

# ------------------------------------------------------------------ 2. bad and odd inputs
mkdir -p "$TMP/in"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\x00\x01\x00\x00\x05\x00\x01\r\n-\xb4\x00\x00\x00\x00IEND\xaeB`\x82' >"$TMP/in/image.txt"
pp "$TMP/in/image.txt" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && grep -q "image.txt: not text" "$TMP/err" && ! grep -q "    at " "$TMP/err"
check "binary (PNG) is refused as not text, exit 1, one line" $? "exit $rc: $(first_line "$TMP/err")"

: >"$TMP/in/empty.txt"
pp "$TMP/in/empty.txt" --format json >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 0 ] && helper empty-doc "$TMP/out" >"$TMP/detail" 2>&1
check "empty file: a valid empty document with a warning, exit 0" $? "exit $rc: $(first_line "$TMP/err")$(first_line "$TMP/detail")"

printf ' \n\t\r\n\xe3\x80\x80\n  \n' >"$TMP/in/blank.txt"
pp "$TMP/in/blank.txt" --format json >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 0 ] && helper empty-doc "$TMP/out" >"$TMP/detail" 2>&1
check "whitespace-only file: a valid empty document with a warning, exit 0" $? "exit $rc: $(first_line "$TMP/err")$(first_line "$TMP/detail")"

pp "$TMP/in/no-such-file.txt" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && grep -q "no-such-file.txt: unreadable (no such file" "$TMP/err" && ! grep -q "    at " "$TMP/err"
check "missing file: one line naming it, exit 1" $? "exit $rc: $(first_line "$TMP/err")"

cp "$SEED_NBSP" "$SEED_GBK" "$TMP/in/" 2>/dev/null
mkdir -p "$TMP/dir/sub"
cp "$SEED_NBSP" "$TMP/dir/a.txt"
cp "$SEED_GBK" "$TMP/dir/sub/b.txt"
pp "$TMP/dir" --format json >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 0 ] && "$NODE" -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.exit(Array.isArray(d) && d.length === 2 ? 0 : 1)' "$TMP/out"
check "directory input: its *.txt files, recursively, as an array" $? "exit $rc: $(first_line "$TMP/err")"

mkdir -p "$TMP/emptydir"
pp "$TMP/emptydir" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && grep -q "emptydir: no \*.txt, \*.md files" "$TMP/err"
check "directory without plans: reported, exit 1" $? "exit $rc: $(first_line "$TMP/err")"

mkdir -p "$TMP/loop/inner"
cp "$SEED_NBSP" "$TMP/loop/inner/plan.txt"
ln -s .. "$TMP/loop/inner/up"
ln -s "$TMP/loop/self.txt" "$TMP/loop/self.txt" 2>/dev/null
start=$(now_ms)
timeout 20 "$NODE" "$BIN" "$TMP/loop" --format jsonl >"$TMP/out" 2>"$TMP/err"
rc=$?
ms=$(($(now_ms) - start))
[ $rc -eq 1 ] && grep -q "symbolic link loop" "$TMP/err" && [ "$(grep -c schemaVersion "$TMP/out")" -eq 1 ]
check "symlink loops: reported and skipped, the plan still parsed (${ms} ms)" $? "exit $rc: $(tr '\n' ' ' <"$TMP/err" | cut -c1-200)"

mkfifo "$TMP/in/pipe.txt"
start=$(now_ms)
timeout 10 "$NODE" "$BIN" "$TMP/in/pipe.txt" "$SEED_GBK" --format jsonl >"$TMP/out" 2>"$TMP/err"
rc=$?
ms=$(($(now_ms) - start))
[ $rc -eq 1 ] && grep -q "pipe.txt: not a regular file (a FIFO)" "$TMP/err" && [ "$(grep -c schemaVersion "$TMP/out")" -eq 1 ]
check "FIFO: reported, never opened, the other input parsed (${ms} ms)" $? "exit $rc: $(first_line "$TMP/err")"

mkdir -p "$TMP/fifodir"
mkfifo "$TMP/fifodir/pipe.txt"
cp "$SEED_GBK" "$TMP/fifodir/ok.txt"
timeout 10 "$NODE" "$BIN" "$TMP/fifodir" --format jsonl >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && grep -q "not a regular file (a FIFO)" "$TMP/err" && [ "$(grep -c schemaVersion "$TMP/out")" -eq 1 ]
check "FIFO inside a directory: reported and skipped" $? "exit $rc: $(first_line "$TMP/err")"

# ------------------------------------------------------------------ 3. pathological lines
for spec in "parens:(" "digits:1234567890" "hanzi-markers:一、" "paren-markers:(一)" "not-less-than:不少于" "arabic-markers:1." "chapters:第一章" "year-end:年底前"; do
  label="${spec%%:*}"
  unit="${spec#*:}"
  helper line "$TMP/in/$label.txt" "$unit" 1048576
  start=$(now_ms)
  timeout 30 "$NODE" "$BIN" "$TMP/in/$label.txt" --format jsonl >"$TMP/out" 2>"$TMP/err"
  rc=$?
  ms=$(($(now_ms) - start))
  # A parse or a one-line refusal are both answers; a hang, a crash or a slow answer are not.
  [ $rc -le 1 ] && ! grep -q "internal error\|    at " "$TMP/err" && [ "$ms" -le $((PATHOLOGICAL_S * 1000)) ]
  check "1 MB line of \"$unit\" answered within ${PATHOLOGICAL_S} s (${ms} ms)" $? "exit $rc: $(first_line "$TMP/err")"
done

# ------------------------------------------------------------------ 4. large inputs
helper repeat "$TMP/in/large.txt" "$LARGE_MB" "$SEED_NBSP" "$SEED_GBK" "$ROOT/fixtures/cli/plans/seed-001.txt"
start=$(now_ms)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -o "$TMP/rss" -f "%M" timeout "$((LARGE_S + 30))" "$NODE" "$BIN" "$TMP/in/large.txt" --format jsonl >"$TMP/out" 2>"$TMP/err"
  rc=$?
  rss_mb=$(($(tail -n 1 "$TMP/rss" 2>/dev/null || echo 0) / 1024))
else
  timeout "$((LARGE_S + 30))" "$NODE" "$BIN" "$TMP/in/large.txt" --format jsonl >"$TMP/out" 2>"$TMP/err"
  rc=$?
  rss_mb=0
fi
ms=$(($(now_ms) - start))
if [ $rc -eq 0 ]; then
  helper jsonl-whole "$TMP/out" 1 >/dev/null && [ "$ms" -le $((LARGE_S * 1000)) ] && [ "$rss_mb" -le "$LARGE_RSS_MB" ]
  check "${LARGE_MB} MiB file parsed within ${LARGE_S} s and ${LARGE_RSS_MB} MB (${ms} ms, peak RSS ${rss_mb} MB)" $? "exit $rc"
else
  grep -q "large.txt: too large (.*--max-bytes" "$TMP/err"
  check "${LARGE_MB} MiB file refused with the documented --max-bytes message" $? "exit $rc: $(first_line "$TMP/err")"
fi
rm -f "$TMP/out"

helper repeat "$TMP/in/huge.txt" 40 "$SEED_NBSP"
start=$(now_ms)
pp "$TMP/in/huge.txt" --format jsonl >"$TMP/out" 2>"$TMP/err"
rc=$?
ms=$(($(now_ms) - start))
[ $rc -eq 1 ] && grep -q "huge.txt: too large (40.0 MiB > --max-bytes 32.0 MiB" "$TMP/err" && [ ! -s "$TMP/out" ] && [ "$ms" -le 5000 ]
check "40 MiB file refused at once above the default --max-bytes 32MiB (${ms} ms)" $? "exit $rc: $(first_line "$TMP/err")"
pp parse --help >"$TMP/out" 2>&1
tr -s ' \n' ' ' <"$TMP/out" | grep -q -- "--max-bytes <size> [^-]*default: 32MiB"
check "parse --help documents the --max-bytes default (32MiB)" $?
rm -f "$TMP/in/large.txt" "$TMP/in/huge.txt"

# ------------------------------------------------------------------ 5. output
mkdir -p "$TMP/outdir"
pp "$SEED_GBK" --out "$TMP/outdir/missing/dir/out.json" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && grep -q "cannot write" "$TMP/err" && [ -z "$(ls -A "$TMP/outdir")" ]
check "--out into a missing directory: exit 1, a message, nothing left behind" $? "exit $rc: $(first_line "$TMP/err")"

: >"$TMP/outdir/file"
pp "$SEED_GBK" --out "$TMP/outdir/file/out.json" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && grep -q "cannot write" "$TMP/err" && [ "$(ls -A "$TMP/outdir")" = "file" ]
check "--out under a regular file: exit 1, a message, nothing left behind" $? "exit $rc: $(first_line "$TMP/err")"

if [ "$(id -u)" -ne 0 ]; then
  mkdir -p "$TMP/ro"
  chmod 555 "$TMP/ro"
  pp "$SEED_GBK" --out "$TMP/ro/out.json" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  chmod 755 "$TMP/ro"
  [ $rc -eq 1 ] && grep -q "cannot write" "$TMP/err" && [ -z "$(ls -A "$TMP/ro")" ]
  check "--out into a read-only directory: exit 1, a message, nothing left behind" $? "exit $rc: $(first_line "$TMP/err")"
fi

pp "$SEED_GBK" "$TMP/in/image.txt" --format json --out "$TMP/outdir/ok.json" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && [ -s "$TMP/outdir/ok.json" ] && [ "$(ls -A "$TMP/outdir" | grep -c '\.tmp$')" -eq 0 ]
check "--out with one failed input: the others written whole, no temporary file left" $? "exit $rc: $(first_line "$TMP/err")"

mkdir -p "$TMP/many"
for i in $(seq -w 1 120); do
  for seed in "$SEED_NBSP" "$SEED_GBK"; do
    { cat "$seed"; printf '\n%s\n' "$i"; } >"$TMP/many/$i-$(basename "$seed")"
  done
done
for jobs in 1 2; do
  "$NODE" "$BIN" "$TMP/many" --format jsonl --jobs $jobs 2>"$TMP/err" | head -c 100 >/dev/null
  rc=${PIPESTATUS[0]}
  [ $rc -eq 0 ] && [ ! -s "$TMP/err" ]
  check "| head -c 100 (--jobs $jobs): ends quietly, exit 0, no error text" $? "exit $rc: $(first_line "$TMP/err")"
done

for jobs in 1 2; do
  "$NODE" "$BIN" "$TMP/many" --format jsonl --jobs $jobs >"$TMP/int.jsonl" 2>"$TMP/err" &
  pid=$!
  for _ in $(seq 1 400); do
    [ -s "$TMP/int.jsonl" ] && break
    sleep 0.025
  done
  kill -INT "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  lines="$(helper jsonl-whole "$TMP/int.jsonl" 1 2>&1)"
  ok=$?
  if [ $ok -eq 0 ] && [ $rc -eq 130 ]; then
    grep -q "interrupted after" "$TMP/err" && [ "$lines" -lt 240 ]
    check "SIGINT mid-batch (--jobs $jobs): exit 130, $lines whole JSONL lines" $? "$(first_line "$TMP/err")"
  elif [ $ok -eq 0 ] && [ $rc -eq 0 ]; then
    pass "SIGINT mid-batch (--jobs $jobs): finished before the signal, $lines whole lines"
  else
    fail "SIGINT mid-batch (--jobs $jobs): every JSONL line complete" "exit $rc: $lines $(first_line "$TMP/err")"
  fi
done

"$NODE" "$BIN" "$TMP/many" --format json --jobs 1 --out "$TMP/outdir/int.json" >"$TMP/out" 2>"$TMP/err" &
pid=$!
for _ in $(seq 1 400); do # until the temporary file holds something
  [ -n "$(find "$TMP/outdir" -name '.int.json.*.tmp' -size +0 2>/dev/null)" ] && break
  sleep 0.025
done
kill -INT "$pid" 2>/dev/null
wait "$pid"
rc=$?
if [ $rc -eq 130 ]; then
  [ ! -e "$TMP/outdir/int.json" ] && [ "$(ls -A "$TMP/outdir" | grep -c '\.tmp$')" -eq 0 ] &&
    grep -q "int.json not written" "$TMP/err"
  check "SIGINT with --out: nothing written, no temporary file left" $?
else
  [ $rc -eq 0 ] && "$NODE" -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$TMP/outdir/int.json"
  check "SIGINT with --out: finished before the signal, the file whole" $? "exit $rc"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
