#!/usr/bin/env python3
"""Screenshots of a built PlanSite folder to look at, and the printed documents as PDF.

Usage: screenshots.py OUTPUT_FOLDER SHOTS_FOLDER [--base-path /plan/] [--languages en,ru,kk]
       [--area cybercrime] [--event SLUG]

Writes SHOTS_FOLDER/<lang>-<page>-<width>-<scheme>.png, full page, for the home, calendar, one
area, one event and the progress page at 1280 px and 390 px in the light and dark schemes, and
SHOTS_FOLDER/print-<lang>-<document>.pdf for every document as Chromium prints it (A4), and
SHOTS_FOLDER/print-<lang>-progress.pdf (A4 landscape, as the page asks).
The event defaults to the first event folder of the first language.
"""
import argparse
import base64
import os
import sys

import site_browser

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")


def full_page_png(driver, width):
    """A PNG of the whole page, not only the first screen."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    site_browser.set_viewport(driver, width, min(height, 12000), mobile=width < 700)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    return base64.b64decode(shot["data"])


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("output")
    arguments.add_argument("shots")
    arguments.add_argument("--base-path", default="/plan/")
    arguments.add_argument("--languages", default="en,ru,kk")
    arguments.add_argument("--area", default="cybercrime")
    arguments.add_argument("--event")
    options = arguments.parse_args()
    languages = options.languages.split(",")
    event = options.event or sorted(os.listdir(os.path.join(options.output, languages[0], "events")))[0]
    pages = {"home": "", "calendar": "calendar/", "area": f"areas/{options.area}/", "event": f"events/{event}/",
             "progress": "progress/"}
    documents = sorted(os.listdir(os.path.join(options.output, languages[0], "documents")))
    documents = [name for name in documents if os.path.isdir(os.path.join(options.output, languages[0], "documents", name))]
    os.makedirs(options.shots, exist_ok=True)
    with site_browser.served(options.output, options.base_path) as root_url:
        driver = site_browser.start_chromium()
        try:
            for language in languages:
                for scheme in SCHEMES:
                    site_browser.set_media(driver, scheme)
                    for width in WIDTHS:
                        for name, path in pages.items():
                            site_browser.set_viewport(driver, width, 900, mobile=width < 700)
                            driver.get(f"{root_url}{language}/{path}")
                            target = os.path.join(options.shots, f"{language}-{name}-{width}-{scheme}.png")
                            with open(target, "wb") as handle:
                                handle.write(full_page_png(driver, width))
                site_browser.set_viewport(driver, 1280, 900, mobile=False)
                site_browser.set_media(driver, "light")
                for document in documents:
                    driver.get(f"{root_url}{language}/documents/{document}/")
                    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                                     "preferCSSPageSize": True})
                    with open(os.path.join(options.shots, f"print-{language}-{document}.pdf"), "wb") as handle:
                        handle.write(base64.b64decode(pdf["data"]))
                # The progress page asks for its own page size (A4 landscape) in its CSS.
                driver.get(f"{root_url}{language}/progress/")
                pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
                with open(os.path.join(options.shots, f"print-{language}-progress.pdf"), "wb") as handle:
                    handle.write(base64.b64decode(pdf["data"]))
        finally:
            driver.quit()
    print(f"wrote {len(os.listdir(options.shots))} files to {options.shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
