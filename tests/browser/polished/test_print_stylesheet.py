"""The article on paper: the article, its credits and its address; no ticker,
navigation or comment form."""

import pytest
from playwright.sync_api import expect

from tests.browser.polished.conftest import EDITIONS, SHOTS, shoot

pytestmark = pytest.mark.browser

LEFT_OUT = [".ticker", ".section-nav", ".edition-switch", ".comments"]
KEPT = [".article-title", ".article-body", ".article-credits", ".article-address"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_an_article_prints_without_the_site_around_it(new_page, newsdesk, edition):
    article = newsdesk.lead[edition]
    page = new_page()
    page.goto(article.get_absolute_url())
    # On screen the address line is not shown, the chrome is.
    expect(page.locator(".article-address")).to_be_hidden()
    expect(page.locator(".ticker")).to_be_visible()

    page.emulate_media(media="print")
    for selector in LEFT_OUT:
        expect(page.locator(selector)).to_be_hidden()
    for selector in KEPT:
        expect(page.locator(selector)).to_be_visible()
    expect(page.locator(".article-address")).to_contain_text(
        f"/{edition}/articles/{article.pk}/"
    )
    shoot(page, "print")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=SHOTS / f"print-{edition}.pdf")
