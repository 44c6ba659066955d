#!/usr/bin/env bash
# Regenerates linker/guidepost.order: the functions a build actually runs, which the release link places side by side
# (Package.swift: lld's --symbol-ordering-file), so that a build touches, and keeps resident, far fewer pages of the
# executable's code (README › Performance). The list is read from callgrind runs of the release binary: a cold and a warm
# build of the 3 × 300 bench site, and a build of the guide itself. Run it after large changes; a stale list costs memory,
# never correctness (names that no longer exist are skipped, functions missing from it are placed after the listed ones).
#   scripts/order-file.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null 2>&1; then
  sudo=""; [[ "$(id -u)" == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq valgrind >/dev/null
fi
bash scripts/setup.sh >/dev/null
swift build -c release --product guidepost --static-swift-stdlib >/dev/null
pagefind="$(.venv/bin/python -c "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))")"
binary="$PWD/.build/release/guidepost"
work="$(mktemp -d "$PWD/.build/order-file.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 -c "import sys; sys.path.insert(0, 'bench'); from generate import generate; generate('$work/bench', 300)"
profile() {  # profile NAME FOLDER ARGS...: one callgrind run, function names kept mangled (as the linker knows them)
  local name="$1" folder="$2"; shift 2
  (cd "$folder" && valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$name.cg" "$binary" "$@" >/dev/null 2>&1)
}
now=(--now 2026-11-22T08:00:00Z)
profile cold "$work/bench/guidepost" build "${now[@]}" --output "$work/bench-out"
profile warm "$work/bench/guidepost" build "${now[@]}" --output "$work/bench-out"
profile guide "$PWD" build "${now[@]}" --pagefind "$pagefind" --output "$work/guide-out"
# The functions the runs entered (callgrind's fn= and cfn= names) that the executable defines: the warm bench build's
# first, as callgrind met them (functions that run together end up together), then those only the cold build and the
# guide's build entered.
nm --defined-only "$binary" | awk '$2 ~ /^[tTwW]$/ { print $3 }' > "$work/defined"
sed -n -E 's/^c?fn=\([0-9]+\) (.*)$/\1/p' "$work/warm.cg" "$work/cold.cg" "$work/guide.cg" | awk '!seen[$0]++' > "$work/entered"
awk 'NR == FNR { defined[$0]; next } $0 in defined' "$work/defined" "$work/entered" > linker/guidepost.order
echo "linker/guidepost.order: $(wc -l < linker/guidepost.order) functions"
# SwiftPM does not know the link reads the list: relink so the release binary uses the new one.
rm -f "$binary"
swift build -c release --product guidepost --static-swift-stdlib >/dev/null
