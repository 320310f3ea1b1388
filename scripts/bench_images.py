#!/usr/bin/env python3
"""Photos: PlanMedia against the floor (issue 19, item 6).

Usage:
  scripts/bench_images.py [--photos 40] [--size 4000x3000] [--runs 1] [--work /tmp/plansite-bench-images]
                          [--bench-dir ../shared/bench/images]

Writes N camera-like JPEGs with the reference generator (`gen_photos.py`, needs Pillow:
`python3 -m pip install pillow`), then, alternately, times the floor (`floor_vips.sh`: libvips'
own `vipsthumbnail`, Debian `libvips-tools`, making the widths 480, 960 and 1600 in WebP and
JPEG for every photo on every core) and PlanMedia making the same derivatives
(`Benchmarks/bench-images`, built here in release). Each run is measured as a whole process:
wall time, user+system CPU, and peak RSS (the largest process of the run, as `wait4` reports
it, the measure of the reference README). The disk is synced before each run. Prints the figures
and the ratio of PlanMedia's wall time to the floor's (the target: at most 1.25x, peak at most
1 GiB). Nothing is asserted.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measured(command):
    """Runs `command`; returns (wall s, CPU s, peak RSS MiB) of it and its children."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def folder_figures(folder):
    names = os.listdir(folder)
    return len(names), sum(os.path.getsize(os.path.join(folder, name)) for name in names)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--size", default="4000x3000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", default="/tmp/plansite-bench-images")
    parser.add_argument("--bench-dir", default=os.path.join(ROOT, "..", "shared", "bench", "images"))
    args = parser.parse_args()

    if shutil.which("vipsthumbnail") is None:
        sys.exit("the floor needs vipsthumbnail: apt-get install -y --no-install-recommends libvips-tools")
    try:
        import PIL  # noqa: F401  (gen_photos.py's dependency, checked before it runs)
    except ImportError:
        sys.exit("gen_photos.py needs Pillow: python3 -m pip install pillow")

    subprocess.run(["swift", "build", "-c", "release", "--product", "bench-images"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    bench = os.path.join(ROOT, ".build", "release", "bench-images")

    photos = os.path.join(args.work, f"photos-{args.photos}-{args.size}")
    if not os.path.isdir(photos) or len(os.listdir(photos)) != args.photos:
        shutil.rmtree(photos, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(args.bench_dir, "gen_photos.py"), str(args.photos), photos,
                        "--size", args.size], check=True)

    runs = {"floor": [], "planmedia": []}
    outputs = {}
    for run in range(args.runs):
        for name in ("floor", "planmedia"):
            out = os.path.join(args.work, f"out-{name}")
            shutil.rmtree(out, ignore_errors=True)
            os.sync()
            command = (["bash", os.path.join(args.bench_dir, "floor_vips.sh"), photos, out] if name == "floor"
                       else [bench, photos, out])
            runs[name].append(measured(command))
            outputs[name] = folder_figures(out)
            wall, cpu, peak = runs[name][-1]
            print(f"run {run + 1} {name:9} wall {wall:6.1f} s  cpu {cpu:6.1f} s  peak {peak:6.0f} MiB", flush=True)

    print(f"\n{args.photos} photos of {args.size}, {os.cpu_count()} cores, median of {args.runs} run(s):")
    print("| | wall | user+sys CPU | peak RSS | files | output |")
    print("|---|---|---|---|---|---|")
    medians = {}
    for name, label in (("floor", "libvips `vipsthumbnail` (the floor)"), ("planmedia", "PlanMedia")):
        wall, cpu, peak = (statistics.median(values) for values in zip(*runs[name]))
        medians[name] = wall
        files, size = outputs[name]
        print(f"| {label} | {wall:.1f} s | {cpu:.1f} s | {peak:.0f} MiB | {files} | {size / 1e6:.1f} MB |")
    ratios = [ours[0] / floor[0] for ours, floor in zip(runs["planmedia"], runs["floor"])]
    print(f"\nPlanMedia / floor, wall: {statistics.median(ratios):.2f}x (per run: "
          + ", ".join(f"{r:.2f}" for r in ratios) + ")")
    for name in ("floor", "planmedia"):
        shutil.rmtree(os.path.join(args.work, f"out-{name}"), ignore_errors=True)


if __name__ == "__main__":
    main()
