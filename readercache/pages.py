"""Whole pages for anonymous readers, cached and answered conditionally.

A page is stored compressed with the version token it was rendered under, in the
shared cache and in the answering process's memory; a page of an older token is
never served. A stored page holds nothing of one visitor: it is only stored for
requests without a session or pending messages.

One address per page: a view declares the query parameters that name another page
(``page``, ``comments``); their values are page numbers, written one way (``?page=01``
and ``?page=1`` redirect to the canonical address), and every other parameter is
ignored, for rendering and for the key alike. So the number of entries is bounded by
the number of pages, not by what a visitor types.

A retired popular page is rendered once: the first request to miss takes a short
lock in the shared cache and renders; concurrent requests for it wait up to
``WAIT_SECONDS`` for the new copy instead of rendering it too. (Without Redis the
lock, like the pages, is each process's own: each worker renders it once.)
"""

import gzip
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from hashlib import blake2b

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
    HttpResponsePermanentRedirect,
    QueryDict,
)
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from readercache import shared, versions
from readercache.compression import (
    STORED_BROTLI_QUALITY,
    STORED_GZIP_LEVEL,
    accepts_brotli,
    accepts_gzip,
    brotli_text,
)
from readercache.expiry import seconds_left
from readercache.memory import process_memory

# A proxy in front may hold a page for a second, and must not serve a stale copy
# while it asks again. nginx counts that second in whole seconds of its clock (up to
# two, then); it is told instead to keep the page to the end of the current second
# (X-Accel-Expires, which it does not pass on), so a withdrawn story is gone from it
# within a second and a render.
PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=1"
LOCK_SECONDS = 5
WAIT_SECONDS = 1.0
WAIT_STEP_SECONDS = 0.01
# Page numbers beyond this many digits name no page.
MAX_PAGE_DIGITS = 6


@dataclass(frozen=True)
class StoredPage:
    # The token it was rendered under: a page of another one is stale.
    token: str
    gzipped: bytes
    brotli: bytes
    content_type: str

    @classmethod
    def of(cls, response: HttpResponse, token: str) -> "StoredPage":
        return cls(
            token=token,
            gzipped=gzip.compress(
                response.content, compresslevel=STORED_GZIP_LEVEL, mtime=0
            ),
            brotli=brotli_text(response.content, STORED_BROTLI_QUALITY),
            content_type=response["Content-Type"],
        )

    @property
    def extra_bytes(self) -> int:
        # What it weighs in a process's memory (see readercache.memory).
        return len(self.gzipped) + len(self.brotli)


def is_anonymous_reader(request: HttpRequest) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def canonical_query(request: HttpRequest, parameters: tuple[str, ...]) -> str:
    """The query string of this page's one address: its page numbers, in order,
    without leading zeros, and without a number 1 (the default)."""
    kept = []
    for name in parameters:
        value = request.GET.get(name, "")
        digits = value.isascii() and value.isdigit() and len(value) <= MAX_PAGE_DIGITS
        if digits and int(value) > 1:
            kept.append(f"{name}={int(value)}")
        elif value and name == "page" and not (digits and int(value) == 1):
            # No page by that number: kept, so that the view answers 404.
            kept.append(f"{name}={value}")
    return "&".join(kept)


def page_key(request: HttpRequest) -> str:
    # The scheme and host too: a page holds absolute addresses built from them (its
    # hreflang links, feeds), and the same path on the onion address or a mirror
    # must not get the main domain's copy. Hosts are only those the site answers to.
    page = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    address = blake2b(page.encode(), digest_size=16).hexdigest()
    return f"page:{get_language()}:{address}"


def page_etag(key: str, token: str) -> str:
    # Weak: the same page is sent plain, gzipped or in Brotli.
    digest = blake2b(f"{key}:{token}".encode(), digest_size=12).hexdigest()
    return f'W/"{digest}"'


def answer(request: HttpRequest, page: StoredPage, etag: str | None) -> HttpResponse:
    accepted = request.headers.get("Accept-Encoding", "")
    if accepts_brotli.search(accepted):
        response = HttpResponse(page.brotli, content_type=page.content_type)
        response["Content-Encoding"] = "br"
    elif accepts_gzip.search(accepted):
        response = HttpResponse(page.gzipped, content_type=page.content_type)
        response["Content-Encoding"] = "gzip"
    else:
        content = gzip.decompress(page.gzipped)
        response = HttpResponse(content, content_type=page.content_type)
    return with_reader_headers(response, etag)


def with_reader_headers(response: HttpResponse, etag: str | None) -> HttpResponse:
    if etag:
        response["ETag"] = etag
    response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    response["X-Accel-Expires"] = f"@{int(time.time())}"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _is_storable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200 and not response.streaming and not response.cookies
    )


def _render_once(render: Callable[[], HttpResponse], key: str, token: str):
    """The page for ``token``: rendered here, or by the concurrent request that is
    rendering it already. Returns a response that is not to be stored, or a page."""
    lock = f"{key}:rendering:{token}"
    holds_lock = shared.add(lock, 1, LOCK_SECONDS)
    if not holds_lock and shared.is_available():
        waited_until = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < waited_until:
            time.sleep(WAIT_STEP_SECONDS)
            page = shared.get(key)
            if page is not None and page.token == token:
                return page
    try:
        response = render()
        if not _is_storable(response):
            return response
        page = StoredPage.of(response, token)
        shared.set(key, page, seconds_left())
        return page
    finally:
        if holds_lock:
            shared.delete(lock)


def cache_page_for_readers(
    view: Callable | None = None,
    *,
    parameters: tuple[str, ...] = (),
    scope: Callable[..., str] | None = None,
) -> Callable:
    """Cache ``view``'s pages for anonymous readers.

    ``parameters`` are the query parameters that name another page (page numbers);
    ``scope``, given the view's keyword arguments, names the version the page shows
    besides the site's (see ``readercache.refresh.watch``).
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            query = canonical_query(request, parameters)
            if _names_a_number_otherwise(request, parameters, query):
                return HttpResponsePermanentRedirect(
                    request.path + (f"?{query}" if query else "")
                )
            # Whatever else was asked is ignored: the page is rendered as for its
            # one address.
            request.GET = QueryDict(query)
            request.META["QUERY_STRING"] = query
            if not (settings.PAGE_CACHE and is_anonymous_reader(request)):
                return view(request, *args, **kwargs)
            token = versions.token(*([scope(**kwargs)] if scope else []))
            if token is None:
                return _answer_in_outage(request, view, args, kwargs)
            key = page_key(request)
            etag = page_etag(key, token)
            if etag in request.headers.get("If-None-Match", ""):
                return with_reader_headers(HttpResponseNotModified(), etag)
            in_process = f"{key}:{token}"
            page = process_memory.get(in_process)
            if page is None:
                page = shared.get(key)
                if page is None or page.token != token:
                    page = _render_once(
                        lambda: view(request, *args, **kwargs), key, token
                    )
                    if isinstance(page, HttpResponse):
                        return page
                process_memory.put(in_process, page, seconds_left())
            return answer(request, page, etag)

        return cached_view

    return decorate(view) if view is not None else decorate


def _names_a_number_otherwise(request, parameters, query) -> bool:
    """Whether the request wrote one of its page numbers otherwise than its
    canonical address does (``?page=01``, ``?page=1``); what is no number at all is
    left to the view (a listing answers 404) or ignored."""
    canonical = dict(part.split("=", 1) for part in query.split("&") if part)
    for name in parameters:
        value = request.GET.get(name, "")
        if value.isascii() and value.isdigit() and canonical.get(name) != value:
            return len(value) <= MAX_PAGE_DIGITS and int(value) > 0
    return False


def _answer_in_outage(request, view, args, kwargs) -> HttpResponse:
    """While the versions cannot be read: render, and keep the page in this
    process's memory for a second (a change elsewhere shows within it)."""
    token = versions.outage_token()
    key = f"{page_key(request)}:{token}"
    page = process_memory.get(key)
    if page is None:
        response = view(request, *args, **kwargs)
        if not _is_storable(response):
            return response
        page = StoredPage.of(response, token)
        process_memory.put(key, page, versions.OUTAGE_SECONDS)
    return answer(request, page, None)
