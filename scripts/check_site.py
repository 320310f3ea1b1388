#!/usr/bin/env python3
"""Checks a built PlanSite output folder the way a browser and a crawler see it.

Usage: check_site.py OUTPUT_FOLDER [--base-path /plan/] [--languages en,ru,kk]

- every HTML page parses with html5lib in strict mode (any HTML parse error fails);
- every page has <html lang>, a <title>, one <h1>, hreflang alternates for each language
  plus x-default, and a language switcher link to each language;
- every internal link and stylesheet (href/src starting with the base path) resolves to a
  file in the output folder, and every #fragment to an id on the target page;
- no page loads anything from another host (no src= or stylesheet href= to http(s)://);
- every picture (issue 19): each `srcset` candidate resolves to a file, every <img> has alt,
  width and height, and `og:image` names a file of the site;
- a renamed item's old address (a page with a meta refresh) sends the reader to a page of the
  site, names it as canonical, is `noindex`, and links to it in its text for readers whose
  browser does not follow the refresh.
Prints one line per problem and a closing 'N passed, N failed' line; exits 1 on any problem.
"""
import argparse
import os
import re
import sys
from urllib.parse import urlsplit, unquote

import html5lib


def load(path):
    with open(path, "rb") as handle:
        data = handle.read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(data)


def target_file(output, base_path, href):
    path = unquote(urlsplit(href).path)
    if not path.startswith(base_path):
        return None
    relative = path[len(base_path):]
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return os.path.join(output, relative)


def redirect_problems(tree, output, base_path):
    """For an old address (a page with `<meta http-equiv=refresh>`): what is wrong with it."""
    refresh = [meta.get("content") or "" for meta in tree.iter("meta")
               if (meta.get("http-equiv") or "").lower() == "refresh"]
    if not refresh:
        return []
    match = re.fullmatch(r"\s*0\s*;\s*url=(.+)", refresh[0], re.IGNORECASE)
    if not match:
        return [f"meta refresh {refresh[0]!r} is not '0; url=…'"]
    target = match.group(1).strip()
    problems = []
    page = target_file(output, base_path, target)
    if page is None or not os.path.isfile(page):
        problems.append(f"meta refresh to {target}, which is no page of this site")
    canonical = [link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"]
    if len(canonical) != 1 or urlsplit(canonical[0]).path != target:
        problems.append(f"canonical {canonical} does not name the refresh target {target}")
    if not any("noindex" in (meta.get("content") or "") for meta in tree.iter("meta") if meta.get("name") == "robots"):
        problems.append("no <meta name=robots content=noindex>")
    main = tree.find(".//main")
    if main is None or not any(a.get("href") == target and "".join(a.itertext()).strip() for a in main.iter("a")):
        problems.append(f"no link with text to {target} in <main> for readers without refresh")
    return problems


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("output")
    arguments.add_argument("--base-path", default="/plan/")
    arguments.add_argument("--languages", default="en,ru,kk")
    options = arguments.parse_args()
    languages = options.languages.split(",")
    output = options.output.rstrip("/")
    base = options.base_path

    pages = []
    for folder, _, files in os.walk(output):
        pages += [os.path.join(folder, name) for name in files if name.endswith(".html")]
    pages.sort()

    trees, ids, problems = {}, {}, []
    for page in pages:
        try:
            trees[page] = load(page)
        except Exception as error:  # html5lib.html5parser.ParseError and decoding errors
            problems.append(f"{page}: HTML parse error: {error}")
            continue
        ids[page] = {element.get("id") for element in trees[page].iter() if element.get("id")}

    checked_links = 0
    for page, tree in trees.items():
        problems += [f"{page}: {problem}" for problem in redirect_problems(tree, output, base)]
        html = tree if tree.tag == "html" else tree.find("html")
        if html is None or not html.get("lang"):
            problems.append(f"{page}: no <html lang>")
        if tree.find(".//title") is None or not (tree.find(".//title").text or "").strip():
            problems.append(f"{page}: no <title>")
        if len(tree.findall(".//h1")) != 1:
            problems.append(f"{page}: {len(tree.findall('.//h1'))} <h1> elements, expected 1")
        is_language_page = os.path.relpath(page, output).split(os.sep)[0] in languages
        if is_language_page:
            hreflangs = sorted(link.get("hreflang") for link in tree.iter("link") if link.get("rel") == "alternate" and link.get("hreflang"))
            if hreflangs != sorted(languages + ["x-default"]):
                problems.append(f"{page}: hreflang alternates {hreflangs}")
            switcher = {a.get("hreflang") for a in tree.iter("a") if a.get("hreflang")}
            if not set(languages) <= switcher:
                problems.append(f"{page}: language switcher lacks {sorted(set(languages) - switcher)}")
        for element in tree.iter():
            if element.tag == "img":
                for attribute in ("alt", "width", "height"):
                    if element.get(attribute) is None and not (attribute != "alt" and element.get("src", "").endswith(".svg")):
                        problems.append(f"{page}: <img src={element.get('src')}> has no {attribute}")
            for candidate in (element.get("srcset") or "").split(","):
                url = candidate.strip().split(" ")[0]
                if not url:
                    continue
                checked_links += 1
                if urlsplit(url).netloc:
                    problems.append(f"{page}: loads {url} from another host")
                elif (target := target_file(output, base, url)) is None or not os.path.isfile(target):
                    problems.append(f"{page}: srcset {url} goes to no file")
            if element.tag == "meta" and element.get("property") == "og:image":
                path = urlsplit(element.get("content", "")).path
                target = target_file(output, base, path)
                checked_links += 1
                if target is None or not os.path.isfile(target):
                    problems.append(f"{page}: og:image {element.get('content')} goes to no file")
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if not value:
                    continue
                loads = element.tag in ("img", "script", "iframe", "source", "video", "audio") or (
                    element.tag == "link" and element.get("rel") in ("stylesheet", "icon", "preload"))
                if loads and urlsplit(value).scheme in ("http", "https", ""):
                    if urlsplit(value).netloc:
                        problems.append(f"{page}: loads {value} from another host")
                if element.tag == "link" and element.get("rel") in ("alternate", "canonical"):
                    continue
                if value.startswith("#"):
                    if value[1:] and unquote(value[1:]) not in ids[page]:
                        problems.append(f"{page}: fragment {value} has no target on the page")
                    checked_links += 1
                    continue
                target = target_file(output, base, value)
                if target is None:
                    continue
                checked_links += 1
                if not os.path.isfile(target):
                    problems.append(f"{page}: link {value} goes to no file")
                    continue
                fragment = urlsplit(value).fragment
                if fragment and target in ids and unquote(fragment) not in ids[target]:
                    problems.append(f"{page}: link {value}: no id '{fragment}' on the target page")

    for problem in problems:
        print(problem)
    failed = len(problems)
    print(f"checked {len(pages)} pages and {checked_links} internal links in {output}")
    print(f"{len(pages) - len({p.split(':')[0] for p in problems})} passed, {len({p.split(':')[0] for p in problems})} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
