"""Compression of pages rendered per request.

Compressing was the largest single cost of a rendered page after the database, so the
levels here are chosen for that: on a 50 KB article page Brotli at quality 2 sends
fewer bytes than gzip at level 6 in a fifth of the time, and gzip at level 4 sends 2 %
more than level 6 in half the time. Pages kept in the page cache are compressed once
per content version, harder (``articles.page_cache``).

Brotli goes only to readers' pages: a response that carries a CSRF token, or answers a
request with a session, is gzipped with Django's defence against BREACH instead (a
random-length random file name in the gzip header, so that the compressed length says
less about the content); the Brotli format has no such field.
"""

import gzip
import re
import secrets
import zlib

import brotli
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

RENDERED_BROTLI_QUALITY = 2
RENDERED_GZIP_LEVEL = 4
STORED_BROTLI_QUALITY = 5
STORED_GZIP_LEVEL = 6
MAX_RANDOM_BYTES = 100

accepts_gzip = re.compile(r"\bgzip\b")
accepts_brotli = re.compile(r"\bbr\b")


def brotli_text(content: bytes, quality: int) -> bytes:
    return brotli.compress(content, quality=quality, mode=brotli.MODE_TEXT)


def gzip_with_padding(content: bytes, level: int) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = compressor.compress(content) + compressor.flush()
    length = secrets.randbelow(MAX_RANDOM_BYTES) + 1
    padding = secrets.token_hex(MAX_RANDOM_BYTES)[:length].encode()
    header = bytes([0x1F, 0x8B, zlib.DEFLATED, gzip.FNAME, 0, 0, 0, 0, 0, 0xFF])
    trailer = zlib.crc32(content).to_bytes(4, "little") + (
        len(content) & 0xFFFFFFFF
    ).to_bytes(4, "little")
    return header + padding + b"\x00" + deflated + trailer


def may_carry_secrets(request, response) -> bool:
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or response.cookies
    )


class CompressionMiddleware(GZipMiddleware):
    """Brotli or gzip for what is rendered per request; streaming responses are left
    to Django's gzip middleware."""

    def process_response(self, request, response):
        if (
            response.streaming
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
        ):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
        if accepts_brotli.search(accepted) and not may_carry_secrets(request, response):
            encoding = "br"
            compressed = brotli_text(response.content, RENDERED_BROTLI_QUALITY)
        elif accepts_gzip.search(accepted):
            encoding = "gzip"
            compressed = gzip_with_padding(response.content, RENDERED_GZIP_LEVEL)
        else:
            return response
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = encoding
        return response
