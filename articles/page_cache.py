"""Whole pages for anonymous readers, cached and answered conditionally.

A page is stored with the content version it was rendered under, so every visible
change (publish, edit, withdraw, comment decision, masthead edit) retires all pages at
once; entries also expire at the next scheduled publication. Pages are kept in the
shared cache (for every app process) and in the answering process's own memory, so a
hit usually costs no round trip at all (see ``articles.caching`` for how long a
process trusts the version it read). A stored page holds nothing of one
visitor: it is only stored for requests without a session or pending messages, and the
comment form on it has no per-visitor parts (see templates/comments/_form.html).
"""

import gzip
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from hashlib import blake2b

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from articles.caching import content_version, seconds_until
from articles.selectors import next_scheduled_publication
from newsportal.middleware import (
    STORED_BROTLI_QUALITY,
    STORED_GZIP_LEVEL,
    accepts_brotli,
    accepts_gzip,
    brotli_text,
)

# Query parameters that name a different page; anything else is rendered uncached so
# random query strings cannot fill the cache.
PAGE_PARAMETERS = {"page", "comments"}
# Lets a proxy or CDN in front hold a page briefly and serve it while it refreshes.
PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=30"
# Each app process keeps up to this much of the pages it answered lately.
PROCESS_PAGES_MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class StoredPage:
    # The content version it was rendered under: a page of an older one is stale.
    version: int
    gzipped: bytes
    brotli: bytes
    content_type: str

    @classmethod
    def of(cls, response: HttpResponse, version: int) -> "StoredPage":
        return cls(
            version=version,
            gzipped=gzip.compress(
                response.content, compresslevel=STORED_GZIP_LEVEL, mtime=0
            ),
            brotli=brotli_text(response.content, STORED_BROTLI_QUALITY),
            content_type=response["Content-Type"],
        )

    @property
    def size(self) -> int:
        return len(self.gzipped) + len(self.brotli)


class ProcessPages:
    """The pages this process answered lately, in its own memory: a hit needs no
    round trip to a shared cache. Bounded in bytes, the least recently used going
    first; a page is only answered for the content version it was rendered under and
    until the next scheduled publication."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[str, tuple[StoredPage, float]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, version: int) -> StoredPage | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            page, expires_at = entry
            if page.version != version or time.time() >= expires_at:
                self._remove(key)
                return None
            self.entries.move_to_end(key)
            return page

    def put(self, key: str, page: StoredPage, seconds: int) -> None:
        with self.lock:
            if key in self.entries:
                self._remove(key)
            self.entries[key] = (page, time.time() + seconds)
            self.size += page.size
            while self.size > self.max_bytes and self.entries:
                self._remove(next(iter(self.entries)))

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _remove(self, key: str) -> None:
        page, _expires_at = self.entries.pop(key)
        self.size -= page.size


process_pages = ProcessPages(max_bytes=PROCESS_PAGES_MAX_BYTES)


def is_anonymous_reader(request: HttpRequest) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and set(request.GET) <= PAGE_PARAMETERS
    )


def page_key(request: HttpRequest) -> str:
    address = blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
    return f"page:{get_language()}:{address}"


def page_etag(key: str, version: int) -> str:
    # Weak: the same page is sent plain, gzipped or in Brotli.
    digest = blake2b(f"{key}:{version}".encode(), digest_size=12).hexdigest()
    return f'W/"{digest}"'


def answer(request: HttpRequest, page: StoredPage, etag: str) -> HttpResponse:
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


def with_reader_headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def cache_page_for_readers(view: Callable) -> Callable:
    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (settings.PAGE_CACHE and is_anonymous_reader(request)):
            return view(request, *args, **kwargs)
        key = page_key(request)
        version = content_version()
        etag = page_etag(key, version)
        if etag in request.headers.get("If-None-Match", ""):
            return with_reader_headers(HttpResponseNotModified(), etag)
        page = process_pages.get(key, version)
        if page is None:
            page = cache.get(key)
            if page is None or page.version != version:
                response = view(request, *args, **kwargs)
                if (
                    response.status_code != 200
                    or response.streaming
                    or response.cookies
                ):
                    return response
                page = StoredPage.of(response, version)
                cache.set(key, page, seconds_until(next_scheduled_publication()))
            process_pages.put(key, page, seconds_until(next_scheduled_publication()))
        return answer(request, page, etag)

    return cached_view
