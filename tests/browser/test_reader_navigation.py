"""A reader's way through the site, and the latest-news ticker's manners.

ticker.js appends an aria-hidden copy of every headline so that the line can loop;
role-based locators skip aria-hidden elements, so they find each original once.
"""

import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from articles.selectors import TICKER_COUNT

pytestmark = pytest.mark.browser


def path_of(page: Page) -> str:
    return unquote(urlsplit(page.url).path)


def css(locator: Locator, name: str) -> str:
    return locator.evaluate("(el, name) => getComputedStyle(el)[name]", name)


def test_reader_follows_a_ticker_headline_then_a_keyword(page, newsroom):
    article = newsroom.breaking
    page.goto("/")
    ticker = page.locator("[data-ticker]")
    expect(ticker).to_have_class(re.compile(r"\bis-animated\b"))

    # A moving link is a poor target: stop the line first, as a reader would.
    page.get_by_role("button", name="Pause the ticker").click()
    ticker.get_by_role("link", name=article.title).click()

    expect(page).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)

    keyword = next(k for k in newsroom.keywords if k.name == "حلب")
    keywords = page.locator("p.article-keywords", has_text="Keywords:")
    keywords.get_by_role("link", name=keyword.name).click()

    page.wait_for_url(re.compile(r"/keywords/"))
    assert path_of(page) == unquote(keyword.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(keyword.name)
    listing = page.locator(".listing")
    expect(listing.get_by_role("link", name=article.title)).to_have_count(1)
    expect(listing.get_by_role("heading", level=3)).to_have_count(
        keyword.articles.count()
    )


def test_without_javascript_the_ticker_is_a_readable_list_of_links(new_page, newsroom):
    page = new_page(java_script_enabled=False)
    page.goto("/")
    ticker = page.locator("[data-ticker]")
    items = ticker.locator(".ticker-item")
    count = min(TICKER_COUNT, len(newsroom.articles))

    # Each headline once, none hidden from assistive technology, nothing moving.
    expect(items).to_have_count(count)
    expect(ticker.get_by_role("link")).to_have_count(count)
    expect(ticker.locator("[aria-hidden]")).to_have_count(0)
    expect(page.locator(".ticker-toggle")).to_have_count(0)
    expect(ticker).not_to_have_class(re.compile(r"\bis-animated\b"))
    expect(ticker.locator(".ticker-track")).to_have_css("animation-name", "none")
    expect(items.first).to_contain_text("Breaking")
    expect(items.first.get_by_role("link")).to_have_text(newsroom.breaking.title)

    # The line is wider than the screen and scrolls sideways to its last headline.
    expect(ticker).to_have_css("overflow-x", "auto")
    last = ticker.get_by_role("link").last
    expect(last).not_to_be_in_viewport()
    last.scroll_into_view_if_needed()
    expect(last).to_be_in_viewport()

    # And the page works: a headline leads to its article.
    title = last.inner_text()
    last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".masthead-name")).to_be_visible()


def test_reduced_motion_keeps_the_ticker_still(new_page, newsroom):
    page = new_page(reduced_motion="reduce")
    page.goto("/")
    ticker = page.locator("[data-ticker]")
    track = ticker.locator(".ticker-track")

    expect(track).to_have_css("animation-name", "none")
    expect(ticker.locator("[aria-hidden]")).to_have_count(0)
    expect(page.locator(".ticker-toggle")).to_have_count(0)
    first = ticker.get_by_role("link").first
    before = first.bounding_box()
    page.wait_for_timeout(600)
    assert first.bounding_box() == before


def test_ticker_stops_when_the_reader_turns_on_reduced_motion(page, newsroom):
    page.goto("/")
    track = page.locator("[data-ticker] .ticker-track")
    expect(track).to_have_css("animation-name", "np-ticker")

    page.emulate_media(reduced_motion="reduce")
    expect(track).to_have_css("animation-name", "none")


def test_ticker_pauses_on_hover_and_on_focus(page, newsroom):
    page.goto("/")
    ticker = page.locator("[data-ticker]")
    track = ticker.locator(".ticker-track")
    expect(track).to_have_css("animation-name", "np-ticker")
    expect(track).to_have_css("animation-play-state", "running")

    ticker.hover()
    expect(track).to_have_css("animation-play-state", "paused")
    page.locator("main").hover()
    expect(track).to_have_css("animation-play-state", "running")

    # Keyboard focus stops the line altogether, so the focused headline can be
    # scrolled fully into view; it moves again once focus leaves.
    ticker.get_by_role("link").nth(1).focus()
    expect(track).to_have_css("animation-name", "none")
    page.locator("main").focus()
    expect(track).to_have_css("animation-name", "np-ticker")
    expect(track).to_have_css("animation-play-state", "running")


def test_ticker_pause_button_stops_and_restarts_the_line(page, newsroom):
    page.goto("/")
    ticker = page.locator("[data-ticker]")
    track = ticker.locator(".ticker-track")
    toggle = page.get_by_role("button", name="Pause the ticker")
    expect(toggle).to_have_attribute("aria-pressed", "false")

    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(ticker).to_have_class(re.compile(r"\bis-paused\b"))
    # The mouse and the focus are on the button, outside the moving line.
    expect(track).to_have_css("animation-play-state", "paused")

    toggle.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(track).to_have_css("animation-play-state", "running")

    toggle.press("Space")
    expect(toggle).to_have_attribute("aria-pressed", "true")


def test_ticker_copies_are_hidden_from_assistive_technology_and_tab_order(
    page, newsroom
):
    page.goto("/")
    ticker = page.locator("[data-ticker]")
    count = min(TICKER_COUNT, len(newsroom.articles))
    expect(ticker.locator(".ticker-item")).to_have_count(2 * count)
    expect(ticker.locator(".ticker-item[aria-hidden='true']")).to_have_count(count)
    expect(ticker.get_by_role("link")).to_have_count(count)
    copies = ticker.locator(".ticker-item[aria-hidden='true'] a")
    expect(copies).to_have_count(count)
    for tabindex in copies.evaluate_all("links => links.map(a => a.tabIndex)"):
        assert tabindex == -1


def test_keyboard_reaches_the_skip_link_first_and_focus_is_visible(page, newsroom):
    page.goto("/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10, box
    assert css(skip, "outlineStyle") != "none"
    assert css(skip, "outlineWidth") != "0px"

    # Next come the ticker's pause button, then its first headline, and the line
    # stops moving while a headline has the focus.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Pause the ticker")).to_be_focused()
    page.keyboard.press("Tab")
    first_headline = page.locator("[data-ticker]").get_by_role("link").first
    expect(first_headline).to_be_focused()
    assert css(first_headline, "outlineStyle") != "none"
    expect(page.locator("[data-ticker] .ticker-track")).to_have_css(
        "animation-name", "none"
    )

    # The skip link moves the focus past the ticker and masthead into the content.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    focused_in_main = page.evaluate(
        "() => document.querySelector('main').contains(document.activeElement)"
    )
    assert focused_in_main


def test_each_focused_ticker_headline_is_in_view(page, newsroom):
    page.goto("/")
    ticker = page.locator("[data-ticker]")
    expect(ticker).to_have_class(re.compile(r"\bis-animated\b"))
    headlines = ticker.get_by_role("link")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the pause button
    hidden = []
    for index in range(headlines.count()):
        page.keyboard.press("Tab")
        headline = headlines.nth(index)
        expect(headline).to_be_focused()
        page.wait_for_timeout(50)
        inside = headline.evaluate(
            """a => {
              const box = a.getBoundingClientRect();
              const view = a.closest("[data-ticker]").getBoundingClientRect();
              return box.left >= view.left - 1 && box.right <= view.right + 1;
            }"""
        )
        if not inside:
            hidden.append(headline.inner_text())
    assert not hidden, f"focused but out of view: {hidden}"
