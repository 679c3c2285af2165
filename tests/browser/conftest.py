"""Browser tests: Debian's Chromium, driven by Playwright's sync API, against
pytest-django's ``live_server``.

Every page a test opens is watched for what a reader must never meet. The test fails
(at teardown, listing each problem) when the page

- requests anything from a host other than the live server's (no third parties: such
  requests are also blocked, so a test never reaches the network),
- logs a console error (Chromium reports Content Security Policy violations as
  console errors, so these are caught too) or throws an uncaught exception,
- gets a 4xx/5xx answer for a same-origin request the test did not expect.

Each test gets a fresh browser context; ``new_page(**context_options)`` makes pages
with other options (JavaScript disabled, reduced motion, a phone viewport).
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from factory.django import ImageField
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    Route,
    WebError,
    sync_playwright,
)

from articles.models import Article, Keyword, Section, now_to_the_second
from scripts.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

DESKTOP = {"width": 1366, "height": 900}

HERE = Path(__file__).resolve().parent


def _is_browser_test(item: pytest.Item) -> bool:
    return HERE in Path(item.path).resolve().parents


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    # `-m "not browser"` must deselect everything here: refuse an unmarked test.
    unmarked = [
        item.nodeid
        for item in items
        if _is_browser_test(item) and item.get_closest_marker("browser") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "Tests in tests/browser need `pytestmark = pytest.mark.browser`: "
            + ", ".join(unmarked)
        )


class _Chromium:
    """One Playwright driver and Chromium for the session, stopped after the last
    browser test.

    Playwright's sync API keeps an asyncio event loop running in the main thread, so
    Django's ORM (test data, the transactional_db flush) needs
    DJANGO_ALLOW_ASYNC_UNSAFE while it runs. Both the loop and that setting are
    undone as soon as no browser test is left, so the tests that run afterwards
    (pytest-django orders transactional tests before the plain ones) keep Django's
    async-safety checks and can use an event loop of their own.
    """

    def __init__(self) -> None:
        self.playwright: Playwright | None = None
        self.browser: Browser | None = None
        self._saved_env: str | None = None

    def start(self) -> Browser:
        if self.browser is None:
            self._saved_env = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        return self.browser

    def stop(self) -> None:
        if self.browser is not None:
            self.browser.close()
            self.browser = None
        if self.playwright is not None:
            self.playwright.stop()
            self.playwright = None
            if self._saved_env is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = self._saved_env


_chromium = _Chromium()


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    try:
        return (yield)
    finally:
        remaining = item.session.items[item.session.items.index(item) + 1 :]
        if not any(_is_browser_test(other) for other in remaining):
            _chromium.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: run `bash scripts/ensure-system-packages`."
        )
    yield _chromium.start()
    _chromium.stop()


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname or "", parts.port


@dataclass
class PageGuard:
    """What the pages of one test did that a reader must never meet."""

    origin: tuple[str, str, int | None]
    problems: list[str] = field(default_factory=list)
    expected_errors: set[str] = field(default_factory=set)

    def expect_error_status(self, path: str) -> None:
        """The test means to open ``path`` and get a 4xx answer (a 404 page)."""
        self.expected_errors.add(path)

    def is_own(self, url: str) -> bool:
        scheme = urlsplit(url).scheme
        return scheme in {"data", "blob", "about"} or _origin(url) == self.origin

    def on_request(self, request: Request) -> None:
        if not self.is_own(request.url):
            self.problems.append(
                f"request to another host: {request.method} {request.url}"
            )

    def on_response(self, response: Response) -> None:
        if response.status < 400 or not self.is_own(response.url):
            return
        if urlsplit(response.url).path in self.expected_errors:
            return
        self.problems.append(f"HTTP {response.status} for {response.url}")

    def on_console(self, message: ConsoleMessage) -> None:
        text = message.text
        if message.type == "error" or "Content Security Policy" in text:
            # The status line of an expected 404 page is not a problem of its own.
            if "status of 4" in text and self._on_expected_error_page(message):
                return
            where = message.location.get("url", "")
            self.problems.append(
                f"console {message.type}: {text}" + (f" ({where})" if where else "")
            )

    def _on_expected_error_page(self, message: ConsoleMessage) -> bool:
        url = message.location.get("url", "") or (
            message.page.url if message.page else ""
        )
        return urlsplit(url).path in self.expected_errors

    def on_web_error(self, error: WebError) -> None:
        self.problems.append(f"uncaught exception: {error.error}")


@pytest.fixture
def page_guard(live_server) -> PageGuard:
    return PageGuard(origin=_origin(live_server.url))


@pytest.fixture
def new_page(
    browser: Browser, live_server, page_guard: PageGuard
) -> Iterator[Callable[..., Page]]:
    """Make a page in a fresh, watched browser context.

    Keyword arguments go to ``browser.new_context`` (``java_script_enabled``,
    ``reduced_motion``, ``viewport``...). Relative addresses resolve against the live
    server.
    """
    contexts: list[BrowserContext] = []

    def make(**context_options) -> Page:
        options = {"viewport": DESKTOP, "base_url": live_server.url, "locale": "en"}
        options.update(context_options)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        # Block third-party requests before they leave; on_request records them.
        context.route(lambda url: not page_guard.is_own(url), _abort)
        context.on("request", page_guard.on_request)
        context.on("response", page_guard.on_response)
        context.on("console", page_guard.on_console)
        context.on("weberror", page_guard.on_web_error)
        return context.new_page()

    yield make

    for context in contexts:
        context.close()
    if page_guard.problems:
        pytest.fail(
            "The pages did what readers must never meet:\n- "
            + "\n- ".join(dict.fromkeys(page_guard.problems)),
            pytrace=False,
        )


def _abort(route: Route) -> None:
    route.abort("blockedbyclient")


@pytest.fixture
def page(new_page) -> Page:
    """A desktop-sized page in a fresh browser context, JavaScript on."""
    return new_page()


@dataclass
class Newsroom:
    sections: list[Section]
    keywords: list[Keyword]
    articles: list[Article]  # newest first
    breaking: Article


def _photo(color: str) -> ImageField:
    return ImageField(width=1200, height=675, color=color, format="JPEG")


@pytest.fixture
def newsroom(transactional_db) -> Newsroom:
    """A small published newsroom: sections, keywords, 15 articles, one breaking.

    Created in the test's thread with transactional_db, so the live server's thread
    sees it. The breaking story is the newest (the front page's lead), has a photo
    and two keywords, one of them Arabic (a Unicode slug in the address).
    """
    sections = [
        SectionFactory(name=name)
        for name in ["News", "Economy", "Society", "Culture", "Opinion"]
    ]
    water = KeywordFactory(name="Water")
    aleppo = KeywordFactory(name="حلب", slug="حلب")
    schools = KeywordFactory(name="Schools")
    keywords = [water, aleppo, schools]
    articles = [
        ArticleFactory(
            title=f"Council publishes the district budget, part {number}",
            section=sections[number % len(sections)],
            keywords=[keywords[number % len(keywords)]],
            **({"image": _photo("#b1a58a")} if number == 3 else {}),
        )
        for number in range(1, 15)
    ]
    breaking = ArticleFactory(
        title="Pumps restart at the western water station after eight months",
        lead=(
            "Engineers restarted the main pumps this morning; taps in six districts "
            "should run for four hours a day from the end of the week."
        ),
        section=sections[0],
        keywords=[water, aleppo],
        is_breaking=True,
        published_at=now_to_the_second() - timedelta(seconds=20),
        image=_photo("#8aa1b1"),
        image_alt="The pumping station by the river",
        image_caption="The western pumping station draws from the river.",
        image_credit="Photo: Newsroom",
    )
    return Newsroom(
        sections=sections,
        keywords=keywords,
        articles=[breaking, *articles],
        breaking=breaking,
    )
