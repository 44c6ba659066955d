#!/usr/bin/env bash
# Every test of the project, in order. Called by `make test` (after set-up) and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python

echo "== Swift tests (every stage, golden fixture sites, invalid-sites corpus, committed site)"
swift build --build-tests
swift test --skip-build

echo "== GFM conformance through guidepost render --unsafe"
$python Tests/conformance/run_conformance.py .build/debug/guidepost

echo "== Output checks with real parsers and a real browser"
$python -m unittest discover -s Tests/python -p 'test_*.py' -v
