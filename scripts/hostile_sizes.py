#!/usr/bin/env python3
"""Times `plansite check` on bodies that were once quadratic (issue 17): many identical
headings in one body, and many links on one line. Prints seconds per size, so doubling the
size should about double the time. Nothing is asserted.

Usage: scripts/hostile_sizes.py [--plansite .build/debug/plansite] [--headings 1000,2000,4000]
                                [--links 10000,20000,40000] [--work /tmp/plansite-sizes]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SITE = """title: Sizes
languages:
  - {code: en, name: English}
baseURL: https://example.org/
period: {start: 2024, end: 2025}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def site(work, body):
    """A one-area site whose area body is `body`."""
    shutil.rmtree(work, ignore_errors=True)
    write(os.path.join(work, "site.yaml"), SITE)
    write(os.path.join(work, "home/en.md"), "---\ntitle: Home\n---\nHome.\n")
    write(os.path.join(work, "areas/alpha/meta.yaml"), "number: 1\n")
    write(os.path.join(work, "areas/alpha/en.md"), "---\ntitle: Alpha\n---\n" + body)


def timed(plansite, work):
    started = time.monotonic()
    result = subprocess.run([plansite, "check", "--content", work, "--theme", os.path.join(ROOT, "theme")],
                            capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"plansite check failed:\n{result.stderr}")
    return seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plansite", default=os.path.join(ROOT, ".build/debug/plansite"))
    parser.add_argument("--work", default="/tmp/plansite-sizes")
    parser.add_argument("--headings", default="1000,2000,4000", help="numbers of identical headings")
    parser.add_argument("--links", default="10000,20000,40000", help="numbers of links on one line")
    args = parser.parse_args()

    def sizes(text):
        return [int(size) for size in text.split(",") if size]

    cases = [
        ("identical headings", lambda n: "## Same\n\n" * n, sizes(args.headings)),
        ("links on one line", lambda n: "[a](/areas/alpha) " * n + "\n", sizes(args.links)),
    ]
    for name, body, sizes in cases:
        for size in sizes:
            site(args.work, body(size))
            print(f"{name}: {size}: {timed(args.plansite, args.work):.2f} s")
    shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
