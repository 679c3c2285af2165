"""The site, crawled through Django's own request handling, written as plain files.

The crawl starts from both editions' front pages, both lite front pages, and
``/robots.txt`` and ``/sitemap.xml`` if they answer; it follows every same-site link
(pages, feeds announced with ``<link rel="alternate">``, sitemap entries, images,
stylesheets and what they load). So whatever an app adds to the site and links
(feeds, sitemaps, a page for reaching us) is in the copy without this app knowing
its name. Static files and uploaded images are read from their storage, not
through the handler.

It runs in two passes: every address is fetched and kept in a staging folder, and
its content type noted; then each is written with its links rewritten, now that the
file name of every target is known. A file whose bytes are unchanged is not
rewritten, so a mirror's sync sends only what changed.
"""

import mimetypes
import os
import shutil
import tempfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import Resolver404, resolve

from staticcopy.addresses import file_for, is_inside, key_of, relative_link, split_key
from staticcopy.links import Links, kind_of

# Where nothing for readers lives: never crawled, even if a page linked it.
NOT_FOR_READERS = ("/admin/", "/staff/", "/captcha/", "/i18n/", "/health/")
# Which views show one article: under --since, an unchanged one is not fetched again.
ARTICLE_VIEWS = {"articles:detail", "lite:article"}
MAX_REDIRECTS = 5
# Why an address is fetched: a page links it; a starting point that may not exist
# (robots.txt, sitemap.xml); a changed story's page, to learn whether it is gone.
LINKED, OPTIONAL, RECHECKED = "linked", "optional", "rechecked"


@dataclass
class Fetched:
    key: str
    status: int
    content_type: str = "text/html"
    staged: Path | None = None
    location: str | None = None
    # Left as it is in the copy (unchanged since the last export).
    kept: bool = False
    role: str = "linked"

    @property
    def file(self) -> str:
        return file_for(self.key, self.content_type)


@dataclass
class Result:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # (address, status, the page that linked it)
    broken: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def files(self) -> set[str]:
        return {*self.written, *self.unchanged, *self.kept}


class Crawl:
    def __init__(self, root: Path, *, changed_articles: set[int] | None = None):
        """``changed_articles``: under --since, the articles whose pages are fetched
        again; other article pages already in ``root`` are kept as they are."""
        self.root = root
        self.changed_articles = changed_articles
        origin = urlsplit(settings.SITE_URL)
        self.secure = origin.scheme == "https"
        self.host = origin.netloc
        hosts = {self.host, *(h for h in settings.ALLOWED_HOSTS if "*" not in h)}
        self.links = Links(origin=f"{origin.scheme}://{self.host}", hosts=hosts)
        self.client = Client(HTTP_HOST=self.host, raise_request_exception=False)
        self.fetched: dict[str, Fetched] = {}
        self.linked_from: dict[str, str] = {}

    # First pass: fetch everything reachable.

    def run(
        self, seeds: list[str], optional: list[str], rechecked: list[str] = ()
    ) -> Result:
        """Crawl from ``seeds``; ``optional`` ones may not exist (robots.txt);
        ``rechecked`` ones are fetched again even if nothing links them any more
        (a story taken down since the last export), and removed if gone."""
        with tempfile.TemporaryDirectory(prefix="export-") as staging:
            self.staging = Path(staging)
            queue = deque((key, LINKED) for key in seeds)
            queue.extend((key, OPTIONAL) for key in optional)
            queue.extend((key, RECHECKED) for key in rechecked)
            while queue:
                key, role = queue.popleft()
                if key in self.fetched or key.startswith(NOT_FOR_READERS):
                    continue
                page = self.fetch(key)
                page.role = role
                self.fetched[key] = page
                for link in self.links_of(page):
                    self.linked_from.setdefault(link, key)
                    queue.append((link, LINKED))
            return self.write()

    def fetch(self, key: str) -> Fetched:
        path, _query = split_key(key)
        for prefix, storage_read in (
            (settings.STATIC_URL, self._static_file),
            (settings.MEDIA_URL, self._media_file),
        ):
            if path.startswith(prefix):
                return self._from_storage(
                    key, unquote(path[len(prefix) :]), storage_read
                )
        if self._is_kept_article(key):
            return Fetched(key=key, status=200, kept=True)
        # Every page as a first-time anonymous reader gets it: no cookie carried.
        self.client.cookies.clear()
        response = self.client.get(key, secure=self.secure)
        page = Fetched(
            key=key,
            status=response.status_code,
            content_type=response.get("Content-Type", "application/octet-stream"),
        )
        if response.status_code in {301, 302, 303, 307, 308}:
            url = self.links.same_site(response["Location"], key)
            page.location = key_of(url)[0] if url else None
        elif response.status_code == 200:
            body = (
                b"".join(response.streaming_content)
                if response.streaming
                else response.content
            )
            page.staged = self._stage(body)
        return page

    def _stage(self, body: bytes) -> Path:
        staged = self.staging / str(len(self.fetched))
        staged.write_bytes(body)
        return staged

    def _from_storage(self, key, name, storage_read) -> Fetched:
        content_type = _guessed_type(name)
        page = Fetched(key=key.partition("?")[0], status=200, content_type=content_type)
        if self.changed_articles is not None and (self.root / page.file).is_file():
            # Hashed static names and random upload names: an existing file is
            # already the right one.
            page.kept = True
            return page
        body = storage_read(name)
        if body is None:
            page.status = 404
        else:
            page.staged = self._stage(body)
        return page

    @staticmethod
    def _static_file(name: str) -> bytes | None:
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as source:
                return source.read()
        found = finders.find(name)
        return Path(found).read_bytes() if found else None

    @staticmethod
    def _media_file(name: str) -> bytes | None:
        if not default_storage.exists(name):
            return None
        with default_storage.open(name) as source:
            return source.read()

    def _is_kept_article(self, key: str) -> bool:
        if self.changed_articles is None:
            return False
        try:
            match = resolve(unquote(split_key(key)[0]))
        except Resolver404:
            return False
        if match.view_name not in ARTICLE_VIEWS:
            return False
        pk = match.kwargs.get("pk")
        return pk not in self.changed_articles and (self.root / file_for(key)).is_file()

    def links_of(self, page: Fetched) -> list[str]:
        if page.location:
            return [page.location]
        kind = kind_of(page.content_type)
        if page.staged is None or kind is None:
            return []
        text = page.staged.read_text(encoding="utf-8", errors="replace")
        return [key_of(url)[0] for url in self.links.found_in(text, kind, page.key)]

    # Second pass: write each file with its links rewritten.

    def target_file(self, key: str) -> str:
        for _hop in range(MAX_REDIRECTS):
            page = self.fetched.get(key)
            if page is None or not page.location:
                break
            key = page.location
        page = self.fetched.get(key)
        return page.file if page is not None else file_for(key)

    def write(self) -> Result:
        result = Result()
        for page in self.fetched.values():
            if page.kept:
                result.kept.append(page.file)
            elif page.status == 200 and is_inside(page.file):
                self._write_one(page, result)
            elif page.status in {404, 410} and page.role != OPTIONAL:
                self._remove(file_for(page.key), result)
            if (
                page.status not in {200, 301, 302, 303, 307, 308}
                and page.role == LINKED
            ):
                referrer = self.linked_from.get(page.key, "")
                result.broken.append((page.key, page.status, referrer))
        return result

    def _write_one(self, page: Fetched, result: Result) -> None:
        body = page.staged.read_bytes()
        kind = kind_of(page.content_type)
        if kind is not None:
            text = self.links.rewrite(
                body.decode("utf-8", errors="replace"),
                kind,
                page.key,
                lambda url: self._relative(page.file, url),
            )
            body = text.encode("utf-8")
        if write_if_changed(self.root / page.file, body):
            result.written.append(page.file)
        else:
            result.unchanged.append(page.file)

    def _relative(self, from_file: str, url: str) -> str:
        key, fragment = key_of(url)
        return relative_link(from_file, self.target_file(key), fragment)

    def _remove(self, name: str, result: Result) -> None:
        path = self.root / name
        if is_inside(name) and path.is_file():
            path.unlink()
            result.removed.append(name)


def write_if_changed(path: Path, body: bytes) -> bool:
    """Write ``body`` to ``path`` unless it holds it already; whether it wrote."""
    if (
        path.is_file()
        and path.stat().st_size == len(body)
        and path.read_bytes() == body
    ):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as temporary:
        temporary.write(body)
    os.chmod(temporary.name, 0o644)
    os.replace(temporary.name, path)
    return True


def remove_others(root: Path, keep: set[str]) -> list[str]:
    """Delete the files under ``root`` that the export did not produce (withdrawn
    stories, renamed pages), and the folders that leaves empty."""
    removed = []
    for path in sorted(root.rglob("*"), reverse=True):
        name = path.relative_to(root).as_posix()
        if path.is_file() and name not in keep:
            path.unlink()
            removed.append(name)
        elif path.is_dir() and not any(path.iterdir()):
            shutil.rmtree(path)
    return removed


def _guessed_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
