"""Checks on the built files themselves: weight, and that nothing comes from another host.

Each function takes a file's path and returns a list of problems (strings); an empty list means the check passed.
"""
import os
import re
from urllib.parse import urlsplit

import html5lib

HTML_LIMIT = 30_000  # bytes per page (issue 4: "each HTML page under 30 KB")
CSS_LIMIT = 20_000   # bytes per stylesheet ("the CSS under 20 KB")

# Link relations that make a browser fetch the target; alternate, canonical etc. only name it.
FETCHING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
LOADING_ATTRIBUTES = ("src", "srcset", "data", "poster")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)


def is_remote(url):
    """True for a URL that names another host (`https://…`, `//host/…`); data: and paths are local."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def size_problem(path):
    limit = CSS_LIMIT if path.endswith(".css") else HTML_LIMIT
    size = os.path.getsize(path)
    return [f"{size} bytes, limit {limit}"] if size >= limit else []


def page_problems(path):
    """No script, no event handler, no javascript: URL, nothing fetched from another host."""
    with open(path, "rb") as handle:
        tree = html5lib.parse(handle.read(), namespaceHTMLElements=False)
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        # A JSON-LD block is data for search engines, not a program: browsers never run it.
        if element.tag == "script" and element.get("type") != "application/ld+json":
            problems.append("has a <script> (the site needs no JavaScript)")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"<{element.tag} {name}> runs script")
            if name in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                problems.append(f"<{element.tag} {name}=\"{value}\"> runs script")
            if name == "style" and any(is_remote(url or imported) for url, imported in CSS_URL.findall(value)):
                problems.append(f"<{element.tag} style> loads from another host")
        rels = set((element.get("rel") or "").lower().split())
        loaded = [element.get(name) for name in LOADING_ATTRIBUTES if name != "srcset" and element.get(name)]
        loaded += [part.split()[0] for part in (element.get("srcset") or "").split(",") if part.strip()]
        if element.tag == "link" and rels & FETCHING_RELS and element.get("href"):
            loaded.append(element.get("href"))
        problems += [f"<{element.tag}> loads {url} from another host" for url in loaded if is_remote(url)]
    return problems


def stylesheet_problems(path):
    with open(path, encoding="utf-8") as handle:
        css = handle.read()
    return [f"loads {url or imported} from another host"
            for url, imported in CSS_URL.findall(css) if is_remote(url or imported)]
