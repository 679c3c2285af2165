"""The links in what the site serves: found to crawl them, then rewritten to the
copy's relative file links.

Pages, feeds, sitemaps and stylesheets are our own output, written by our templates
and by Django's feed and sitemap classes, so their links are found by pattern:
``href``/``src``/``srcset`` attributes in HTML, any absolute URL of the site (feeds,
sitemaps, structured data), and ``url(...)`` in CSS. Forms are taken out of pages:
a static copy has no server to post a comment or a search to; so is whatever a
template marks ``data-needs-server`` (the comment form's heading and hints).
"""

import html
import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# A same-site URL (made absolute) to its replacement, or None to leave it.
Replace = Callable[[str], str | None]

_ATTRIBUTE = re.compile(
    r"(?P<lead>\s(?:href|src|poster|data-src)\s*=\s*)"
    r"(?P<quote>[\"'])(?P<value>[^\"']*)(?P=quote)",
    re.IGNORECASE,
)
_SRCSET = re.compile(
    r"(?P<lead>\s(?:srcset|imagesrcset)\s*=\s*)"
    r"(?P<quote>[\"'])(?P<value>[^\"']*)(?P=quote)",
    re.IGNORECASE,
)
_ABSOLUTE = re.compile(r"https?://[^\s<>\"'\\]+?(?=&quot;|&lt;|&gt;|&#|[\s<>\"'\\]|$)")
_CSS_URL = re.compile(r"url\(\s*(?P<quote>[\"']?)(?P<value>[^\"')]*)(?P=quote)\s*\)")
_FORM = re.compile(r"<form\b.*?</form>\s*", re.IGNORECASE | re.DOTALL)
_NOT_LINKS = ("#", "mailto:", "tel:", "javascript:", "data:", "about:")

HTML = "html"
XML = "xml"
CSS = "css"
TEXT = "text"


def kind_of(content_type: str) -> str | None:
    kind = content_type.split(";")[0].strip().lower()
    if kind in {"text/html", "application/xhtml+xml"}:
        return HTML
    if kind == "text/css":
        return CSS
    if kind.endswith("xml"):
        return XML
    if kind == "text/plain":
        # robots.txt's Sitemap line.
        return TEXT
    return None


class _NeedsServer(HTMLParser):
    """The spans of the elements marked ``data-needs-server``, outermost only."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0]
        for line in text.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.spans: list[tuple[int, int]] = []
        self.open: tuple[str, int] | None = None
        self.depth = 0
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.open is None:
            if any(name == "data-needs-server" for name, _value in attrs):
                self.open, self.depth = (tag, self._offset()), 1
        elif tag == self.open[0]:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.open is None or tag != self.open[0]:
            return
        self.depth -= 1
        if self.depth == 0:
            end = self.text.index(">", self._offset()) + 1
            self.spans.append((self.open[1], end))
            self.open = None


def without_server_parts(text: str) -> str:
    """``text`` without its forms and the parts marked ``data-needs-server``."""
    if "data-needs-server" in text:
        for start, end in reversed(_NeedsServer(text).spans):
            text = text[:start] + text[end:]
    return _FORM.sub("", text)


class Links:
    """Resolves a document's links against its address, for one site whose hosts
    are ``hosts`` (the site's own, its onion address, its mirrors)."""

    def __init__(self, *, origin: str, hosts: Iterable[str]):
        self.origin = origin.rstrip("/")
        self.hosts = {host.lower() for host in hosts}

    def same_site(self, value: str, base: str) -> str | None:
        """``value`` made absolute against ``base``, if it is a link to this site."""
        value = html.unescape(value.strip())
        if not value or value.lower().startswith(_NOT_LINKS):
            return None
        url = urljoin(self.origin + base, value)
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or parts.netloc.lower() not in (
            self.hosts
        ):
            return None
        return url

    def found_in(self, text: str, kind: str, base: str) -> list[str]:
        found: list[str] = []

        def note(url: str) -> None:
            found.append(url)
            return None

        self.rewrite(text, kind, base, note)
        return found

    def rewrite(self, text: str, kind: str, base: str, replace: Replace) -> str:
        """``text`` with each same-site link passed through ``replace``."""

        def one(value: str) -> str | None:
            url = self.same_site(value, base)
            return replace(url) if url else None

        def attribute(match: re.Match) -> str:
            new = one(match["value"])
            if new is None:
                return match[0]
            return f"{match['lead']}{match['quote']}{html.escape(new)}{match['quote']}"

        def srcset(match: re.Match) -> str:
            candidates = []
            for candidate in match["value"].split(","):
                url, _space, width = candidate.strip().partition(" ")
                new = one(url)
                candidates.append(f"{new or url} {width}".strip())
            value = html.escape(", ".join(candidates))
            return f"{match['lead']}{match['quote']}{value}{match['quote']}"

        def absolute(match: re.Match) -> str:
            return one(match[0]) or match[0]

        def css_url(match: re.Match) -> str:
            new = one(match["value"])
            return match[0] if new is None else f'url("{new}")'

        if kind == CSS:
            return _CSS_URL.sub(css_url, text)
        if kind == TEXT:
            return _ABSOLUTE.sub(absolute, text)
        if kind == HTML:
            text = without_server_parts(text)
            text = _SRCSET.sub(srcset, text)
        text = _ATTRIBUTE.sub(attribute, text)
        return _ABSOLUTE.sub(absolute, text)
