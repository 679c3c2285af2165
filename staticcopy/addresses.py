"""Where each address of the site is written in the copy, and how one file of the
copy links another.

Every link in the copy names a file, never a folder: ``en/articles/5/x/index.html``,
not ``en/articles/5/x/``, because a page opened from disk has no server to find the
folder's index. Page numbers in a query become folders (``?page=2`` is
``page/2/index.html`` under the listing), since a file on disk has no query.
"""

import hashlib
import mimetypes
import posixpath
import re
from urllib.parse import parse_qsl, quote, unquote, urlsplit

# What a page without a file name of its own is written as, by its content type.
EXTENSIONS = {
    "text/html": ".html",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/json": ".json",
    "text/plain": ".txt",
    "text/css": ".css",
}
_PLAIN_PART = re.compile(r"^[\w.-]{1,64}$", re.ASCII)


def site_key(path: str, query: str = "") -> str:
    """One spelling of a site address, whichever way a link encoded it."""
    key = quote(unquote(path), safe="/")
    return f"{key}?{query}" if query else key


def split_key(key: str) -> tuple[str, str]:
    path, _mark, query = key.partition("?")
    return path, query


def content_kind(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _query_folders(query: str) -> str:
    """``page=2`` as ``page/2/``; a query of anything but plain names and numbers
    (which no page of ours links) as one hashed folder."""
    parts = []
    for name, value in parse_qsl(query, keep_blank_values=True):
        if not (_PLAIN_PART.match(name) and _PLAIN_PART.match(value)):
            digest = hashlib.sha256(query.encode()).hexdigest()[:16]
            return f"q-{digest}/"
        parts += [name, value]
    return "".join(f"{part}/" for part in parts)


def file_for(key: str, content_type: str = "text/html") -> str:
    """The copy's file for a site address: a path relative to the copy's root, in
    the characters the address names (an Arabic slug is an Arabic folder name)."""
    path, query = split_key(key)
    name = posixpath.normpath("/" + unquote(path)).lstrip("/")
    if path.endswith("/") or not name:
        name = f"{name}/" if name else ""
    extension = EXTENSIONS.get(content_kind(content_type), "")
    if not name or name.endswith("/"):
        return f"{name}{_query_folders(query) if query else ''}index{extension}"
    if query:
        return f"{name}/{_query_folders(query)}index{extension}"
    if not posixpath.splitext(name)[1] and extension:
        return name + extension
    guessed = mimetypes.guess_type(name)[0]
    if extension and guessed and content_kind(guessed) != content_kind(content_type):
        return name + extension
    return name


def relative_link(from_file: str, to_file: str, fragment: str = "") -> str:
    """The link from one file of the copy to another, percent-encoded."""
    start = posixpath.dirname(from_file) or "."
    link = quote(posixpath.relpath(to_file, start), safe="/")
    return f"{link}#{fragment}" if fragment else link


def is_inside(root_relative: str) -> bool:
    """Whether a file name stays inside the copy (no ``..`` out of it)."""
    name = posixpath.normpath(root_relative)
    return not (name.startswith("../") or name == ".." or name.startswith("/"))


def key_of(url: str) -> tuple[str, str]:
    """A same-site URL's key and fragment."""
    parts = urlsplit(url)
    return site_key(parts.path or "/", parts.query), parts.fragment
