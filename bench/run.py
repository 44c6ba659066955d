#!/usr/bin/env python3
"""Times Guidepost against Hugo and the cmark-gfm floor on the same synthetic trilingual site.

Usage: run.py [--sizes 300,3000,30000] [--runs N] [--work DIR]
For each size (articles per language) it generates both sites, then runs Guidepost, Hugo and cmark-gfm
in turn, several times, and prints the median wall time, CPU time (user + system) and peak RSS of each,
and Guidepost's ratios to Hugo and to the floor."""
import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from generate import generate  # noqa: E402

TIME = ["/usr/bin/time", "-f", "%e %U %S %M"]


def measure(command, cwd, stdin=None):
    """One run under GNU time: (wall s, cpu s, peak RSS MiB)."""
    with tempfile.TemporaryFile() as errors:
        subprocess.run(TIME + command, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=errors, check=True)
        errors.seek(0)
        last = errors.read().decode().strip().splitlines()[-1]
    wall, user, system, rss = last.split()
    return float(wall), float(user) + float(system), int(rss) / 1024


def floor_input(site):
    """Every article's Markdown body (front matter removed), concatenated, as cmark-gfm's input."""
    path = os.path.join(site, "all.md")
    with open(path, "w", encoding="utf-8") as out:
        for name in sorted(glob.glob(os.path.join(site, "hugo", "content", "*", "*.md"))):
            with open(name, encoding="utf-8") as handle:
                text = handle.read()
            out.write(text[text.index("}\n") + 2:] + "\n")
    return path


def median(runs):
    return tuple(statistics.median(values) for values in zip(*runs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,3000,30000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "guidepost-bench"))
    options = parser.parse_args()
    binary = os.path.join(ROOT, ".build", "release", "guidepost")
    rows = []
    for size in [int(s) for s in options.sizes.split(",")]:
        site = os.path.join(options.work, f"3x{size}")
        generate(site, size)
        guidepost_dir, hugo_dir = os.path.join(site, "guidepost"), os.path.join(site, "hugo")
        markdown = floor_input(site)
        runs = options.runs if size <= 3000 else max(1, options.runs // 2)
        results = {"guidepost": [], "hugo": [], "floor": []}
        for _ in range(runs):
            # In turn, so that machine noise hits each tool alike.
            results["guidepost"].append(measure([binary, "build", "--now", "2026-11-22T08:00:00Z", "--output", os.path.join(site, "out-guidepost")], guidepost_dir))
            results["hugo"].append(measure(["hugo", "--quiet", "--destination", os.path.join(site, "out-hugo")], hugo_dir))
            with open(markdown, "rb") as stdin:
                results["floor"].append(measure(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"], site, stdin))
        g, h, f = (median(results[k]) for k in ("guidepost", "hugo", "floor"))
        pages = 3 * (size + 1)
        rows.append((size, pages, runs, g, h, f))
        print(f"3 × {size}: guidepost {g[0]:.2f} s, hugo {h[0]:.2f} s, floor {f[0]:.2f} s", file=sys.stderr)
    print("| site | runs | Guidepost wall / CPU / peak RSS | Hugo wall / CPU / peak RSS | cmark-gfm floor wall / CPU | wall ÷ Hugo | RSS ÷ Hugo | wall ÷ floor |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, pages, runs, g, h, f in rows:
        print(f"| 3 × {size} ({pages} pages) | {runs} | {g[0]:.2f} s / {g[1]:.2f} s / {g[2]:.0f} MiB | {h[0]:.2f} s / {h[1]:.2f} s / {h[2]:.0f} MiB "
              f"| {f[0]:.2f} s / {f[1]:.2f} s | {g[0] / h[0]:.2f} | {g[2] / h[2]:.2f} | {g[0] / max(f[0], 0.01):.1f} |")


if __name__ == "__main__":
    main()
