#!/usr/bin/env python3
"""PlanSite's benchmark: build N synthetic events and print the figures issue 6 asks for.

Usage:
  scripts/bench.py N [--runs 3] [--work /tmp/plansite-bench] [--plansite .build/release/plansite]
  scripts/bench.py N --hugo-bench ../shared/bench --runs 5      # also Hugo, alternating

For N events (scripts/bench_content.py writes them in the content format; with --hugo-bench the
reference generator there writes both sites from the same text), it measures, as medians:
- a clean build: wall time, pages per second, peak RSS of the process;
- a rebuild with nothing changed (time, and whether any output file's time changed);
- a rebuild after one event's text is edited (time, and how many files were rewritten);
- the floor: libcmark alone over the same Markdown bodies (one core, through ctypes) plus a
  copy of the output (cp -r), and the ratio of the clean build to it. The disk's speed swings
  from run to run (a copy of the same output took 2 s and 8 s within minutes), so each clean
  build's output is copied right after it is built: each run has its own floor, and the ratio
  is given per run and as the median of those;
- no timed build or copy comes right after a mass delete (see settle(): the run waits 61 s
  first, and writes each clean build into a new folder); the outputs are removed at the end;
- with --hugo-bench and `hugo` on the PATH: Hugo's clean build of the same site, measured
  alternately with PlanSite's, and the ratios of time and memory.
Nothing is asserted: the numbers are printed for the README and the issue notes.
"""
import argparse
import ctypes
import ctypes.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_measured(command, env=None):
    """Runs a command; returns (wall seconds, peak RSS in MiB of it and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    # /usr/bin/time reports the peak of this one command, which getrusage cannot once a
    # larger child has run before it.
    completed = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr}")
    peak_kib = int(completed.stderr.strip().splitlines()[-1]) if completed.stderr.strip() else before
    return wall, peak_kib / 1024


def output_stamps(folder):
    stamps = {}
    for current, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(current, name)
            info = os.lstat(path)
            stamps[os.path.relpath(path, folder)] = (info.st_ino, info.st_mtime_ns)
    return stamps


def markdown_bodies(content):
    bodies = []
    for current, _, files in os.walk(content):
        for name in files:
            if name.endswith(".md"):
                with open(os.path.join(current, name), "rb") as handle:
                    text = handle.read()
                parts = text.split(b"\n---\n", 1)
                bodies.append(parts[1] if len(parts) == 2 else text)
    return bodies


def cmark_seconds(bodies):
    library = ctypes.CDLL(ctypes.util.find_library("cmark") or "libcmark.so")
    library.cmark_markdown_to_html.restype = ctypes.c_void_p
    library.cmark_markdown_to_html.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
    libc = ctypes.CDLL(None)
    libc.free.argtypes = [ctypes.c_void_p]
    started = time.perf_counter()
    for body in bodies:
        libc.free(library.cmark_markdown_to_html(body, len(body), 0))
    return time.perf_counter() - started


def copy_seconds(folder, target):
    """`cp -r` of the output into a folder that was not there: the write half of the floor."""
    started = time.perf_counter()
    subprocess.run(["cp", "-r", folder, target], check=True)
    return time.perf_counter() - started


def plansite_build(plansite, content, output, env):
    return run_measured([plansite, "build", "--quiet", "--content", content, "--output", output,
                         "--theme", os.path.join(ROOT, "theme")], env)


# Every folder a run writes under its work folder: the clean builds' outputs (and what PlanSite
# keeps beside each), Hugo's outputs and the copy of the floor.
RUN_FOLDERS = ("public", ".public", "hugo-out", "copy")


def remove_run_folders(work):
    """Removes what an earlier run wrote; returns whether anything was removed."""
    removed = False
    for name in os.listdir(work):
        if not name.startswith(RUN_FOLDERS):
            continue
        path = os.path.join(work, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
        removed = True
    return removed


def settle():
    """Waits out ext4's "recently deleted" window after a mass delete.

    On ext4 without a journal (this machine's disk), an inode freed less than 60 s ago (360 s
    while its inode table block is not yet written) is skipped when a new file or folder is made,
    and every allocation scans past all of them from the start of the block group. Right after
    the 90,000 files of a 10,000-event output are deleted, `cp -r` of that same output takes 17 s
    instead of 2.7 s. So no timed build or copy follows a delete: each clean build writes a new
    folder, all of them are removed only at the end, and leftovers of an earlier run are removed
    first, then the disk is synced and the window waited out.
    """
    subprocess.run(["sync"], check=True)
    time.sleep(61)


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("events", type=int)
    arguments.add_argument("--runs", type=int, default=3)
    arguments.add_argument("--work", default="/tmp/plansite-bench")
    arguments.add_argument("--plansite", default=os.path.join(ROOT, ".build/release/plansite"))
    arguments.add_argument("--hugo-bench", help="the reference benchmark folder (with gen_plansite_content.py)")
    arguments.add_argument("--no-settle", action="store_true", help="start at once (nothing was deleted just before)")
    options = arguments.parse_args()
    work = os.path.join(options.work, str(options.events))
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1717000000")

    content = os.path.join(work, "content")
    hugo_site = os.path.join(work, "hugo")
    if not os.path.isdir(content):
        if options.hugo_bench:
            subprocess.run([sys.executable, os.path.join(options.hugo_bench, "gen_plansite_content.py"),
                            str(options.events), work], check=True, stdout=subprocess.DEVNULL)
            subprocess.run([sys.executable, os.path.join(options.hugo_bench, "gen_hugo_site.py"),
                            str(options.events), hugo_site], check=True, stdout=subprocess.DEVNULL)
        else:
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench_content.py"),
                            str(options.events), content], check=True)
    use_hugo = options.hugo_bench and shutil.which("hugo") and os.path.isdir(hugo_site)

    # Always: the outputs of an earlier run (this script's or another's) may have just been
    # removed, which slowed every build of a run started straight after by a third.
    remove_run_folders(work)
    if not options.no_settle:
        print("waiting 61 s, so that no timed build follows a delete (see settle())", file=sys.stderr)
        settle()
    clean_times, peaks, hugo_times, hugo_peaks, copy_times = [], [], [], [], []
    for run in range(options.runs):
        # A new folder each time, nothing beside it: a first build, with no delete before it.
        output = os.path.join(work, f"public-{run}")
        wall, peak = plansite_build(options.plansite, content, output, env)
        clean_times.append(wall)
        peaks.append(peak)
        # The write half of this run's floor, on the disk as it is now.
        copy_times.append(copy_seconds(output, os.path.join(work, f"copy-{run}")))
        if use_hugo:
            wall, peak = run_measured(["hugo", "--quiet", "-s", hugo_site, "-d", os.path.join(work, f"hugo-out-{run}")])
            hugo_times.append(wall)
            hugo_peaks.append(peak)
    files = sum(len(names) for _, _, names in os.walk(output))
    pages = sum(1 for current, _, names in os.walk(output) for name in names if name.endswith(".html"))

    before = output_stamps(output)
    unchanged = [plansite_build(options.plansite, content, output, env)[0] for _ in range(options.runs)]
    touched_by_nothing = sum(1 for path, stamp in output_stamps(output).items() if before.get(path) != stamp)

    edits = []
    rewritten = 0
    event = next(os.path.join(current, "en.md") for current, _, names in sorted(os.walk(os.path.join(content, "events")))
                 if "en.md" in names and "meta.yaml" in names)
    for run in range(options.runs):
        before = output_stamps(output)
        with open(event, "a", encoding="utf-8") as handle:
            handle.write(f"\nOne more sentence, edit {run}.\n")
        edits.append(plansite_build(options.plansite, content, output, env)[0])
        rewritten = sum(1 for path, stamp in output_stamps(output).items() if before.get(path) != stamp)

    bodies = markdown_bodies(content)
    floor_cmark = cmark_seconds(bodies)
    remove_run_folders(work)
    full = statistics.median(clean_times)

    print(f"events: {options.events}, pages: {pages}, files: {files}")
    print(f"clean build: {full:.2f} s (median of {options.runs}), {pages / full:.0f} pages/s, "
          f"peak RSS {statistics.median(peaks):.0f} MiB")
    print("clean builds, in order: " + " ".join(f"{t:.2f}" for t in clean_times) + " s"
          + ("; Hugo's: " + " ".join(f"{t:.2f}" for t in hugo_times) + " s" if hugo_times else ""))
    print(f"no change: {statistics.median(unchanged):.2f} s ({100 * statistics.median(unchanged) / full:.1f}% of a clean build), "
          f"files whose time changed: {touched_by_nothing}")
    print(f"one event edited: {statistics.median(edits):.2f} s, files rewritten: {rewritten} of {files}")
    floors = [floor_cmark + copy for copy in copy_times]
    floor_ratios = [build / floor for build, floor in zip(clean_times, floors)]
    print(f"floor: libcmark over {len(bodies)} bodies {floor_cmark:.2f} s (one core) + cp -r of each run's output "
          + " ".join(f"{t:.2f}" for t in copy_times) + " s")
    print(f"clean build / floor, each run: " + " ".join(f"{r:.2f}" for r in floor_ratios)
          + f"; median {statistics.median(floor_ratios):.2f} (median build / median floor "
          f"{full / statistics.median(floors):.2f})")
    if use_hugo:
        hugo = statistics.median(hugo_times)
        pair_ratios = [mine / theirs for mine, theirs in zip(clean_times, hugo_times)]
        print(f"hugo: {hugo:.2f} s, peak RSS {statistics.median(hugo_peaks):.0f} MiB; "
              f"PlanSite / Hugo: time {full / hugo:.2f}x (median of the {len(pair_ratios)} pairs' ratios "
              f"{statistics.median(pair_ratios):.2f}x), memory {statistics.median(peaks) / statistics.median(hugo_peaks):.2f}x")
    elif options.hugo_bench:
        print("hugo: not measured (install it with apt-get install hugo)")


if __name__ == "__main__":
    main()
