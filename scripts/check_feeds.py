#!/usr/bin/env python3
"""Checks the machine-read files of a built PlanSite output folder with the parsers real
clients use.

Usage: check_feeds.py OUTPUT_FOLDER --base-url https://host/plan/ [--languages en,ru,kk]

- every .ics file: raw form (CRLF line ends, lines folded at 75 octets, UTF-8), then parsed
  by `icalendar`: no parse errors, every VEVENT with UID, DTSTAMP in UTC, SUMMARY, DTSTART,
  DTEND after DTSTART, URL under the base URL, a known STATUS, SEQUENCE; every TZID used has
  its VTIMEZONE; an event has the same UID and times in every language and file;
- every LANG/feed.xml: parsed by `feedparser` (bozo fails), one entry per event of that
  language's calendar, unique ids, newest change first, links under the base URL;
- sitemap.xml: parsed by `lxml`, every <loc> absolute under the base URL and an existing
  page, with alternates for every language and x-default; robots.txt names it;
- every JSON-LD block in every page parses as JSON; every event page has one schema.org
  Event with the fields calendars and search engines read;
- every page of a language links its feed for autodiscovery; every event and area page
  offers an .ics download and a webcal:// subscription that both point at existing files;
- every LANG/progress.csv: read by Python's `csv` (UTF-8, CRLF), exactly the issue's columns,
  counts that are whole numbers adding up to their total, the same figures in every language.
- a renamed item's old address (a page with a meta refresh) is not in the sitemap, is
  `noindex`, and its refresh and canonical URL both name the item's page, which is listed.
Prints one line per problem and a closing 'N passed, N failed' line; exits 1 on any problem.
"""
import argparse
import csv
import datetime
import io
import json
import os
import re
import sys
from urllib.parse import urlsplit, unquote

import feedparser
import html5lib
import icalendar
from lxml import etree

STATUSES = {"CONFIRMED", "TENTATIVE", "CANCELLED"}
SCHEMA_STATUSES = {"https://schema.org/EventScheduled", "https://schema.org/EventPostponed",
                   "https://schema.org/EventCancelled"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def refresh_target(tree):
    """The URL a page's `<meta http-equiv=refresh>` sends the reader to, or None."""
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "refresh":
            match = re.fullmatch(r"\s*\d+\s*;\s*url=(.+)", meta.get("content") or "", re.IGNORECASE)
            return match.group(1).strip() if match else ""
    return None


def is_redirect_file(path):
    """Whether a built page is an old address (PlanSite writes the refresh tag as it is here)."""
    with open(path, "rb") as handle:
        return b'<meta http-equiv="refresh"' in handle.read()


class Checker:
    def __init__(self, output, base_url, languages):
        self.output = output
        self.base_url = base_url
        self.base_path = urlsplit(base_url).path
        self.languages = languages
        self.problems = []
        self.passed = 0
        # UID -> (DTSTART, DTEND) as first seen, to compare files and languages.
        self.events_by_uid = {}

    def fail(self, where, message):
        self.problems.append(f"{os.path.relpath(where, self.output)}: {message}")

    def ok(self):
        self.passed += 1

    def file_for(self, url):
        """The output file an absolute URL under the base URL names, or None."""
        if not url.startswith(self.base_url):
            return None
        relative = unquote(urlsplit(url).path)[len(self.base_path):]
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        return os.path.join(self.output, relative)

    # iCalendar

    def check_ics_raw(self, path, data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.fail(path, f"not UTF-8: {error}")
            return False
        if not data.endswith(b"\r\n"):
            self.fail(path, "does not end with CRLF")
        lines = data.split(b"\r\n")[:-1]
        for number, line in enumerate(lines, 1):
            if b"\n" in line or b"\r" in line:
                self.fail(path, f"line {number}: a bare LF or CR (lines must end in CRLF)")
            if len(line) > 75:
                self.fail(path, f"line {number}: {len(line)} octets, more than 75")
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                self.fail(path, f"line {number}: folding split a UTF-8 character")
        return True

    def check_ics(self, path):
        with open(path, "rb") as handle:
            data = handle.read()
        if not self.check_ics_raw(path, data):
            return 0
        try:
            calendar = icalendar.Calendar.from_ical(data)
        except Exception as error:
            self.fail(path, f"icalendar cannot parse it: {error}")
            return 0
        for component in calendar.walk():
            for error in getattr(component, "errors", []):
                self.fail(path, f"icalendar: {component.name}: {error}")
        if calendar.get("VERSION") != "2.0" or not calendar.get("PRODID"):
            self.fail(path, "VCALENDAR needs VERSION:2.0 and PRODID")
        zones = {str(zone.get("TZID")) for zone in calendar.walk("VTIMEZONE")}
        events = calendar.walk("VEVENT")
        for event in events:
            self.check_vevent(path, event, zones)
        self.ok()
        return len(events)

    def check_vevent(self, path, event, zones):
        uid = str(event.get("UID", ""))
        where = f"VEVENT {uid or '(no UID)'}"
        for name in ("UID", "DTSTAMP", "SUMMARY", "DTSTART", "URL", "STATUS", "SEQUENCE"):
            if name not in event:
                self.fail(path, f"{where}: no {name}")
        if "DTSTART" not in event:
            return
        stamp = event.decoded("DTSTAMP") if "DTSTAMP" in event else None
        if stamp is not None and (not isinstance(stamp, datetime.datetime) or stamp.utcoffset() != datetime.timedelta(0)):
            self.fail(path, f"{where}: DTSTAMP is not a UTC date-time")
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND") if "DTEND" in event else None
        if isinstance(start, datetime.datetime):
            tzid = event["DTSTART"].params.get("TZID")
            if not tzid or tzid not in zones:
                self.fail(path, f"{where}: DTSTART has TZID {tzid!r} without a matching VTIMEZONE")
            if start.tzinfo is None:
                self.fail(path, f"{where}: timed DTSTART without a time zone")
        elif end is None:
            self.fail(path, f"{where}: an all-day event needs DTEND (the exclusive end date)")
        if end is not None:
            if type(end) is not type(start):
                self.fail(path, f"{where}: DTSTART and DTEND are of different types")
            elif end <= start:
                self.fail(path, f"{where}: DTEND {end} is not after DTSTART {start}")
        if str(event.get("STATUS", "")) not in STATUSES:
            self.fail(path, f"{where}: STATUS {event.get('STATUS')!r} is not one of {sorted(STATUSES)}")
        url = str(event.get("URL", ""))
        target = self.file_for(url)
        if target is None or not os.path.isfile(target):
            self.fail(path, f"{where}: URL {url} is not a page of this site")
        times = (start, end)
        first = self.events_by_uid.setdefault(uid, (times, path))
        if first[0] != times:
            self.fail(path, f"{where}: times {times} differ from {first[0]} in {os.path.relpath(first[1], self.output)}")

    # Atom

    def check_feed(self, language, path, events_in_calendar):
        with open(path, "rb") as handle:
            parsed = feedparser.parse(handle.read())
        if parsed.bozo:
            self.fail(path, f"feedparser: {parsed.bozo_exception}")
            return
        if parsed.version != "atom10":
            self.fail(path, f"feedparser reads it as {parsed.version!r}, not Atom 1.0")
        feed = parsed.feed
        for name in ("id", "title", "updated"):
            if not feed.get(name):
                self.fail(path, f"feed has no {name}")
        if not any(link.get("rel") == "self" and link.get("href") == self.base_url + f"{language}/feed.xml"
                   for link in feed.get("links", [])):
            self.fail(path, "no rel=self link to the feed's own address")
        if len(parsed.entries) != events_in_calendar:
            self.fail(path, f"{len(parsed.entries)} entries, but {language}/calendar.ics has {events_in_calendar} events")
        ids = [entry.get("id") for entry in parsed.entries]
        if len(set(ids)) != len(ids) or not all(ids):
            self.fail(path, "entry ids are missing or repeated")
        stamps = [entry.get("updated_parsed") for entry in parsed.entries]
        if None in stamps:
            self.fail(path, "an entry has no parsable updated")
        elif stamps != sorted(stamps, reverse=True):
            self.fail(path, "entries are not ordered newest change first")
        for entry in parsed.entries:
            target = self.file_for(entry.get("link", ""))
            if target is None or not os.path.isfile(target):
                self.fail(path, f"entry {entry.get('id')}: link {entry.get('link')} is not a page of this site")
            if not entry.get("title") or not entry.get("summary"):
                self.fail(path, f"entry {entry.get('id')}: no title or summary")
        self.ok()

    # Sitemap and robots.txt

    def check_sitemap(self):
        path = os.path.join(self.output, "sitemap.xml")
        try:
            tree = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))
        except (OSError, etree.XMLSyntaxError) as error:
            self.fail(path, f"lxml: {error}")
            return
        root = tree.getroot()
        if root.tag != SITEMAP + "urlset":
            self.fail(path, f"root element is {root.tag}, not the sitemaps.org urlset")
        listed = set()
        for url in root.findall(SITEMAP + "url"):
            loc = (url.findtext(SITEMAP + "loc") or "").strip()
            listed.add(loc)
            target = self.file_for(loc)
            if target is None or not os.path.isfile(target):
                self.fail(path, f"<loc>{loc}</loc> is not a page of this site under {self.base_url}")
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall(XHTML + "link")}
            if loc.rstrip("/") + "/" == self.base_url:
                continue  # the language chooser belongs to no language
            expected = set(self.languages) | {"x-default"}
            if set(alternates) != expected:
                self.fail(path, f"{loc}: alternates {sorted(alternates)}, expected {sorted(expected)}")
            if loc not in alternates.values():
                self.fail(path, f"{loc}: its own language is not among its alternates")
            for href in alternates.values():
                target = self.file_for(href)
                if target is None or not os.path.isfile(target):
                    self.fail(path, f"{loc}: alternate {href} is not a page of this site")
        pages = []
        for folder, _, files in os.walk(self.output):
            for name in files:
                if name == "index.html":
                    relative = os.path.relpath(os.path.join(folder, name), self.output)
                    pages.append(self.base_url + relative[:-len("index.html")].replace(os.sep, "/").lstrip("./"))
        for page in pages:
            is_redirect = is_redirect_file(self.file_for(page))
            if page in listed and is_redirect:
                self.fail(path, f"old address {page} is listed: only the page it leads to belongs there")
            if page not in listed and not is_redirect:
                self.fail(path, f"page {page} is not listed")
        self.ok()
        robots = os.path.join(self.output, "robots.txt")
        try:
            text = open(robots, encoding="utf-8").read()
        except OSError as error:
            self.fail(robots, str(error))
            return
        if f"Sitemap: {self.base_url}sitemap.xml" not in text.splitlines():
            self.fail(robots, f"does not name {self.base_url}sitemap.xml")
        self.ok()

    # Pages: JSON-LD, autodiscovery, calendar links

    def check_page(self, path):
        with open(path, "rb") as handle:
            tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(handle.read())
        relative = os.path.relpath(path, self.output).replace(os.sep, "/")
        parts = relative.split("/")
        language = parts[0] if parts[0] in self.languages else None
        is_event = language is not None and len(parts) == 4 and parts[1] == "events"
        is_area = language is not None and len(parts) == 4 and parts[1] == "areas"
        target = refresh_target(tree)
        if target is not None:
            self.check_redirect(path, tree, target)
            self.ok()
            return

        blocks = []
        for script in tree.iter("script"):
            if script.get("type") != "application/ld+json":
                self.fail(path, f"a <script> of type {script.get('type')!r}: pages carry no scripts")
                continue
            try:
                blocks.append(json.loads(script.text or ""))
            except json.JSONDecodeError as error:
                self.fail(path, f"JSON-LD does not parse: {error}")
        if is_event:
            events = [block for block in blocks if isinstance(block, dict) and block.get("@type") == "Event"]
            if len(events) != 1:
                self.fail(path, f"{len(events)} schema.org Event blocks, expected 1")
            else:
                self.check_event_data(path, events[0], language, relative)
        elif blocks:
            self.fail(path, "JSON-LD on a page that is not an event")

        if language is not None:
            feeds = [link.get("href") for link in tree.iter("link")
                     if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"]
            if feeds != [self.base_path + f"{language}/feed.xml"]:
                self.fail(path, f"feed autodiscovery links {feeds}, expected {self.base_path}{language}/feed.xml")
        if is_event or is_area:
            hrefs = [anchor.get("href", "") for anchor in tree.iter("a")]
            downloads = [href for href in hrefs if href.endswith(".ics") and href.startswith(self.base_path)]
            subscriptions = [href for href in hrefs if href.startswith("webcal://")]
            if not downloads or not subscriptions:
                self.fail(path, "no 'Add to calendar' (.ics) or no 'Subscribe' (webcal://) link")
            for href in downloads:
                if not os.path.isfile(os.path.join(self.output, unquote(href)[len(self.base_path):])):
                    self.fail(path, f"calendar link {href} names no file")
            for href in subscriptions:
                target = self.file_for(urlsplit(self.base_url).scheme + href[len("webcal"):])
                if target is None or not os.path.isfile(target):
                    self.fail(path, f"subscription {href} names no file of this site")
        self.ok()

    def check_redirect(self, path, tree, target):
        robots = [meta.get("content", "") for meta in tree.iter("meta") if meta.get("name") == "robots"]
        if not any("noindex" in content for content in robots):
            self.fail(path, "an old address without <meta name=robots content=noindex>")
        canonical = [link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"]
        if canonical != [urlsplit(self.base_url).scheme + "://" + urlsplit(self.base_url).netloc + target]:
            self.fail(path, f"canonical {canonical} is not the refresh target {target}")
        page = self.file_for(canonical[0]) if canonical else None
        if page is None or not os.path.isfile(page) or is_redirect_file(page):
            self.fail(path, f"refresh target {target} is not a page of this site")

    def check_event_data(self, path, data, language, relative):
        for name in ("@context", "name", "startDate", "eventStatus", "url", "inLanguage"):
            if name not in data:
                self.fail(path, f"JSON-LD Event has no {name}")
        if data.get("@context") != "https://schema.org":
            self.fail(path, "JSON-LD @context is not https://schema.org")
        if data.get("eventStatus") not in SCHEMA_STATUSES:
            self.fail(path, f"eventStatus {data.get('eventStatus')!r} is not a schema.org EventStatusType")
        if data.get("url") != self.base_url + relative[:-len("index.html")]:
            self.fail(path, f"url {data.get('url')} is not this page's address")
        for name in ("startDate", "endDate"):
            value = data.get(name)
            if value is None:
                continue
            try:
                parsed = datetime.datetime.fromisoformat(value) if "T" in value else datetime.date.fromisoformat(value)
            except ValueError:
                self.fail(path, f"{name} {value!r} is not an ISO 8601 date")
                continue
            if isinstance(parsed, datetime.datetime) and parsed.utcoffset() is None:
                self.fail(path, f"{name} {value!r} has no offset")
        mode = data.get("eventAttendanceMode")
        if mode is not None and not re.fullmatch(r"https://schema\.org/(Offline|Online|Mixed)EventAttendanceMode", mode):
            self.fail(path, f"eventAttendanceMode {mode!r} is not a schema.org value")

    PROGRESS_COLUMNS = ["area", "number", "title", "year", "held", "planned", "postponed", "cancelled", "total"]

    def check_progress_csv(self, path):
        """The progress export (issue 21); returns its figures without the titles, or None."""
        if not os.path.isfile(path):
            self.fail(path, "no progress.csv")
            return None
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.fail(path, f"not UTF-8: {error}")
            return None
        if "\n" in text.replace("\r\n", ""):
            self.fail(path, "a line does not end with CRLF")
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        if not rows or rows[0] != self.PROGRESS_COLUMNS:
            self.fail(path, f"header {rows[:1]}, expected {self.PROGRESS_COLUMNS}")
            return None
        figures = []
        for row in rows[1:]:
            if len(row) != len(self.PROGRESS_COLUMNS) or not all(value.isdigit() for value in row[3:]):
                self.fail(path, f"row {row} is not area, number, title, year and five counts")
                continue
            counts = [int(value) for value in row[4:]]
            if sum(counts[:4]) != counts[4]:
                self.fail(path, f"row {row}: the statuses do not add up to the total")
            figures.append([row[0], row[1]] + row[3:])
        self.ok()
        return figures

    def run(self):
        progress = {}
        for language in self.languages:
            progress[language] = self.check_progress_csv(os.path.join(self.output, language, "progress.csv"))
        if len({repr(figures) for figures in progress.values()}) > 1:
            self.fail(self.output, "the languages' progress.csv files give different figures")
        calendars = 0
        for language in self.languages:
            events = 0
            folder = os.path.join(self.output, language)
            for current, _, files in os.walk(folder):
                for name in sorted(files):
                    if name.endswith(".ics"):
                        count = self.check_ics(os.path.join(current, name))
                        calendars += 1
                        if os.path.join(current, name) == os.path.join(folder, "calendar.ics"):
                            events = count
            if not os.path.isfile(os.path.join(folder, "calendar.ics")):
                self.fail(folder, "no calendar.ics")
            self.check_feed(language, os.path.join(folder, "feed.xml"), events)
        uids_by_language = {}
        for language in self.languages:
            path = os.path.join(self.output, language, "calendar.ics")
            if os.path.isfile(path):
                with open(path, "rb") as handle:
                    calendar = icalendar.Calendar.from_ical(handle.read())
                uids_by_language[language] = sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))
        if len({tuple(uids) for uids in uids_by_language.values()}) > 1:
            self.fail(self.output, f"the languages' calendars list different UIDs: {uids_by_language}")
        self.check_sitemap()
        for current, _, files in os.walk(self.output):
            for name in sorted(files):
                if name.endswith(".html"):
                    self.check_page(os.path.join(current, name))
        return calendars


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("output")
    arguments.add_argument("--base-url", required=True)
    arguments.add_argument("--languages", default="en,ru,kk")
    options = arguments.parse_args()
    base_url = options.base_url if options.base_url.endswith("/") else options.base_url + "/"
    checker = Checker(options.output.rstrip("/"), base_url, options.languages.split(","))
    calendars = checker.run()
    for problem in checker.problems:
        print(problem)
    print(f"{calendars} calendars, {len(checker.events_by_uid)} events, "
          f"{checker.passed} passed, {len(checker.problems)} failed")
    sys.exit(1 if checker.problems else 0)


if __name__ == "__main__":
    main()
