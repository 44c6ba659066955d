#!/usr/bin/env bash
# Every test of the project, in order, then a summary of how many checks passed and failed.
# Called by `make test` (after set-up) and so by .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
# Every temporary file of the run (Swift tests, Chromium profiles, benchmark sites) goes into one folder
# that is removed at the end, so runs do not pile up in /tmp.
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/guidepost-tests.XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
logs=$(mktemp -d)
status=0
summary=()

stage() { # stage <name> <command…>: runs a stage, keeps its output in $logs/<name>.log
  local name=$1; shift
  echo "== $name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local code=${PIPESTATUS[0]}
  (( code == 0 )) || status=1
  return "$code"
}

# Style: the committed .swift-format configuration, strict (every finding is an error).
stage format swift format lint --strict --recursive --parallel Sources Tests Package.swift
summary+=("swift format lint: $( [[ -s "$logs/format.log" ]] && echo "$(grep -c ': error:' "$logs/format.log") findings" || echo "clean") (swift format lint --strict, .swift-format)")

if stage build swift build --build-tests; then
  stage swift swift test --skip-build
  line=$(grep -E "Test run with [0-9]+ tests?" "$logs/swift.log" | tail -1)
  total=$(sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' <<<"$line")
  failed_tests=$(grep -E "^✘ Test .* failed after" "$logs/swift.log" | wc -l)
  summary+=("swift test:        $((total - failed_tests)) passed, $failed_tests failed (Swift Testing)")
  # The Mustache spec runs as a Swift test (MustacheSpecTests) through the engine's real compile path.
  spec=$(grep -E '^Mustache spec:' "$logs/swift.log" | tail -1 | sed 's/^Mustache spec: //')
  summary+=("Mustache spec:     ${spec:-not run} (../shared/conformance/mustache; differences listed in the swift log)")
else
  summary+=("swift build:       FAILED (no tests ran)")
fi

stage check .build/debug/guidepost check --strict
summary+=("guide check:       $(tail -1 "$logs/check.log") (guidepost check --strict on content/)")

stage conformance "$python" Tests/conformance/run_conformance.py .build/debug/guidepost
summary+=("GFM conformance:   $(grep -E '^conformance:' "$logs/conformance.log" | sed 's/^conformance: //')")

stage python "$python" -m unittest discover -s Tests/python -p 'test_*.py' -v
ran=$(grep -E "^Ran [0-9]+ tests?" "$logs/python.log" | sed -E 's/Ran ([0-9]+).*/\1/')
bad=0
for n in $(grep -E "^FAILED \(" "$logs/python.log" | grep -oE "[0-9]+"); do bad=$((bad + n)); done
summary+=("output and browser: $((${ran:-0} - ${bad:-0})) passed, ${bad:-0} failed (validator, links, axe, Chromium, feeds, sitemap, calendar)")

stage bench bash bench/run.sh --sizes 30 --runs 1 --idle-seconds 2 --edits 2
summary+=("benchmark smoke:   $(grep -cE '^\| 3 × 30 ' "$logs/bench.log") row (3 × 30 articles; no timing assertions)")

stage fuzz bash scripts/fuzz.sh 60
summary+=("fuzzing (60 s):    $(grep -E 'stat::number_of_executed_units' "$logs/fuzz.log" | awk '{print $2}') inputs, $(grep -E 'stat::average_exec_per_sec' "$logs/fuzz.log" | awk '{print $2}') per second, $(ls Tests/Fuzz/crashes | grep -cE '^(crash|timeout|oom)-') saved crashes replayed")

echo
echo "== Summary"
printf '%s\n' "${summary[@]}"
if (( status == 0 )); then echo "all checks passed"; else echo "SOME CHECKS FAILED"; fi
exit "$status"
