"""Reading rendered pages in the editions tests."""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# The interface strings of the edition switch, each in the language it leads to:
# gettext("Read in English") and pgettext(<edition name>, "English") in Arabic.
READ_IN_ARABIC = "اقرأ بالعربية"
READ_IN_ENGLISH = "Read in English"
ARABIC_EDITION = "العربية"
ENGLISH_EDITION = "English"

BOOTSTRAP_LTR = "vendor/bootstrap/newsportal-bootstrap.min.css"
BOOTSTRAP_RTL = "vendor/bootstrap/newsportal-bootstrap.rtl.min.css"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(element) -> str:
    """The element's text with runs of whitespace collapsed, as a reader sees it."""
    return " ".join(element.get_text().split())


def path_of(url: str) -> str:
    """The decoded path of an address (absolute or not): Unicode slugs as letters."""
    return unquote(urlsplit(url).path)


@dataclass(frozen=True)
class SwitchLink:
    label: str
    path: str  # decoded
    lang: str
    hreflang: str


def edition_switch(response) -> list[SwitchLink]:
    """The masthead's links to the other edition."""
    return [
        SwitchLink(
            label=text_of(link),
            path=path_of(link["href"]),
            lang=link.get("lang", ""),
            hreflang=link.get("hreflang", ""),
        )
        for link in soup_of(response).select(".masthead .edition-switch a[href]")
    ]


def the_switch(response) -> SwitchLink:
    links = edition_switch(response)
    assert len(links) == 1, links
    return links[0]


def alternates(response) -> dict[str, str]:
    """hreflang -> href of the page's <link rel="alternate"> tags (hrefs as given)."""
    found: dict[str, str] = {}
    for link in soup_of(response).select('head link[rel="alternate"][hreflang]'):
        assert link["hreflang"] not in found, f"two alternates for {link['hreflang']}"
        found[link["hreflang"]] = link["href"]
    return found


def stylesheets(response) -> list[str]:
    return [
        link["href"] for link in soup_of(response).select('head link[rel="stylesheet"]')
    ]


def ticker_titles(response) -> list[str]:
    return [text_of(a) for a in soup_of(response).select(".ticker .ticker-item a")]


def teaser_titles(response) -> list[str]:
    """Every headline the main column lists (lead story and teasers)."""
    main = soup_of(response).find("main")
    return [text_of(title) for title in main.select(".lead-title, .teaser-title")]
