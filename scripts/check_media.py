#!/usr/bin/env python3
"""Checks the pictures a build published (issue 19), read with Pillow as a browser would decode them.

Usage: check_media.py OUTPUT_FOLDER CONTENT_FOLDER

- every JPEG, PNG and WebP under media/ decodes, is at most 1600 px wide, and carries no metadata:
  no EXIF (so no GPS, camera make or model, orientation), no XMP, no ICC profile other than sRGB's
  absence (derivatives are sRGB without a profile);
- each picture is published in WebP and in JPEG or PNG at the same size;
- no original is published: no output file has the bytes of an image in the content folder.
Prints one line per problem and a closing 'N passed, N failed' line; exits 1 on any problem.
"""
import hashlib
import os
import sys

from PIL import Image

PICTURES = (".jpg", ".jpeg", ".png", ".webp")


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    output, content = sys.argv[1], sys.argv[2]
    originals = {}
    for folder, _, names in os.walk(content):
        for name in names:
            if name.lower().endswith(PICTURES):
                originals[digest(os.path.join(folder, name))] = os.path.join(folder, name)
    problems, checked, sizes = [], 0, {}
    for folder, _, names in os.walk(os.path.join(output, "media")):
        for name in sorted(names):
            path = os.path.join(folder, name)
            shown = os.path.relpath(path, output)
            if digest(path) in originals:
                problems.append(f"{shown}: the original {originals[digest(path)]} is published")
            if not name.endswith(PICTURES):
                continue
            checked += 1
            try:
                with Image.open(path) as image:
                    image.load()
                    size, info, exif = image.size, image.info, image.getexif()
            except Exception as error:  # noqa: BLE001 (any decoding failure is the finding)
                problems.append(f"{shown}: does not decode ({error})")
                continue
            if len(exif):
                problems.append(f"{shown}: EXIF fields {sorted(exif.keys())}")
            for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "iptc"):
                if info.get(key):
                    problems.append(f"{shown}: has {key}")
            if size[0] > 1600 and "-cover." not in name:
                problems.append(f"{shown}: {size[0]} px wide, more than 1600")
            stem = name.rsplit(".", 1)[0]
            sizes.setdefault(os.path.join(folder, stem), {})[name.rsplit(".", 1)[1]] = size
    for stem, formats in sorted(sizes.items()):
        if stem.endswith("-cover"):
            continue
        if "webp" not in formats or not ({"jpg", "png"} & formats.keys()):
            problems.append(f"{os.path.relpath(stem, output)}: formats {sorted(formats)}, expected WebP and JPEG or PNG")
        elif len(set(formats.values())) != 1:
            problems.append(f"{os.path.relpath(stem, output)}: sizes differ between formats {formats}")
    for problem in problems:
        print(problem)
    print(f"checked {checked} pictures in {output}")
    print(f"{checked - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
