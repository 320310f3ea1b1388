#!/usr/bin/env python3
"""Writes a small fixture site with media, for CI's site checks (issue 19): the valid-basic fixture
plus, made here, what editors put in item folders.

Usage: scripts/make_media_site.py DEST [--from Tests/PlanSiteTests/Fixtures/valid-basic]

- the kickoff meeting: two camera JPEGs (EXIF with make, model and GPS; one tagged to be shown
  turned a quarter), one the cover (with `coverAlt` in each language), the other a figure with a
  caption; an English and a Russian PDF, listed under `attachments` and linked from the text;
- the charter: a PNG with transparency and an SVG in its text, a PDF only in Russian (so the
  English page links to it with `hreflang` and a note).

Needs Pillow (`python3 -m pip install pillow`). Synthetic pictures only: no real content.
"""
import argparse
import os
import shutil

from PIL import Image, ImageDraw

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def camera_jpeg(path, size, orientation, seed):
    """A photo-like gradient with the EXIF a phone writes: make, model, GPS, orientation."""
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 8):
        shade = (seed * 40 + y * 255 // height) % 256
        draw.rectangle([0, y, width, y + 8], fill=(shade, (shade * 3 + seed * 70) % 256, 255 - shade))
    draw.ellipse([width // 4, height // 4, width * 3 // 4, height * 3 // 4], fill=(230, 200, 40))
    exif = Image.Exif()
    exif[0x010F] = "FixtureCam"  # Make
    exif[0x0110] = "Model 1"  # Model
    exif[0x0112] = orientation  # Orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 10.0, 0.0)  # latitude
    gps[3], gps[4] = "E", (71.0, 26.0, 0.0)  # longitude
    image.save(path, "JPEG", quality=90, exif=exif)


def transparent_png(path):
    image = Image.new("RGBA", (700, 400), (0, 0, 0, 0))
    ImageDraw.Draw(image).rounded_rectangle([20, 20, 680, 380], radius=40, fill=(11, 61, 115, 200))
    image.save(path, "PNG")


def pdf(path, text):
    """A one-page PDF with `text`, its cross-reference table's offsets computed."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as handle:
        handle.write(body)


def add_front_matter(path, line):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace("---\n", "---\n" + line + "\n", 1))


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dest")
    parser.add_argument("--from", dest="source", default=os.path.join(ROOT, "Tests/PlanSiteTests/Fixtures/valid-basic"))
    args = parser.parse_args()
    shutil.rmtree(args.dest, ignore_errors=True)
    shutil.copytree(args.source, args.dest)

    event = os.path.join(args.dest, "events/2025/kickoff-meeting")
    camera_jpeg(os.path.join(event, "delegations.jpg"), (2400, 1600), 1, 1)
    camera_jpeg(os.path.join(event, "hall.jpg"), (2000, 1500), 6, 2)
    pdf(os.path.join(event, "agenda.en.pdf"), "Agenda")
    pdf(os.path.join(event, "agenda.ru.pdf"), "Povestka")
    append(os.path.join(event, "meta.yaml"), "cover: delegations.jpg\nattachments: [agenda.pdf]\n")
    captions = {"en": ("Delegations at the table", "The hall before the meeting", "the agenda"),
                "ru": ("Делегации за столом", "Зал перед встречей", "повестка дня")}
    for code, (cover, hall, agenda) in captions.items():
        text = os.path.join(event, f"{code}.md")
        add_front_matter(text, f"coverAlt: {cover}")
        append(text, f'\n\n![{hall}](hall.jpg "{hall}.")\n\nSee [{agenda}](agenda.pdf).\n')

    charter = os.path.join(args.dest, "documents/charter")
    transparent_png(os.path.join(charter, "emblem.png"))
    with open(os.path.join(charter, "scheme.svg"), "w", encoding="utf-8") as handle:
        handle.write('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">'
                     '<rect width="400" height="200" fill="#eef2f7"/><circle cx="200" cy="100" r="80" '
                     'fill="#0b3d73"/></svg>\n')
    pdf(os.path.join(charter, "signed.ru.pdf"), "Podpisano")
    append(os.path.join(charter, "meta.yaml"), "attachments: [signed.pdf]\n")
    words = {"en": ("The emblem", "emblem", "and the scheme:", "scheme", "Signed text"),
             "ru": ("Эмблема", "эмблема", "и схема:", "схема", "Подписанный текст")}
    for code, (before, emblem, between, scheme, signed) in words.items():
        path = os.path.join(charter, f"{code}.md")
        if os.path.exists(path):
            append(path, f"\n\n{before} ![{emblem}](emblem.png) {between}\n\n![{scheme}](scheme.svg)\n\n"
                         f"[{signed}](signed.pdf)\n")
    print(f"wrote a site with media into {args.dest}")


if __name__ == "__main__":
    main()
