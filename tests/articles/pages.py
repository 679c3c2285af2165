"""Reading rendered pages in the articles tests."""

from bs4 import BeautifulSoup

# A sentence only the site's own 404 template says.
NOT_FOUND_TEXT = "We could not find that page"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(element) -> str:
    """The element's text with runs of whitespace collapsed, as a reader sees it."""
    return " ".join(element.get_text().split())


def ticker_links(response) -> list[tuple[str, str]]:
    """(headline, href) for each item of the latest-news ticker, in order."""
    return [
        (text_of(link), link["href"])
        for link in soup_of(response).select(".ticker .ticker-item a[href]")
    ]


def teaser_titles(response) -> list[str]:
    return [text_of(title) for title in soup_of(response).select(".teaser-title")]


def assert_site_not_found_page(response) -> None:
    assert response.status_code == 404
    page = soup_of(response)
    assert NOT_FOUND_TEXT in text_of(page.find("main"))
    # The site's chrome, not Django's bare technical page.
    assert page.select_one("header.masthead") is not None
