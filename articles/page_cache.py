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
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from hashlib import blake2b

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from articles.caching import content_version, process_memory, seconds_until
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
    def extra_bytes(self) -> int:
        # What it weighs in a process's memory (see articles.caching.ProcessMemory).
        return len(self.gzipped) + len(self.brotli)


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
        in_process = f"{key}:v{version}"
        page = process_memory.get(in_process)
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
            process_memory.put(
                in_process, page, seconds_until(next_scheduled_publication())
            )
        return answer(request, page, etag)

    return cached_view
