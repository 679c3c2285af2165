"""What a reader's first view of the front page and an article transfers.

    .venv/bin/python scripts/page-weight.py --base-url http://127.0.0.1:8000

Point it at a running site (``make run`` serves the demo content). It opens the
front page and its lead article (or the ``--path`` addresses given) in Debian's
Chromium, each in a fresh browser context, at a phone's width (390 px, device
pixel ratios 1 and 3) and a desktop's (1366 px, ratios 1 and 2), and prints every
response with its size counted as production sends it: text gzip-compressed,
images as they are (see scripts/browser/page_weight.py, which the page-weight test
uses too). It exits 2 when a view is over the 100 KB budget, 1 when a page cannot
be opened.
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scripts.browser.page_weight import KB, measure_first_view  # noqa: E402

BUDGET = 100 * KB
VIEWS = [
    ({"width": 390, "height": 844}, 1),
    ({"width": 390, "height": 844}, 3),
    ({"width": 1366, "height": 900}, 1),
    ({"width": 1366, "height": 900}, 2),
]
LEAD_LINK = ".lead-title a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument(
        "--path",
        action="append",
        help="an address to measure (repeatable); default: the front page and its "
        "lead article",
    )
    args = parser.parse_args(argv)
    base = args.base_url.rstrip("/") + "/"
    over = False
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            urls = [urljoin(base, path) for path in args.path or []]
            if not urls:
                urls = _front_page_and_lead(browser, base)
            for url in urls:
                for viewport, scale in VIEWS:
                    context = browser.new_context(
                        viewport=viewport, device_scale_factor=scale
                    )
                    try:
                        view = measure_first_view(context.new_page(), url)
                    except (PlaywrightError, RuntimeError) as error:
                        print(f"could not open {url}: {error}", file=sys.stderr)
                        return 1
                    finally:
                        context.close()
                    print(view.breakdown(BUDGET), end="\n\n")
                    over = over or view.total > BUDGET
        finally:
            browser.close()
    return 2 if over else 0


def _front_page_and_lead(browser, base: str) -> list[str]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base)
        lead = page.locator(LEAD_LINK).first.get_attribute("href")
        return [page.url, urljoin(page.url, lead)] if lead else [page.url]
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())
