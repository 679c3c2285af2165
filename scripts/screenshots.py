"""Full-page screenshots of the reader pages at a phone's and a desktop's width.

    DJANGO_DEBUG=1 .venv/bin/python scripts/screenshots.py \\
        --base-url http://127.0.0.1:8000 --out test-artifacts/screenshots

Point it at a running site (``make run`` serves the demo content). It opens the home
page, follows the first article, the first section in the navigation and the first
keyword of an article, adds an address that does not exist (the 404 page), and saves
``<page>-<width>.png`` for each at 390 and 1366 pixels wide. Debian's Chromium runs
with the browser tests' settings (scripts/browser/chromium.py).

Like the browser tests, it reports what a reader must never meet: requests to other
hosts (blocked), console errors (Content Security Policy violations included) and
uncaught exceptions. It exits 1 when a page cannot be found or opened, and 2 when
the pages had such problems (the screenshots are still written).
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

VIEWPORTS = {390: 844, 1366: 900}
NOT_FOUND_PATH = "/this-page-does-not-exist/"
# Front-page headlines first, the ticker's after them.
ARTICLE_LINKS = [".lead-title a, .teaser-title a", "[data-ticker] a"]
SECTION_LINKS = ".section-nav a"
KEYWORD_LINKS = ".article-keywords a"
# How many articles to open, at most, looking for one with keywords.
ARTICLES_TO_TRY = 10


class Watch:
    """Collects what the pages did that a reader must never meet."""

    def __init__(self, base_url: str) -> None:
        self.origin = _origin(base_url)
        self.problems: list[str] = []
        self.current = ""

    def is_own(self, url: str) -> bool:
        return urlsplit(url).scheme in {"data", "blob", "about"} or (
            _origin(url) == self.origin
        )

    def note(self, problem: str) -> None:
        self.problems.append(f"{self.current}: {problem}")

    def on_request(self, request) -> None:
        if not self.is_own(request.url):
            self.note(f"request to another host: {request.method} {request.url}")

    def on_console(self, message: ConsoleMessage) -> None:
        text = message.text
        if message.type != "error" and "Content Security Policy" not in text:
            return
        where = message.location.get("url") or ""
        if "status of 404" in text and urlsplit(where).path == NOT_FOUND_PATH:
            return  # the 404 page's own status line
        self.note(f"console {message.type}: {text} {where}".rstrip())

    def on_web_error(self, error) -> None:
        self.note(f"uncaught exception: {error.error}")


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname or "", parts.port


def new_page(browser: Browser, watch: Watch, width: int) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": VIEWPORTS[width]}, locale="en"
    )
    context.route(lambda url: not watch.is_own(url), lambda route: route.abort())
    context.on("request", watch.on_request)
    context.on("console", watch.on_console)
    context.on("weberror", watch.on_web_error)
    return context.new_page()


def links(page: Page, selector: str) -> list[str]:
    hrefs = page.locator(selector).evaluate_all("links => links.map(a => a.href)")
    return list(dict.fromkeys(hrefs))


def discover(page: Page, base_url: str) -> dict[str, str]:
    """The addresses to photograph, found by following the home page's links."""
    home = urljoin(base_url, "/")
    open_ok(page, home)
    home = page.url  # after any redirect (a language prefix, say)
    articles = list(
        dict.fromkeys(url for css in ARTICLE_LINKS for url in links(page, css))
    )
    if not articles:
        raise SystemExit(f"No article links on {home}: is there published content?")
    home_path = urlsplit(home).path
    sections = [
        url for url in links(page, SECTION_LINKS) if urlsplit(url).path != home_path
    ]
    if not sections:
        raise SystemExit(f"No section links in the navigation of {home}.")

    keyword = None
    for article in articles[:ARTICLES_TO_TRY]:
        open_ok(page, article)
        keywords = links(page, KEYWORD_LINKS)
        if keywords:
            keyword = keywords[0]
            break
    if keyword is None:
        raise SystemExit(f"None of the first {ARTICLES_TO_TRY} articles has keywords.")

    return {
        "home": home,
        "article": articles[0],
        "section": sections[0],
        "keyword": keyword,
        "not-found": urljoin(base_url, NOT_FOUND_PATH),
    }


def open_ok(page: Page, url: str, status: int = 200) -> None:
    try:
        response = page.goto(url, wait_until="load")
    except PlaywrightError as error:
        raise SystemExit(f"Could not open {url}: {error}") from error
    if response is None or response.status != status:
        got = response.status if response else "no response"
        raise SystemExit(f"{url} answered {got}, expected {status}.")


def settle(page: Page) -> None:
    """Scroll to the bottom and back so lazy images load, then wait for them."""
    height = page.evaluate("() => document.documentElement.scrollHeight")
    step = page.evaluate("() => window.innerHeight")
    for y in range(0, height + step, step):
        page.evaluate("y => window.scrollTo(0, y)", y)
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    page.evaluate(
        "() => Promise.all([...document.images].map(img => img.complete ? null :"
        " new Promise(done => { img.onload = img.onerror = done; })))"
    )
    page.evaluate("() => window.scrollTo(0, 0)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path("test-artifacts/screenshots"))
    options = parser.parse_args(argv)
    base_url = options.base_url.rstrip("/") + "/"
    options.out.mkdir(parents=True, exist_ok=True)

    watch = Watch(base_url)
    written: list[Path] = []
    notes: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            watch.current = "discovery"
            finder = new_page(browser, watch, max(VIEWPORTS))
            pages = discover(finder, base_url)
            finder.context.close()
            for width in VIEWPORTS:
                page = new_page(browser, watch, width)
                for name, url in pages.items():
                    watch.current = f"{name}-{width}"
                    open_ok(page, url, status=404 if name == "not-found" else 200)
                    if name == "not-found" and "DEBUG = True" in page.content():
                        notes.append(
                            "The server runs with DEBUG on: the not-found shots show "
                            "Django's debug page, not templates/404.html."
                        )
                    settle(page)
                    path = options.out / f"{name}-{width}.png"
                    # Stopped animations: the ticker stands at its start in each shot.
                    page.screenshot(path=path, full_page=True, animations="disabled")
                    written.append(path)
                page.context.close()
        finally:
            browser.close()

    for name, url in pages.items():
        print(f"{name:10} {url}")
    for path in written:
        print(f"wrote {path}")
    for note in dict.fromkeys(notes):
        print(f"note: {note}", file=sys.stderr)
    if watch.problems:
        print("\nProblems a reader would meet:", file=sys.stderr)
        for problem in dict.fromkeys(watch.problems):
            print(f"- {problem}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
