#!/usr/bin/env python3
"""Times Guidepost against Hugo and the cmark-gfm floor on the same synthetic trilingual site.

Usage: run.py [--sizes 300,3000,30000] [--runs N] [--warmup N] [--work DIR] [--screenshots]
For each size (articles per language) it generates both sites, runs each tool once untimed (warm-up:
caches, and an existing output folder, as in everyday use), then runs Guidepost, Hugo and cmark-gfm in
turn, several times, and prints the median wall time, CPU time (user + system) and peak RSS of each,
and Guidepost's ratios to Hugo and to the floor. It also times one cold build of each tool into an
empty output folder, and Guidepost's incremental rebuild after one article is edited (the engine of
`guidepost serve`, median of 5 edits)."""
import argparse
import glob
import os
import re
import shutil
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


def incremental(binary, site):
    """Median milliseconds of an incremental rebuild after editing one article, on a copy of the site."""
    copy = os.path.join(site, "incremental")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(os.path.join(site, "guidepost"), copy)
    out = subprocess.run([binary, "rebuild-timing", "content/fr/a00001.md", "--repeats", "5"], cwd=copy,
                         check=True, capture_output=True, text=True).stdout
    shutil.rmtree(copy, ignore_errors=True)
    return float(re.search(r"median ([\d.]+) ms", out).group(1))


def median(runs):
    return tuple(statistics.median(values) for values in zip(*runs))


def images(options, binary):
    """With --screenshots: the same site with one 1 MB screenshot per source article. Times the cold build
    (images encoded: no image cache for Guidepost, no resources/_gen for Hugo, empty outputs) and the warm
    build (cache hit) of each tool, and Guidepost's warm build of the site without images, in turn."""
    rows = []
    for size in [int(s) for s in options.sizes.split(",")]:
        site, plain = os.path.join(options.work, f"3x{size}-images"), os.path.join(options.work, f"3x{size}")
        generate(site, size, screenshots=True)
        generate(plain, size)
        runs = options.runs if size <= 3000 else max(1, options.runs // 2)
        outputs = {name: os.path.join(folder, "out-" + name) for name, folder in (("guidepost", site), ("hugo", site), ("plain", plain))}
        commands = {
            "guidepost": ([binary, "build", "--now", "2026-11-22T08:00:00Z", "--output", outputs["guidepost"]], os.path.join(site, "guidepost")),
            "hugo": (["hugo", "--quiet", "--destination", outputs["hugo"]], os.path.join(site, "hugo")),
            "plain": ([binary, "build", "--now", "2026-11-22T08:00:00Z", "--output", outputs["plain"]], os.path.join(plain, "guidepost")),
        }
        caches = {"guidepost": os.path.join(site, "guidepost", ".guidepost-cache"), "hugo": os.path.join(site, "hugo", "resources")}
        cold = {}
        for name in ("guidepost", "hugo"):
            for folder in (outputs[name], os.path.join(site, ".out-guidepost.spare"), caches[name]):
                shutil.rmtree(folder, ignore_errors=True)
            cold[name] = measure(*commands[name])
        for _ in range(options.warmup):
            measure(*commands["plain"])
        warm = {"guidepost": [], "hugo": [], "plain": []}
        for _ in range(runs):
            for name in ("guidepost", "hugo", "plain"):
                warm[name].append(measure(*commands[name]))
        g, h, p = (median(warm[k]) for k in ("guidepost", "hugo", "plain"))
        rows.append((size, runs, cold, g, h, p))
        print(f"3 × {size} with screenshots: cold guidepost {cold['guidepost'][0]:.2f} s, hugo {cold['hugo'][0]:.2f} s; "
              f"warm guidepost {g[0]:.2f} s, hugo {h[0]:.2f} s, without images {p[0]:.2f} s", file=sys.stderr)
    print("| site | runs | cold (encode) Guidepost / Hugo | cold ÷ Hugo | warm (cache hit) Guidepost / Hugo | warm ÷ Hugo | Guidepost without images | warm ÷ without |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, runs, cold, g, h, p in rows:
        print(f"| 3 × {size} + {size} screenshots | {runs} | {cold['guidepost'][0]:.2f} s / {cold['hugo'][0]:.2f} s | {cold['guidepost'][0] / cold['hugo'][0]:.2f} "
              f"| {g[0]:.2f} s / {h[0]:.2f} s | {g[0] / h[0]:.2f} | {p[0]:.2f} s | {g[0] / p[0]:.2f} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,3000,30000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "guidepost-bench"))
    parser.add_argument("--screenshots", action="store_true", help="one 1 MB screenshot per source article; cold and warm builds against Hugo")
    options = parser.parse_args()
    binary = os.path.join(ROOT, ".build", "release", "guidepost")
    if options.screenshots:
        images(options, binary)
        return
    rows = []
    for size in [int(s) for s in options.sizes.split(",")]:
        site = os.path.join(options.work, f"3x{size}")
        generate(site, size)
        guidepost_dir, hugo_dir = os.path.join(site, "guidepost"), os.path.join(site, "hugo")
        markdown = floor_input(site)
        runs = options.runs if size <= 3000 else max(1, options.runs // 2)
        out_guidepost, out_hugo = os.path.join(site, "out-guidepost"), os.path.join(site, "out-hugo")
        commands = {
            "guidepost": ([binary, "build", "--now", "2026-11-22T08:00:00Z", "--output", out_guidepost], guidepost_dir),
            "hugo": (["hugo", "--quiet", "--destination", out_hugo], hugo_dir),
        }
        floor_command = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
        # Cold: empty output folders (Guidepost's spare folder too).
        for folder in (out_guidepost, os.path.join(site, ".out-guidepost.spare"), out_hugo):
            shutil.rmtree(folder, ignore_errors=True)
        cold = {name: measure(*commands[name]) for name in ("guidepost", "hugo")}
        for _ in range(options.warmup):
            for name in ("guidepost", "hugo"):
                measure(*commands[name])
        results = {"guidepost": [], "hugo": [], "floor": []}
        for _ in range(runs):
            # In turn, so that machine noise hits each tool alike.
            for name in ("guidepost", "hugo"):
                results[name].append(measure(*commands[name]))
            with open(markdown, "rb") as stdin:
                results["floor"].append(measure(floor_command, site, stdin))
        g, h, f = (median(results[k]) for k in ("guidepost", "hugo", "floor"))
        rebuild = incremental(binary, site)
        pages = 3 * (size + 1)
        rows.append((size, pages, runs, g, h, f, cold, rebuild))
        print(f"3 × {size}: guidepost {g[0]:.2f} s, hugo {h[0]:.2f} s, floor {f[0]:.2f} s, incremental {rebuild} ms", file=sys.stderr)
    print("| site | runs | Guidepost wall / CPU / peak RSS | Hugo wall / CPU / peak RSS | cmark-gfm floor wall / CPU | wall ÷ Hugo | RSS ÷ Hugo | wall ÷ floor | cold build Guidepost / Hugo | incremental rebuild |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, pages, runs, g, h, f, cold, rebuild in rows:
        print(f"| 3 × {size} ({pages} pages) | {runs} | {g[0]:.2f} s / {g[1]:.2f} s / {g[2]:.0f} MiB | {h[0]:.2f} s / {h[1]:.2f} s / {h[2]:.0f} MiB "
              f"| {f[0]:.2f} s / {f[1]:.2f} s | {g[0] / h[0]:.2f} | {g[2] / h[2]:.2f} | {g[0] / max(f[0], 0.01):.1f} "
              f"| {cold['guidepost'][0]:.2f} s / {cold['hugo'][0]:.2f} s | {rebuild} ms |")


if __name__ == "__main__":
    main()
