#!/usr/bin/env python3
"""Runs the GFM spec and extension examples through `guidepost render --unsafe`.

Every example must produce exactly the expected HTML, except:
- heading ids: Guidepost gives every heading an `id` for anchors, so ` id="…"` is removed from
  `<h1>`…`<h6>` before comparing (a deliberate difference on every heading);
- task lists, which become interactive checklists: CHECKLIST_EXAMPLES are compared after mapping
  that markup back to cmark's disabled checkboxes;
- the examples listed in DELIBERATE below, each with the reason;
- examples whose expected output is <IGNORE> only have to render without crashing.
Run: python3 Tests/conformance/run_conformance.py [path/to/guidepost]
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SPECS = [os.path.join(ROOT, "..", "shared", "conformance", name) for name in ("gfm-spec.txt", "gfm-extensions.txt")]
FENCE = "`" * 32

# (file, example number) -> why Guidepost renders it differently on purpose.
DELIBERATE = {
    ("gfm-spec.txt", 140): "the tagfilter extension is always on, so <script>, <style> and the like are escaped even with --unsafe",
    ("gfm-spec.txt", 141): "the tagfilter extension is always on, so <script>, <style> and the like are escaped even with --unsafe",
    ("gfm-spec.txt", 142): "the tagfilter extension is always on, so <script>, <style> and the like are escaped even with --unsafe",
    ("gfm-spec.txt", 145): "the tagfilter extension is always on, so <script>, <style> and the like are escaped even with --unsafe",
    ("gfm-spec.txt", 147): "the tagfilter extension is always on, so <script>, <style> and the like are escaped even with --unsafe",
    ("gfm-spec.txt", 610): "the autolink extension is always on, so bare URLs and e-mail addresses become links",
    ("gfm-spec.txt", 614): "the autolink extension is always on, so bare URLs and e-mail addresses become links",
    ("gfm-spec.txt", 616): "the autolink extension is always on, so bare URLs and e-mail addresses become links",
    ("gfm-spec.txt", 619): "the autolink extension is always on, so bare URLs and e-mail addresses become links",
    ("gfm-spec.txt", 620): "the autolink extension is always on, so bare URLs and e-mail addresses become links",
    ("gfm-extensions.txt", 23): "Debian's cmark-gfm 0.29.0.gfm.6 prints newer footnote markup (named ids, data- attributes, aria-label) than this test file expects",
}


def examples(path):
    """Yields (number, markdown, html, section, disabled) for each example in a spec file."""
    number = 0
    section = ""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        if line.startswith(FENCE + " example"):
            number += 1
            disabled = "disabled" in line
            markdown, html = [], []
            index += 1
            while lines[index] != ".":
                markdown.append(lines[index])
                index += 1
            index += 1
            while not lines[index].startswith(FENCE):
                html.append(lines[index])
                index += 1
            text = "\n".join(markdown).replace("→", "\t")
            expected = "\n".join(html).replace("→", "\t")
            yield number, text + "\n" if markdown else "", expected + "\n" if html else "", section, disabled
        index += 1


# Task lists become interactive checklists. These examples must match once our checklist markup is
# mapped back to cmark's disabled checkboxes, so the list structure is still checked exactly.
CHECKLIST_EXAMPLES = {("gfm-extensions.txt", 26), ("gfm-extensions.txt", 27), ("gfm-extensions.txt", 28)}
CHECKLIST_OPEN = re.compile(r'<div class="checklist" data-checklist="[^"]*" data-count="\d+">\n')
CHECKBOX = re.compile(r'<label for="[^"]*"><input type="checkbox" id="[^"]*"( checked)?> <span>')


def uncheck(html):
    """Maps Guidepost's checklist markup back to cmark-gfm's tasklist markup."""
    html = CHECKLIST_OPEN.sub("", html).replace("</div>\n", "").replace("</span></label>", "")
    return CHECKBOX.sub(lambda m: '<input type="checkbox" checked="" disabled="" /> ' if m.group(1) else '<input type="checkbox" disabled="" /> ', html)


HEADING_ID = re.compile(r'<(h[1-6]) id="[^"]*">')


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "guidepost")
    failures, passed, skipped, deliberate_seen = [], 0, 0, set()
    for spec in SPECS:
        name = os.path.basename(spec)
        for number, markdown, expected, section, disabled in examples(spec):
            if disabled:
                skipped += 1
                continue
            result = subprocess.run([binary, "render", "--unsafe"], input=markdown.encode(), capture_output=True, check=True)
            actual = HEADING_ID.sub(r"<\1>", result.stdout.decode())
            key = (name, number)
            if key in CHECKLIST_EXAMPLES:
                if 'class="checklist"' not in actual:
                    failures.append(f"{name} example {number}: no interactive checklist in the output")
                actual = uncheck(actual)
            if actual == expected or expected == "<IGNORE>\n":
                passed += 1
                if key in DELIBERATE:
                    failures.append(f"{name} example {number} ({section}) now passes: remove it from DELIBERATE")
            elif key in DELIBERATE:
                deliberate_seen.add(key)
            else:
                failures.append(f"{name} example {number} ({section})\n--- markdown\n{markdown}--- expected\n{expected}--- actual\n{actual}")
    print(f"conformance: {passed} passed, {len(deliberate_seen)} deliberate differences, {skipped} disabled in the spec, {len(failures)} failures")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
