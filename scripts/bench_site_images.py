#!/usr/bin/env python3
"""Photos in a whole site (issue 19, item 6): `plansite build` against the floor.

Usage:
  scripts/bench_site_images.py [--photos 40] [--size 4000x3000] [--runs 1] [--plansite .build/release/plansite]
                               [--work /tmp/plansite-bench-site-images] [--bench-dir ../shared/bench/images]

Writes N camera-like JPEGs with the reference generator (`gen_photos.py`, needs Pillow) and a
synthetic site of N events (`bench_content.py`), each event showing its photo as a figure (the
floor's six derivatives: 480, 960 and 1600 in WebP and JPEG). Then measures, each as a whole
process (wall time, user+system CPU, peak RSS as `wait4` reports it), the disk synced first:

- the floor (`floor_vips.sh`, libvips' own `vipsthumbnail`) making the same derivatives;
- a clean build of the site into a new folder with no image store;
- a rebuild with nothing changed, and one after one event's text is edited (no image changes:
  the report must say `0 made`);
- a clean build into another new folder with the first build's image store copied to it, as a
  CI job restoring its cache would (`--image-cache`): it must make no image, and its output must
  be byte-identical to the first build's;
- the same site without photos, for what the text alone costs.
Prints the figures; the targets are a clean build at most 1.25x the floor, at most 1 GiB, and
the one-edit rebuild under 1 s. Nothing is asserted but the two facts above.
"""
import argparse
import filecmp
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measured(command, env=None):
    """Runs `command`; returns (wall s, CPU s, peak RSS MiB, stdout)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout = process.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    process.stdout.close()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{stdout}\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout


def images_made(report):
    found = re.search(r"images: (\d+) made, (\d+) taken from the image store", report)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def same_tree(left, right):
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only or comparison.diff_files or comparison.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    if mismatch or errors:
        return False
    return all(same_tree(os.path.join(left, d), os.path.join(right, d)) for d in comparison.common_dirs)


def make_site(content, photos, names, with_photos):
    shutil.rmtree(content, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench_content.py"), str(len(names)), content],
                   check=True, stdout=subprocess.DEVNULL)
    events = sorted(os.path.join(folder, "") for folder, dirs, files in os.walk(os.path.join(content, "events"))
                    if "meta.yaml" in files)
    for event, name in zip(events, names):
        if not with_photos:
            continue
        shutil.copy(os.path.join(photos, name), os.path.join(event, "photo.jpg"))
        for language in ("en", "ru", "kk"):
            text = os.path.join(event, f"{language}.md")
            if os.path.exists(text):
                with open(text, "a", encoding="utf-8") as handle:
                    handle.write('\n\n![A photo of the meeting](photo.jpg "The meeting.")\n')
    return events


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--size", default="4000x3000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--plansite", default=os.path.join(ROOT, ".build", "release", "plansite"))
    parser.add_argument("--work", default="/tmp/plansite-bench-site-images")
    parser.add_argument("--bench-dir", default=os.path.join(ROOT, "..", "shared", "bench", "images"))
    args = parser.parse_args()
    if shutil.which("vipsthumbnail") is None:
        sys.exit("the floor needs vipsthumbnail: apt-get install -y --no-install-recommends libvips-tools")
    plansite = os.path.abspath(args.plansite)
    work = args.work
    os.makedirs(work, exist_ok=True)
    photos = os.path.join(work, f"photos-{args.photos}-{args.size}")
    if not os.path.isdir(photos) or len(os.listdir(photos)) != args.photos:
        shutil.rmtree(photos, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(args.bench_dir, "gen_photos.py"), str(args.photos), photos,
                        "--size", args.size], check=True)
    names = sorted(os.listdir(photos))
    content, text_only = os.path.join(work, "content"), os.path.join(work, "content-text")
    events = make_site(content, photos, names, with_photos=True)
    make_site(text_only, photos, names, with_photos=False)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1717000000")
    theme = os.path.join(ROOT, "theme")

    def build(source, output, *extra):
        return measured([plansite, "build", "--content", source, "--theme", theme, "--output", output, *extra],
                        env=env)

    def fresh(*paths):
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)
        os.sync()

    figures = {key: [] for key in ("floor", "clean", "nochange", "oneedit", "restored", "text")}
    for run in range(args.runs):
        floor_out = os.path.join(work, "floor")
        fresh(floor_out)
        figures["floor"].append(measured(["bash", os.path.join(args.bench_dir, "floor_vips.sh"), photos, floor_out]))

        first, store = os.path.join(work, "site"), os.path.join(work, ".site.plansite-images")
        fresh(first, store, os.path.join(work, ".site.plansite-manifest"), os.path.join(work, ".site.plansite-cache"))
        figures["clean"].append(build(content, first))
        figures["nochange"].append(build(content, first))
        with open(os.path.join(events[0], "en.md"), "a", encoding="utf-8") as handle:
            handle.write(f"\nEdited in run {run + 1}.\n")
        figures["oneedit"].append(build(content, first))
        if images_made(figures["oneedit"][-1][3])[0] != 0:
            sys.exit("the one-edit rebuild decoded an image")

        restored, restored_store = os.path.join(work, "restored"), os.path.join(work, "restored-store")
        fresh(restored, restored_store)
        shutil.copytree(store, restored_store)
        clean_again = os.path.join(work, "site-clean")
        fresh(clean_again)
        figures["restored"].append(build(content, restored, "--image-cache", restored_store))
        if images_made(figures["restored"][-1][3])[0] != 0:
            sys.exit("the build from a restored image store decoded an image")
        if not same_tree(first, restored):
            sys.exit("the build from a restored image store differs from the first build")

        text_out = os.path.join(work, "text")
        fresh(text_out)
        figures["text"].append(build(text_only, text_out))
        for key, values in figures.items():
            wall, cpu, peak, report = values[-1]
            made = images_made(report) if key != "floor" else ("", "")
            print(f"run {run + 1} {key:9} wall {wall:6.2f} s  cpu {cpu:6.1f} s  peak {peak:6.0f} MiB  "
                  f"images made/stored {made[0]}/{made[1]}", flush=True)

    medians = {key: [statistics.median(v) for v in list(zip(*values))[:3]] for key, values in figures.items()}
    print(f"\n{args.photos} photos of {args.size} in a site of {args.photos} events, {os.cpu_count()} cores, "
          f"median of {args.runs} run(s):")
    print("| | wall | user+sys CPU | peak RSS |")
    print("|---|---|---|---|")
    labels = {"floor": "floor (`vipsthumbnail`, the same 6 derivatives)", "clean": "clean build, no image store",
              "nochange": "rebuild, nothing changed", "oneedit": "rebuild, one event's text edited",
              "restored": "clean build into a new folder, image store restored", "text": "the same site without photos"}
    for key, label in labels.items():
        wall, cpu, peak = medians[key]
        print(f"| {label} | {wall:.2f} s | {cpu:.1f} s | {peak:.0f} MiB |")
    ratios = [clean[0] / floor[0] for clean, floor in zip(figures["clean"], figures["floor"])]
    print(f"\nclean build / floor, wall: {statistics.median(ratios):.2f}x (per run: "
          + ", ".join(f"{ratio:.2f}" for ratio in ratios) + ")")


if __name__ == "__main__":
    main()
