"""A built PlanSite folder served on loopback and a headless Chromium to read it with.

Shared by check_quality.py and screenshots.py. The site is served the way a host would serve it
under its base path (`/plan/` for `--base-url https://host/plan/`), with 404.html for missing
files, so that every absolute link the builder wrote works in the browser.
"""
import contextlib
import functools
import http.server
import os
import shutil
import threading
from urllib.parse import unquote, urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

LANGUAGE_PAGE_KINDS = ("home", "documents", "document", "areas", "area", "event", "calendar", "progress")
SITE_PAGE_KINDS = ("chooser", "404")


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `folder` at `base_path`; anything else, or a missing file, gets 404.html."""

    def __init__(self, *arguments, folder, base_path, **keywords):
        self.folder = folder
        self.base_path = base_path
        super().__init__(*arguments, directory=folder, **keywords)

    def translate_path(self, path):
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.base_path):
            return os.path.join(self.folder, "\0missing")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_head(self):
        if not os.path.exists(self.translate_path(self.path)):
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            return open(os.path.join(self.folder, "404.html"), "rb")
        return super().send_head()

    def log_message(self, *arguments):
        pass  # one line per request would bury the findings


@contextlib.contextmanager
def served(folder, base_path):
    """Yields the site's root URL (`http://127.0.0.1:PORT/plan/`) while a server thread runs."""
    handler = functools.partial(_SubPathHandler, folder=os.path.abspath(folder), base_path=base_path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


def page_kind(relative_path, languages):
    """The kind of page a file is, from where the builder writes it (docs/CONTENT.md, Output)."""
    parts = relative_path.split(os.sep)
    if parts == ["index.html"]:
        return "chooser"
    if parts == ["404.html"]:
        return "404"
    if parts[0] not in languages or parts[-1] != "index.html":
        return None
    inner = parts[1:-1]
    if not inner:
        return "home"
    if inner == ["calendar"]:
        return "calendar"
    if inner == ["progress"]:
        return "progress"
    if inner[0] in ("documents", "areas"):
        return inner[0] if len(inner) == 1 else inner[0][:-1]
    if inner[0] == "events" and len(inner) == 2:
        return "event"
    return None


def site_pages(folder, languages):
    """Every HTML page of the built site as (relative path, kind, language), sorted by path."""
    pages = []
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".html"):
                relative = os.path.relpath(os.path.join(directory, name), folder)
                language = relative.split(os.sep)[0] if relative.split(os.sep)[0] in languages else None
                pages.append((relative, page_kind(relative, languages), language))
    return sorted(pages)


def page_url(root_url, relative_path):
    """The URL a reader would follow: a folder URL for `x/index.html`."""
    path = relative_path.replace(os.sep, "/")
    if path == "index.html":
        return root_url
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return root_url + path


def start_chromium(width=1280, height=900):
    """Headless Debian chromium through Debian's chromium-driver (no driver download)."""
    browser, driver_path = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
    if not browser or not driver_path:
        # Without both, Selenium would try to download a browser and driver from the Internet.
        raise SystemExit("needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking", f"--window-size={width},{height}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_script_timeout(120)
    return driver


def set_viewport(driver, width, height, mobile):
    """Emulates a screen of this CSS size; `mobile` honours `<meta name=viewport>` as a phone does."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def set_media(driver, scheme, media=""):
    """Emulates `prefers-color-scheme` (light or dark) and, optionally, the `print` media type."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})
