"""The reader pages fit a phone and a desktop screen: nothing wider than the window,
the masthead and the section navigation in view, photos within the screen."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
NOT_FOUND_PATH = "/no-such-page/"

# Elements that stick out of the window, for a readable failure message.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
    })
    .slice(0, 10)
    .map((el) => {
      const box = el.getBoundingClientRect();
      const name = el.tagName.toLowerCase() + (el.className ? "." + el.className : "");
      return `${name} [${Math.round(box.left)}..${Math.round(box.right)}]`;
    });
}"""


def page_path(kind: str, newsroom) -> str:
    aleppo = next(k for k in newsroom.keywords if k.name == "حلب")
    return {
        "home": "/",
        "article": newsroom.breaking.get_absolute_url(),
        "section": newsroom.sections[0].get_absolute_url(),
        "keyword": aleppo.get_absolute_url(),
        "not-found": NOT_FOUND_PATH,
    }[kind]


def assert_no_horizontal_overflow(page: Page) -> None:
    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, (
        f"the page is {scroll_width}px wide in a {inner_width}px window; "
        f"sticking out: {page.evaluate(OVERFLOWING)}"
    )


def assert_within_window(page: Page, selector: str) -> None:
    inner_width = page.evaluate("() => window.innerWidth")
    for index, box in enumerate(
        page.locator(selector).evaluate_all(
            "els => els.map(el => el.getBoundingClientRect().toJSON())"
        )
    ):
        assert box["width"] > 0, f"{selector} #{index} has no width"
        assert box["left"] >= -0.5 and box["right"] <= inner_width + 0.5, (
            f"{selector} #{index} spans {box['left']}..{box['right']}, "
            f"window {inner_width}px"
        )


@pytest.mark.parametrize(
    "viewport", [PHONE, DESKTOP], ids=lambda v: f"{v['width']}x{v['height']}"
)
@pytest.mark.parametrize("kind", ["home", "article", "section", "keyword", "not-found"])
def test_page_fits_the_screen(new_page, page_guard, newsroom, viewport, kind):
    if kind == "not-found":
        page_guard.expect_error_status(NOT_FOUND_PATH)
    page = new_page(viewport=viewport)
    response = page.goto(page_path(kind, newsroom))
    assert response.status == (404 if kind == "not-found" else 200)
    page.wait_for_load_state("load")

    assert_no_horizontal_overflow(page)

    expect(page.locator(".masthead")).to_be_visible()
    expect(page.locator(".masthead-name")).to_be_in_viewport()
    nav = page.get_by_role("navigation", name="Sections").first
    expect(nav).to_be_visible()
    expect(nav.get_by_role("link", name="Home")).to_be_in_viewport()
    assert_within_window(page, ".masthead-name")
    assert_within_window(page, ".section-nav")

    photos = page.locator("main img:not(.captcha-image)")
    if kind == "article":
        expect(photos).to_have_count(1)
        expect(page.locator(".article-figure img")).to_be_visible()
    for index in range(photos.count()):
        photo = photos.nth(index)
        photo.scroll_into_view_if_needed()
        loaded = photo.evaluate("img => img.complete && img.naturalWidth > 0")
        assert loaded, f"image {photo.get_attribute('src')} did not load"
    if photos.count():
        assert_within_window(page, "main img")
