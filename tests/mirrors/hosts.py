"""The host names the mirror tests use, and a crawler that walks a site's links."""

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

MAIN = "news.example.org"
ONION = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion"
MIRROR = "mirror.example.net"

# Never walked: staff pages, and the comment challenge (one per visit).
NOT_WALKED = ("/admin/", "/staff/", "/captcha/", "/i18n/")
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss",
              "application/atom", "application/ld+json")  # fmt: skip


def links_in(body: str, base: str) -> list[str]:
    """Every address an HTML or XML body points to (href, src, srcset, feeds' and
    sitemaps' <loc>/<link>), made absolute against ``base``."""
    soup = BeautifulSoup(body, "html.parser")
    found = []
    for element in soup.find_all(True):
        for attribute in ("href", "src", "action", "content"):
            value = element.get(attribute)
            if isinstance(value, str) and (
                attribute != "content" or value.startswith(("http:", "https:", "/"))
            ):
                found.append(value)
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                found.append(candidate.split()[0])
        if element.name in {"loc", "link", "id", "guid"} and element.string:
            found.append(element.string.strip())
    found += re.findall(r'"(https?://[^"\s]+)"', body)
    return [urljoin(base, link) for link in found if link and not link.startswith("#")]


def canonical_of(body: str) -> str:
    link = BeautifulSoup(body, "html.parser").select_one('link[rel="canonical"]')
    return link["href"] if link else ""


def crawl(
    fetch: Callable[[str], tuple[int, str, str]],
    host: str,
    starts: list[str],
    *,
    limit: int = 400,
) -> dict[str, str]:
    """Walk every address on ``host`` linked from ``starts``; return each text
    body by path. ``fetch(path)`` answers (status, content type, body)."""
    seen: dict[str, str] = {}
    queue = list(starts)
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen or path.startswith(NOT_WALKED):
            continue
        status, content_type, body = fetch(path)
        seen[path] = body if content_type.startswith(TEXT_TYPES) else ""
        if status in {301, 302} and body.startswith("/"):
            queue.append(body)
        for link in links_in(seen[path], f"http://{host}{path}"):
            parts = urlsplit(link)
            if parts.hostname == host and parts.scheme in {"http", "https"}:
                local = parts.path + (f"?{parts.query}" if parts.query else "")
                if local not in seen and not parts.path.startswith(
                    ("/static/", "/media/")
                ):
                    queue.append(local)
    return seen


def foreign_mentions(body: str, *, clearnet_host: str, canonical: str) -> list[str]:
    """Where ``body`` names ``clearnet_host`` other than by the page's canonical
    address: each, with a little context."""
    remaining = body.replace(canonical, "") if canonical else body
    return [
        remaining[max(0, match.start() - 60) : match.end() + 30]
        for match in re.finditer(re.escape(clearnet_host), remaining)
    ]
