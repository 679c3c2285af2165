"""readercache: how readers' pages and their parts are cached, and refreshed.

When does a reader see a change?
================================

*At once, in every deployment the README offers.* Apps declare which models show on
readers' pages (``readercache.watch(...)``, from their ``AppConfig.ready``); every
save, delete, many-to-many change and bulk update of those models bumps a version
once per transaction, after it commits (``readercache.refresh``). What is cached for
readers is stored under the versions of what it shows (``readercache.versions``), so
a bump retires it: the next request renders anew.

- Versions: one for the site (an article, section, keyword or masthead change),
  and one per scope an app names (a comment decision retires only its article's
  page and comment section; a new comment awaiting moderation retires nothing).
- One process, or several without Redis: the versions live in a small SQLite file
  that every process reads on each request; each process keeps its own pages.
- Redis: the versions, pages and fragments live in Redis; each process trusts the
  versions it read for a tenth of a second and keeps recent values in its own
  memory (``readercache.memory``), so a hit costs no round trip.
- Redis down: every call to it is a miss (``readercache.shared``); pages are
  rendered from the database and kept in process memory for a second; the failure
  is logged once a minute; bumps that could not be written are retried until they
  are.
- Behind the shipped nginx: pages say ``s-maxage=1`` and nothing stale may be
  served while revalidating, so nginx's copies follow within about two seconds.
- Scheduled publications: apps register when their next scheduled moment is
  (``readercache.expire_at``); nothing cached lives beyond it.

Pages (``readercache.pages``) have one address each: page numbers are canonical,
a number beyond the last page is sent to the last one, and unknown query parameters
are ignored; a retired page is rendered by one request while concurrent ones wait
for it. Fragments (``readercache.fragments``) are the parts rendered pages share.
Compression is ``readercache.compression``: pages are stored in Brotli and gzip, and
a process keeps the plain body beside its copy once a client without
Accept-Encoding asked for it. Every tier is bounded: each process's memory in bytes
(``readercache.memory``), Redis by its ``maxmemory`` with ``allkeys-lru`` (see the
README), nginx by ``max_size``.

This app knows no content model by name: it sits below ``articles`` and
``comments``.
"""

from readercache.expiry import expire_at
from readercache.refresh import WatchedQuerySet, scope_of, watch

__all__ = ["WatchedQuerySet", "expire_at", "scope_of", "watch"]
