#!/usr/bin/env bash
# Builds the libFuzzer target (front matter and its editing, JSON, facts, placeholders, Markdown, typography,
# templates) with AddressSanitizer and runs it for a set time over the committed seed corpus. A run fails on
# a crash, a sanitizer report, an input slower than 10 s or a process above 2 GB (-rss_limit_mb=2048).
#   scripts/fuzz.sh [seconds]     default 60; new inputs go to .build-fuzz/corpus, crashes to Tests/Fuzz/crashes
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
export GUIDEPOST_FUZZ=1
# -Xcc -fsanitize=address: the C arena cmark-gfm allocates from (Sources/CCmarkArena) poisons what is not in use.
swift build --scratch-path .build-fuzz -c debug --product GuidepostFuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=address >/dev/null || exit 1
mkdir -p .build-fuzz/corpus Tests/Fuzz/crashes
binary=$(swift build --scratch-path .build-fuzz -c debug --show-bin-path)/GuidepostFuzz
# Regressions first: every saved crash must now run cleanly.
shopt -s nullglob
saved=(Tests/Fuzz/crashes/crash-* Tests/Fuzz/crashes/timeout-* Tests/Fuzz/crashes/oom-*)
if (( ${#saved[@]} )); then
  "$binary" -runs=0 "${saved[@]}" > .build-fuzz/regressions.log 2>&1 || { cat .build-fuzz/regressions.log; exit 1; }
  echo "replayed ${#saved[@]} saved crash inputs: all pass"
fi
"$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=Tests/Fuzz/crashes/ -print_final_stats=1 \
  .build-fuzz/corpus Tests/Fuzz/corpus > .build-fuzz/last-run.log 2>&1
status=$?
grep -E "^(stat::|#[0-9]+ +DONE|==|SUMMARY|Done|INFO: Seed)" .build-fuzz/last-run.log || true
exit $status
