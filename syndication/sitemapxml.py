"""The sitemap files, written as Django's feeds are (``SimplerXMLGenerator``): a
page of a few thousand addresses is written in milliseconds, where a template loop
took most of a second."""

import io
from datetime import datetime

from django.utils.xmlutils import SimplerXMLGenerator

from articles.models import Article

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# XML 1.0 allows none of these; a title that holds one must not break the file.
_CONTROL = {n: None for n in [*range(0, 9), 11, 12, *range(14, 32)]}


def _text(value: str) -> str:
    return value.translate(_CONTROL)


def _write(root: str, attrs: dict, body) -> bytes:
    out = io.StringIO()
    handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    handler.startDocument()
    handler.startElement(root, attrs)
    body(handler)
    handler.endElement(root)
    handler.endDocument()
    return out.getvalue().encode()


def index(sitemaps: list[tuple[str, datetime | None]]) -> bytes:
    def body(handler):
        for loc, lastmod in sitemaps:
            handler.startElement("sitemap", {})
            handler.addQuickElement("loc", loc)
            if lastmod is not None:
                handler.addQuickElement("lastmod", lastmod.isoformat())
            handler.endElement("sitemap")

    return _write("sitemapindex", {"xmlns": SITEMAP_NS}, body)


def urlset(urls: list[tuple[str, datetime | None, list[tuple[str, str]]]]) -> bytes:
    """``urls``: (address, last change, [(hreflang, address), ...])."""

    def body(handler):
        for loc, lastmod, alternates in urls:
            handler.startElement("url", {})
            handler.addQuickElement("loc", loc)
            if lastmod is not None:
                handler.addQuickElement("lastmod", lastmod.isoformat())
            for language, href in alternates:
                handler.addQuickElement(
                    "xhtml:link",
                    attrs={"rel": "alternate", "hreflang": language, "href": href},
                )
            handler.endElement("url")

    return _write("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS}, body)


def news(articles: list[tuple[str, Article]], *, publication: str, language: str):
    """``articles``: (address, article) pairs."""

    def body(handler):
        for loc, article in articles:
            handler.startElement("url", {})
            handler.addQuickElement("loc", loc)
            handler.startElement("news:news", {})
            handler.startElement("news:publication", {})
            handler.addQuickElement("news:name", _text(publication))
            handler.addQuickElement("news:language", language)
            handler.endElement("news:publication")
            # The first publication, never the time of an update.
            handler.addQuickElement(
                "news:publication_date", article.published_at.isoformat()
            )
            handler.addQuickElement("news:title", _text(article.title))
            handler.endElement("news:news")
            handler.endElement("url")

    return _write("urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS}, body)
