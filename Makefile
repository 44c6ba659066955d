# Guidepost: one command generates the site, one runs every test. Each installs what is missing.
SWIFT ?= swift
NOW ?=
BUILD_FLAGS = $(if $(NOW),--now $(NOW),) --pagefind $(PAGEFIND)
# Pagefind's binary from the pagefind[bin] package in .venv/ (installed by scripts/setup.sh).
PAGEFIND = $(shell .venv/bin/python -c "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))")

.PHONY: site test setup test-setup build release conformance screenshots

## make site: install what is missing, build the generator, and write site/ from content/ and templates/.
site: setup release
	.build/release/guidepost build $(BUILD_FLAGS)

## make test: install what is missing, then run every test (Swift, conformance, committed site, browser).
test: test-setup
	bash Tests/run-all.sh

setup:
	@bash scripts/setup.sh

test-setup:
	@bash scripts/setup.sh --test

build:
	$(SWIFT) build

# The Swift runtime and Foundation linked statically: a small build costs less CPU and memory (README, Performance).
release:
	$(SWIFT) build -c release --product guidepost --static-swift-stdlib

conformance: build
	python3 Tests/conformance/run_conformance.py .build/debug/guidepost

## make screenshots: PNGs of the home and Facebook pages (fr, nl, en; 390 and 1280 px) and each banner state, in screenshots/.
screenshots: test-setup build
	.venv/bin/python Tests/python/screenshots.py screenshots
