#!/usr/bin/env python3
"""Chooses where the publish workflow gets plansite: the packaged binary of the latest release
when the generator's code (Sources/, Package.swift) is the same at HEAD as at that release's tag,
else a build from source.

Usage: gh api repos/OWNER/REPO/releases/latest | choose_plansite.py [--asset NAME]
       choose_plansite.py --release release.json

Reads GitHub's release JSON (empty or not JSON: there is no release) and prints lines for
$GITHUB_OUTPUT:
  source=release   tag=v1.2.0   asset-url=https://api.../assets/123
  source=build     reason=...
Needs the tag in the local clone (fetch-depth: 0).
"""
import argparse
import json
import platform
import subprocess
import sys

CODE_PATHS = ["Sources", "Package.swift"]


def choose(release, asset_name):
    """Returns the output lines for the given release (a dict, or None)."""
    if not release or not release.get("tag_name"):
        return ["source=build", "reason=there is no release yet"]
    tag = release["tag_name"]
    urls = [asset.get("url") for asset in release.get("assets", []) if asset.get("name") == asset_name]
    if not urls or not urls[0]:
        return ["source=build", f"reason=release {tag} has no {asset_name}"]
    known = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}"],
                           capture_output=True, text=True)
    if known.returncode != 0:
        return ["source=build", f"reason=tag {tag} is not in this clone"]
    changed = subprocess.run(["git", "diff", "--name-only", tag, "HEAD", "--", *CODE_PATHS],
                             capture_output=True, text=True, check=True).stdout.split()
    if changed:
        return ["source=build", f"reason={len(changed)} file(s) of the generator changed since {tag}"]
    return ["source=release", f"tag={tag}", f"asset-url={urls[0]}",
            f"reason=the generator is unchanged since {tag}"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", help="a file of release JSON (default: standard input)")
    parser.add_argument("--asset", default=f"plansite-linux-{platform.machine()}.tar.gz")
    args = parser.parse_args()
    text = open(args.release, encoding="utf-8").read() if args.release else sys.stdin.read()
    try:
        release = json.loads(text) if text.strip() else None
    except json.JSONDecodeError:
        release = None  # gh printed an error (404: no release), not a release
    print("\n".join(choose(release, args.asset)))


if __name__ == "__main__":
    main()
