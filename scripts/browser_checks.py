"""Checks run on a page loaded in Chromium: axe-core, horizontal scrolling, keyboard focus,
what the page fetched, and what the print sheet hides.

Each function takes a Selenium driver on a loaded page and returns a list of problems.
"""
import base64
import importlib.util
import os
import re

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Best-practice rules outside those tags that the issue asks for by name (skip link, landmarks,
# headings in order, one h1); axe runs them in addition to every rule of the tags.
AXE_EXTRA_RULES = ["heading-order", "page-has-heading-one", "landmark-one-main", "landmark-unique",
                   "region", "skip-link", "bypass"]
# At phone width: links and buttons big enough, or far enough apart, to tap (WCAG 2.2 AA 2.5.8).
PHONE_RULES = ["target-size"]
FOCUS_MIN_CONTRAST = 3  # WCAG 2.1 SC 1.4.11: a focus indicator is a user-interface component
PRINT_HIDDEN = (".skip-link", ".site-header", ".site-nav", ".languages", ".site-footer")  # on a document page


def axe_source():
    """axe.min.js as shipped in PyPI's axe-playwright-python (never downloaded, never committed)."""
    package = importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0]
    with open(os.path.join(package, "axe.min.js"), encoding="utf-8") as handle:
        return handle.read()


def axe_violations(driver, source, rules=None):
    """[(rule id, impact, help, [selectors])] for the WCAG 2.1 A/AA tags (or only `rules`)."""
    if rules:
        options = {"runOnly": {"type": "rule", "values": rules}}
    else:
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS},
                   "rules": {rule: {"enabled": True} for rule in AXE_EXTRA_RULES}}
    driver.execute_script(source)
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, arguments[0])
          .then(r => done(r.violations.map(v => [v.id, v.impact, v.help,
                 v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' -- ' + n.failureSummary.split('\\n').slice(1).join(' ').trim() : ''))])))
          .catch(e => done([['axe-error', 'critical', String(e), []]]));
    """, options)
    return [tuple(violation) for violation in result]


def horizontal_overflow(driver, width):
    """Problems when the page scrolls sideways, naming the widest elements that stick out."""
    culprits = driver.execute_script("""
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return null;
        const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
            [...e.classList].map(c => '.' + c).join('');
        const out = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .map(e => name(e) + ' ends at ' + Math.round(e.getBoundingClientRect().right) + 'px');
        return [document.documentElement.scrollWidth, out.slice(-4)];
    """)
    if culprits is None:
        return []
    scroll_width, elements = culprits
    return [f"scrolls sideways at {width} px (content {scroll_width} px wide): {'; '.join(elements)}"]


def _rgb(color):
    values = [float(v) for v in re.findall(r"[\d.]+", color)]
    return values[:3] if len(values) >= 3 else [255.0, 255.0, 255.0]


def _luminance(rgb):
    channels = [(c / 255) / 12.92 if c / 255 <= 0.03928 else (((c / 255) + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(first, second):
    lighter, darker = sorted((_luminance(_rgb(first)), _luminance(_rgb(second))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


_FOCUS_STYLES = """
    const name = e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join('');
    const behind = e => {
        for (let p = e.parentElement; p; p = p.parentElement) {
            const c = getComputedStyle(p).backgroundColor;
            if (c && !/^rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return c;
        }
        return matchMedia('(prefers-color-scheme: dark)').matches ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)';
    };
    const shown = [];
    for (const e of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')) {
        e.focus({preventScroll: true});
        if (document.activeElement !== e) continue;
        const s = getComputedStyle(e);
        shown.push([name(e) + ' "' + e.textContent.trim().slice(0, 30) + '"', s.outlineStyle,
                    parseFloat(s.outlineWidth), s.outlineColor, behind(e)]);
    }
    return shown;
"""
_FIRST_FOCUS = """
    const e = document.activeElement, r = e.getBoundingClientRect();
    return e.classList.contains('skip-link') && r.width > 1 && r.top >= 0 && r.bottom <= innerHeight;
"""


def focus_problems(driver):
    """The first Tab shows the skip link, and Enter on it moves focus to <main>; every focusable
    element, focused after a key press (so :focus-visible applies), gets an outline of at least
    2 px with 3:1 contrast against what is behind it. One problem per kind of element."""
    problems = []
    ActionChains(driver).send_keys(Keys.TAB).perform()
    if not driver.execute_script(_FIRST_FOCUS):
        problems.append("the first Tab does not show a skip link")
    seen = set()
    for name, style, width, color, background in driver.execute_script(_FOCUS_STYLES):
        kind = name.split(' "')[0]
        if kind in seen:
            continue
        if style == "none" or width < 2:
            problems.append(f"no visible focus outline on {name}")
            seen.add(kind)
        elif contrast(color, background) < FOCUS_MIN_CONTRAST:
            problems.append(f"focus outline {color} on {background} is {contrast(color, background):.2f}:1 on {name}")
            seen.add(kind)
    driver.execute_script("const skip = document.querySelector('.skip-link'); if (skip) skip.focus()")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    if driver.execute_script("return document.activeElement && document.activeElement.id") != "main":
        problems.append("the skip link does not move focus to <main id=main>")
    return problems


_TEXT_IN_OTHER_SCRIPT = """
    // Latin text of three words or more where the marked language is written in Cyrillic, or
    // Cyrillic words where it is English: text in another language without its own lang.
    const scripts = {en: /[\\u0400-\\u04FF]{2,}(\\s+[\\u0400-\\u04FF]{2,})+/,
                     ru: /[A-Za-z]{2,}(\\s+[A-Za-z]{2,}){2,}/, kk: /[A-Za-z]{2,}(\\s+[A-Za-z]{2,}){2,}/};
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('script')) continue;  // JSON-LD data, never shown
        const owner = node.parentElement.closest('[lang]');
        const lang = owner ? owner.lang.split('-')[0] : '';
        const match = scripts[lang] && node.textContent.match(scripts[lang]);
        if (match) found.push(`"${match[0].slice(0, 40)}" in <${node.parentElement.tagName.toLowerCase()}> marked lang=${lang}`);
    }
    return found.slice(0, 5);
"""


def unmarked_language(driver):
    """Text in another script than its marked language: fallback text without its own lang."""
    return [f"text in another language without lang: {found}" for found in driver.execute_script(_TEXT_IN_OTHER_SCRIPT)]


def foreign_loads(driver, root_url):
    """Every resource the page fetched (performance timeline) must come from the site's own origin."""
    origin = "/".join(root_url.split("/")[:3]) + "/"
    names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return [f"fetched {name} from another host" for name in names if not name.startswith(origin)]


def print_problems(driver):
    """Printing a document shows the document alone: no header, menus or footer."""
    shown = driver.execute_script("""
        return arguments[0].filter(s => [...document.querySelectorAll(s)]
            .some(e => getComputedStyle(e).display !== 'none'));
    """, list(PRINT_HIDDEN))
    return [f"{selector} is printed" for selector in shown]


def printed_pages(driver):
    """How Chromium prints the page with the page size its CSS asks for: (pages, [width, height]
    of the first in points), read from the PDF's page objects and media box."""
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return pages, [round(float(value)) for value in box.groups()] if box else []


def progress_print_problems(driver):
    """The progress page prints on one A4 landscape page (842 x 595 points), as a report's annex."""
    pages, size = printed_pages(driver)
    problems = [f"printed on {pages} pages, not one"] if pages != 1 else []
    return problems + ([f"printed on {size[0]} x {size[1]} pt, not A4 landscape"] if size != [842, 595] else [])
