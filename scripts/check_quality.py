#!/usr/bin/env python3
"""Checks a built PlanSite folder in a real browser, as a reader (and a web team) would.

Usage: check_quality.py OUTPUT_FOLDER [--base-path /plan/] [--languages en,ru,kk]

The folder is served on loopback under the base path and read with headless Chromium (Selenium):
- axe-core, tags wcag2a wcag2aa wcag21a wcag21aa (plus the skip-link, landmark and heading-order
  rules), on every page, in the light and the dark colour scheme, at 1280 px;
- keyboard focus: the skip link comes first and works; every focusable element shows an
  outline with 3:1 contrast;
- no horizontal scrolling at 390 px and 320 px (a phone), on every page, and at 390 px links
  big enough to tap (axe's target-size, WCAG 2.2 SC 2.5.8: 24 px or spaced);
- text in another script than its marked language (fallback text without its own lang);
- nothing fetched from another host; no <script>, no event handler attributes;
- each HTML page under 30 KB, each stylesheet under 20 KB;
- printing a document hides the navigation; the progress page prints on one A4 landscape page;
- every kind of page exists in every language, so none is silently left out.
Prints one line per problem, a table of axe violations by kind of page, and a closing
'N passed, N failed' line (one check = one check on one page); exits 1 on any problem.
"""
import argparse
import collections
import os
import sys
import time

import browser_checks
import site_browser
import static_checks

PHONE_WIDTHS = (390, 320)
SCHEMES = ("light", "dark")


class Tally:
    """Counts checks and keeps their problems, so the closing line adds up."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, where, problems):
        for problem in problems:
            print(f"{where}: {problem}", flush=True)
        if problems:
            self.failed += 1
        else:
            self.passed += 1


def check_files(folder, pages, languages, tally):
    kinds = collections.defaultdict(set)
    for relative, kind, language in pages:
        kinds[kind].add(language)
        path = os.path.join(folder, relative)
        tally.record(relative, static_checks.size_problem(path))
        tally.record(relative, static_checks.page_problems(path))
    for directory, _, files in os.walk(folder):
        for name in (name for name in files if name.endswith(".css")):
            path = os.path.join(directory, name)
            tally.record(os.path.relpath(path, folder), static_checks.size_problem(path))
            tally.record(os.path.relpath(path, folder), static_checks.stylesheet_problems(path))
    missing = [f"no {kind} page" for kind in site_browser.SITE_PAGE_KINDS if None not in kinds[kind]]
    missing += [f"no {kind} page in {language}" for kind in site_browser.LANGUAGE_PAGE_KINDS
                for language in languages if language not in kinds[kind]]
    tally.record(folder, missing)


def check_in_browser(driver, root_url, pages, tally):
    axe = browser_checks.axe_source()
    violations = collections.Counter()
    for scheme in SCHEMES:
        site_browser.set_viewport(driver, 1280, 900, mobile=False)
        site_browser.set_media(driver, scheme)
        for relative, kind, _ in pages:
            driver.get(site_browser.page_url(root_url, relative))
            where = f"{relative} [{scheme}]"
            found = browser_checks.axe_violations(driver, axe)
            violations[(kind, scheme)] += sum(len(nodes) for *_, nodes in found)
            tally.record(where, [f"axe {rule} ({impact}): {text}: {node}"
                                 for rule, impact, text, nodes in found for node in nodes])
            tally.record(where, browser_checks.focus_problems(driver))
            if scheme == "light":
                tally.record(where, browser_checks.foreign_loads(driver, root_url))
                tally.record(where, browser_checks.unmarked_language(driver))
    for width in PHONE_WIDTHS:
        site_browser.set_viewport(driver, width, 800, mobile=True)
        site_browser.set_media(driver, "light")
        for relative, _, _ in pages:
            driver.get(site_browser.page_url(root_url, relative))
            tally.record(f"{relative} [{width} px]", browser_checks.horizontal_overflow(driver, width))
            if width == PHONE_WIDTHS[0]:
                found = browser_checks.axe_violations(driver, axe, rules=browser_checks.PHONE_RULES)
                tally.record(f"{relative} [{width} px]", [f"axe {rule} ({impact}): {text}: {node}"
                                                          for rule, impact, text, nodes in found for node in nodes])
    site_browser.set_viewport(driver, 1280, 900, mobile=False)
    site_browser.set_media(driver, "light", media="print")
    for relative, kind, _ in pages:
        if kind == "document":
            driver.get(site_browser.page_url(root_url, relative))
            tally.record(f"{relative} [print]", browser_checks.print_problems(driver))
        if kind == "progress":
            driver.get(site_browser.page_url(root_url, relative))
            tally.record(f"{relative} [print]", browser_checks.progress_print_problems(driver))
    return violations


def print_summary(pages, violations):
    print("axe violations (elements) by kind of page:")
    count = collections.Counter(kind for _, kind, _ in pages)
    for kind in sorted(count, key=str):
        figures = ", ".join(f"{scheme} {violations[(kind, scheme)]}" for scheme in SCHEMES)
        print(f"  {kind or 'other'}: {count[kind]} pages; {figures}")


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("output")
    arguments.add_argument("--base-path", default="/plan/")
    arguments.add_argument("--languages", default="en,ru,kk")
    options = arguments.parse_args()
    languages = options.languages.split(",")
    folder = options.output.rstrip("/")
    started = time.monotonic()
    pages = site_browser.site_pages(folder, languages)
    tally = Tally()
    check_files(folder, pages, languages, tally)
    largest = max(pages, key=lambda page: os.path.getsize(os.path.join(folder, page[0])))
    with site_browser.served(folder, options.base_path) as root_url:
        driver = site_browser.start_chromium()
        try:
            violations = check_in_browser(driver, root_url, pages, tally)
        finally:
            driver.quit()
    print_summary(pages, violations)
    print(f"largest page: {largest[0]} ({os.path.getsize(os.path.join(folder, largest[0]))} bytes)")
    print(f"checked {len(pages)} pages of {folder} in {time.monotonic() - started:.0f} s")
    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
