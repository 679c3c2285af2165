"""What a reader's first view of a page transfers, counted as production sends it.

A fresh browser context (nothing cached) opens the page and waits until the
network is idle; every response it received is counted:

- text (the HTML document, CSS, JavaScript, SVG) by its gzip-compressed size: as
  sent when the server compressed it (Django's GZipMiddleware does for pages), else
  compressed here at gzip's level 9, as WhiteNoise precompresses static files in
  production (it serves brotli, smaller still, to browsers that take it);
- everything else (images) by its bytes, as production serves them.

The favicon is counted too, fetched here if the browser did not ask for it.
Response headers are reported but not counted: HTTP/2 compresses them, and the
test server's differ from production's. Used by tests/browser/test_page_weight.py
and scripts/page-weight.py; it needs Playwright, not Django.
"""

import gzip
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import BrowserContext, Page, Request

KB = 1000
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
)
ICON_SELECTOR = 'link[rel~="icon"]'


@dataclass(frozen=True)
class Transfer:
    path: str
    kind: str
    size: int
    counted_as: str
    raw_size: int
    header_size: int = 0


@dataclass
class FirstView:
    url: str
    width: int
    height: int
    scale: float
    transfers: list[Transfer] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(transfer.size for transfer in self.transfers)

    def size_of(self, kind: str) -> int:
        return sum(t.size for t in self.transfers if t.kind == kind)

    def breakdown(self, budget: int | None = None) -> str:
        path = urlsplit(self.url).path
        of_budget = f" of {budget / KB:g} KB" if budget else ""
        lines = [
            f"First view of {path} at {self.width}x{self.height} px, device pixel "
            f"ratio {self.scale:g}: {self.total / KB:.1f} KB{of_budget} "
            f"(KB = 1000 bytes)"
        ]
        for transfer in sorted(self.transfers, key=lambda t: -t.size):
            lines.append(
                f"  {transfer.kind:<10} {transfer.size / KB:6.1f} KB  "
                f"{transfer.counted_as:<13} ({transfer.raw_size / KB:5.1f} KB raw)  "
                f"{transfer.path}"
            )
        headers = sum(t.header_size for t in self.transfers)
        lines.append(
            f"  (response headers, not counted: {headers / KB:.1f} KB in "
            f"{len(self.transfers)} responses)"
        )
        return "\n".join(lines)


def _is_text(content_type: str) -> bool:
    return content_type.split(";")[0].strip().startswith(TEXT_TYPES)


def _gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def _transfer(request: Request) -> Transfer | None:
    if urlsplit(request.url).scheme not in {"http", "https"}:
        return None
    response = request.response()
    if response is None or response.status in {204, 301, 302, 303, 307, 308}:
        return None
    headers = response.headers
    sizes = request.sizes()
    encoding = headers.get("content-encoding", "identity")
    body = response.body()  # decoded
    if not _is_text(headers.get("content-type", "")):
        # Production serves images as they are (a development server may gzip
        # them on the way, for nothing).
        size, counted_as = len(body), "bytes"
    elif encoding != "identity":
        size, counted_as = sizes["responseBodySize"], f"{encoding} as sent"
    else:
        size, counted_as = _gzip_size(body), "gzip -9 here"
    return Transfer(
        path=urlsplit(request.url).path,
        kind=request.resource_type,
        size=size,
        counted_as=counted_as,
        raw_size=len(body),
        header_size=sizes["responseHeadersSize"],
    )


def measure_first_view(page: Page, url: str) -> FirstView:
    """Open ``url`` in ``page``, a new page of a fresh browser context (nothing
    cached), and count what it transferred."""
    viewport = page.viewport_size or {"width": 0, "height": 0}
    finished: list[Request] = []
    page.on("requestfinished", lambda request: finished.append(request))
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        raise RuntimeError(f"{url} answered {response.status if response else None}")
    page.wait_for_load_state("networkidle")
    scale = page.evaluate("window.devicePixelRatio")
    view = FirstView(
        url=page.url, width=viewport["width"], height=viewport["height"], scale=scale
    )
    view.transfers = [t for t in map(_transfer, finished) if t is not None]
    icon = page.locator(ICON_SELECTOR).first.get_attribute("href")
    if icon:
        icon_url = urljoin(view.url, icon)
        icon_path = urlsplit(icon_url).path
        view.transfers = [
            replace(t, kind="favicon") if t.path == icon_path else t
            for t in view.transfers
        ]
        if icon_path not in {t.path for t in view.transfers}:
            view.transfers.append(_fetched_icon(page.context, icon_url))
    return view


def _fetched_icon(context: BrowserContext, url: str) -> Transfer:
    # In case the browser did not ask for it (headless Chromium may not): a
    # reader's browser does.
    fetched = context.request.get(url)
    body = fetched.body()
    if _is_text(fetched.headers.get("content-type", "")):
        size, counted_as = _gzip_size(body), "gzip -9 here"
    else:
        size, counted_as = len(body), "bytes"
    return Transfer(
        path=urlsplit(url).path,
        kind="favicon",
        size=size,
        counted_as=counted_as,
        raw_size=len(body),
    )
