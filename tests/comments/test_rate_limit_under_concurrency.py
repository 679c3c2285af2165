"""Twenty posts from one sender arriving together store exactly the limit, never
one more: the count and the insert cannot interleave. Real threads, each with its own
database connection, on a database file of their own (SQLite) or a database of
their own (PostgreSQL)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def database_for_the_run(tmp_path: Path) -> tuple[str, callable]:
    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{tmp_path / 'together.sqlite3'}", lambda: None
    name = f"np_together_{uuid.uuid4().hex[:8]}"
    admin = {**os.environ, "PGPASSWORD": default.get("PASSWORD") or ""}
    where = ["-h", default["HOST"] or "127.0.0.1", "-p", str(default["PORT"] or 5432)]
    user = ["-U", default["USER"] or "postgres"]
    subprocess.run(["createdb", *where, *user, name], check=True, env=admin)
    url = (
        f"postgres://{default['USER']}@{default['HOST'] or '127.0.0.1'}:"
        f"{default['PORT'] or 5432}/{name}"
    )
    return url, lambda: subprocess.run(
        ["dropdb", "--force", *where, *user, name], check=False, env=admin
    )


def test_twenty_simultaneous_posts_from_one_sender_store_exactly_the_limit(
    tmp_path,
):
    url, drop = database_for_the_run(tmp_path)
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "COMMENTS_RATE_LIMIT_POSTS": "5",
        "COMMENTS_NOTIFY_MODERATORS": "0",
    }
    try:
        run = subprocess.run(
            [sys.executable, "-m", "tests.comments.concurrent_posts", "20"],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        drop()
    assert run.returncode == 0, run.stderr
    counts = json.loads(run.stdout.strip().splitlines()[-1])
    assert counts == {"stored_rows": 5, "stored": 5, "refused": 15}
