"""`make bench`: a benchmark database (bench.build) and the load run (bench.run).

The benchmark never touches the developer's database: on SQLite it uses its own file
under bench/data/, on PostgreSQL a database named after the configured one plus
``_bench`` on the same server. This module imports nothing from Django, so the
orchestrator can work out the bench database before any settings are loaded.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
RESULTS_DIR = BENCH_DIR / "results"
SQLITE_PATH = DATA_DIR / "bench.sqlite3"
BENCH_SUFFIX = "_bench"
# The archive's size: 100,000 articles unless BENCH_ARTICLES (``--articles``) says
# otherwise, for a quick check of the harness; each size has a database of its own.
FULL_SIZE = 100_000


def bench_size(environ=None) -> int:
    value = (environ if environ is not None else os.environ).get("BENCH_ARTICLES", "")
    return int(value) if value.strip() else FULL_SIZE


def size_suffix(environ=None) -> str:
    size = bench_size(environ)
    return "" if size == FULL_SIZE else f"_{size}"


# Cache keys of the bench servers, apart from whatever else shares the Redis.
CACHE_KEY_PREFIX = "newsportal-bench"


def configured_database_url(environ=None) -> str:
    return (environ if environ is not None else os.environ).get("DATABASE_URL", "")


def backend_name(environ=None) -> str:
    """ "sqlite" (the default) or "postgresql", from the developer's DATABASE_URL."""
    url = configured_database_url(environ)
    if url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return "postgresql"
    if not url or url.startswith("sqlite:"):
        return "sqlite"
    raise SystemExit(f"bench: unsupported DATABASE_URL scheme: {url.split(':')[0]}")


def bench_database_url(environ=None) -> str:
    """The bench database's URL: never the developer's database."""
    suffix = size_suffix(environ)
    if backend_name(environ) == "sqlite":
        return f"sqlite:///{SQLITE_PATH.with_stem(SQLITE_PATH.stem + suffix)}"
    parts = urlsplit(configured_database_url(environ))
    name = parts.path.lstrip("/") or "newsportal"
    if not name.endswith(BENCH_SUFFIX):
        name += BENCH_SUFFIX
    return urlunsplit(parts._replace(path="/" + name + suffix))


def postgres_database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def postgres_maintenance_url(url: str) -> str:
    """The same server's ``postgres`` database, to create or drop the bench one."""
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def libpq_url(url: str) -> str:
    """dj-database-url's schemes as libpq (psycopg) understands them."""
    for scheme in ("pgsql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql://" + url[len(scheme) :]
    return url
