#!/usr/bin/env python3
"""The fixed cost of a small build: two Guidepost binaries (e.g. the Swift runtime linked dynamically and
statically) run in turn, `--help` and a warm 3 × <size> build (the benchmark's synthetic site); prints the
median wall time, CPU time and peak RSS of each (per process, from wait4, to the microsecond), the median
time the dynamic loader spends before `main` (LD_DEBUG=statistics), and checks that both binaries write
byte-identical sites.
Usage: fixed_cost.py <binary A> <binary B> [--runs 11] [--size 300] [--work folder]"""
import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import generate  # noqa: E402


def measure(command, cwd):
    """One run: (wall s, CPU s, peak RSS MiB) of that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def loader_cycles(binary, runs=7):
    """The median of `total startup time in dynamic loader` (cycles) over `runs` runs of `binary --help`."""
    cycles = []
    for _ in range(runs):
        result = subprocess.run([binary, "--help"], env={**os.environ, "LD_DEBUG": "statistics"},
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        cycles += [int(line.split(":")[-1].split()[0]) for line in result.stderr.splitlines() if "total startup time" in line]
    return statistics.median(cycles)


def shared_libraries(binary):
    """How many shared libraries the loader maps for `binary`."""
    result = subprocess.run(["ldd", binary], capture_output=True, text=True)
    return len([line for line in result.stdout.splitlines() if "=>" in line or line.strip().startswith("/")])


def same_tree(a, b):
    """Whether two folders hold the same files with the same bytes."""
    comparison = filecmp.dircmp(a, b)
    if comparison.left_only or comparison.right_only or comparison.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, comparison.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(os.path.join(a, d), os.path.join(b, d)) for d in comparison.common_dirs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binaries", nargs=2)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "guidepost-fixed-cost"))
    options = parser.parse_args()
    binaries = [os.path.abspath(b) for b in options.binaries]
    site = os.path.join(options.work, f"3x{options.size}")
    generate(site, options.size)
    source = os.path.join(site, "guidepost")
    outputs = [os.path.join(site, f"out-{n}") for n in range(2)]
    for output in outputs:
        shutil.rmtree(output, ignore_errors=True)
    build = [["build", "--now", "2026-11-22T08:00:00Z", "--output", output] for output in outputs]
    for n, binary in enumerate(binaries):  # warm-up: the output and its spare folder exist from here on
        measure([binary, *build[n]], source)
        measure([binary, *build[n]], source)
    results = {(n, kind): [] for n in range(2) for kind in ("help", "build")}
    for run in range(options.runs):
        order = [0, 1] if run % 2 == 0 else [1, 0]  # alternated, so machine noise hits both alike
        for n in order:
            results[(n, "help")].append(measure([binaries[n], "--help"], source))
        for n in order:
            results[(n, "build")].append(measure([binaries[n], *build[n]], source))
    print(f"medians of {options.runs} alternated runs:")
    for n, binary in enumerate(binaries):
        row = []
        for kind in ("help", "build"):
            runs = results[(n, kind)]
            wall, cpu, rss = (statistics.median(r[i] for r in runs) for i in range(3))
            row.append(f"{kind}: wall {wall * 1000:.1f} ms, CPU {cpu * 1000:.1f} ms, peak RSS {rss:.1f} MiB")
        print(f"  {binary} ({os.path.getsize(binary) / 2**20:.1f} MiB, {shared_libraries(binary)} shared libraries, "
              f"{loader_cycles(binary) / 1e6:.1f} M cycles in the dynamic loader)")
        print("    " + "; ".join(row))
    print("  sites byte-identical:", same_tree(outputs[0], outputs[1]))


if __name__ == "__main__":
    main()
