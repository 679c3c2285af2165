"""What the reach page, its plain-text copy and mirrors.json show: the onion
address, the published mirrors (MIRROR_HOSTS and the admin's list), the feeds and
the newsroom's own text. Every address is built for the host the request came on,
so that a reader on a mirror or the onion address is never sent back to the
blocked domain."""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext

from mirrors.hosts import onion_url
from mirrors.models import Mirror, ReachPage

FORMAT_VERSION = 1


@dataclass(frozen=True)
class PublishedMirror:
    url: str
    note_en: str = ""
    note_ar: str = ""

    @property
    def note(self) -> str:
        if translation.get_language() == "ar":
            return self.note_ar or self.note_en
        return self.note_en


@dataclass(frozen=True)
class FeedAddress:
    title: str
    url: str


def published_mirrors() -> list[PublishedMirror]:
    """The admin's published mirrors, then each MIRROR_HOSTS name the admin does
    not list (an admin row for that host, published or not, decides instead)."""
    rows = list(Mirror.objects.all())
    mirrors = [
        PublishedMirror(url=row.url, note_en=row.note, note_ar=row.note_ar)
        for row in rows
        if row.is_listed
    ]
    in_admin = {row.host for row in rows}
    mirrors += [
        PublishedMirror(url=f"https://{host}/")
        for host in settings.MIRROR_HOSTS
        if host not in in_admin
    ]
    return mirrors


@cache
def _feed_url_names() -> tuple[str, ...]:
    """The names of the site's feeds that take no argument: every route answered
    by a django.contrib.syndication Feed, whatever app declares it."""
    names = []

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}{entry.namespace}:"
                walk(entry.url_patterns, inner)
            elif (
                isinstance(entry, URLPattern)
                and isinstance(entry.callback, Feed)
                and entry.name
                and not entry.pattern.converters
                and "(?P<" not in str(entry.pattern)
            ):
                names.append(namespace + entry.name)

    walk(get_resolver().url_patterns, "")
    return tuple(dict.fromkeys(names))


def feed_addresses(request: HttpRequest) -> list[FeedAddress]:
    feeds = []
    for name in _feed_url_names():
        path = reverse(name)
        title = getattr(get_resolver().resolve(path).func, "title", "")
        feeds.append(
            FeedAddress(
                title=str(title) if isinstance(title, str | Promise) else "",
                url=request.build_absolute_uri(path),
            )
        )
    return feeds


@dataclass(frozen=True)
class ReachAddresses:
    onion: str
    mirrors: list[PublishedMirror]
    feeds: list[FeedAddress]
    page: ReachPage
    reach_url: str
    tips_url: str

    def as_text(self) -> str:
        """Every address, one a line, to copy and pass on."""
        _ = gettext
        lines = [_("How to reach us if we are blocked"), ""]
        if self.onion:
            lines += [_("Onion address (Tor Browser):"), self.onion, ""]
        if self.mirrors:
            lines.append(_("Mirrors:"))
            lines += [mirror.url for mirror in self.mirrors]
            lines.append("")
        if self.feeds:
            lines.append(_("Feeds:"))
            lines += [feed.url for feed in self.feeds]
            lines.append("")
        for label, field in (
            (_("Newsletter:"), "newsletter"),
            (_("Other channels:"), "channels"),
        ):
            text = self.page.local(field).strip()
            if text:
                lines += [label, text, ""]
        lines += [_("This page:"), self.reach_url]
        return "\n".join(lines) + "\n"


def reach_addresses(request: HttpRequest) -> ReachAddresses:
    return ReachAddresses(
        onion=onion_url("/"),
        mirrors=published_mirrors(),
        feeds=feed_addresses(request),
        page=ReachPage.load(),
        reach_url=request.build_absolute_uri(reverse("mirrors:reach")),
        tips_url=request.build_absolute_uri(reverse("mirrors:tips")),
    )


def mirrors_document(request: HttpRequest) -> dict:
    """mirrors.json: a stable format (see the README), version 1."""
    editions = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            editions[language] = {
                "reach": request.build_absolute_uri(reverse("mirrors:reach")),
                "tips": request.build_absolute_uri(reverse("mirrors:tips")),
            }
    return {
        "version": FORMAT_VERSION,
        "onion": onion_url("/") or None,
        "mirrors": [
            {"url": mirror.url, "note": {"en": mirror.note_en, "ar": mirror.note_ar}}
            for mirror in published_mirrors()
        ],
        "editions": editions,
    }
