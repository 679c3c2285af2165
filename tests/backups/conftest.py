"""Sites for the backup tests: each a database and a media folder of its own, made and
dropped here, with the commands run as an operator runs them (`manage.py ...` in a
process whose DATABASE_URL and MEDIA_ROOT name that site). On SQLite always, and on
PostgreSQL too when the suite's DATABASE_URL points at PostgreSQL."""

import base64
import json
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
ENGINES = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not ON_POSTGRESQL, reason="DATABASE_URL does not point at PostgreSQL"
        ),
    ),
]


@dataclass
class Site:
    database_url: str
    media_root: Path

    def run(
        self, *arguments: str, check: bool = True, **variables: str
    ) -> subprocess.CompletedProcess:
        environment = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media_root),
            "COMMENTS_NOTIFY_MODERATORS": "0",
            "REDIS_URL": "",
            # The request log's lines would mix with the JSON the scripts print.
            "DJANGO_REQUEST_LOG": "0",
            **variables,
        }
        environment.pop("BACKUP_KEY_FILE", None)
        done = subprocess.run(
            [sys.executable, *arguments],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check:
            assert done.returncode == 0, done.stderr
        return done

    def manage(self, *arguments: str, check: bool = True, **variables: str):
        return self.run("manage.py", *arguments, check=check, **variables)

    def describe(self) -> dict:
        return json.loads(self.run("-m", "tests.backups.site", "describe").stdout)

    def table_count(self) -> int:
        return json.loads(self.run("-m", "tests.backups.site", "tables").stdout)

    def media_files(self) -> dict[str, bytes]:
        return {
            path.relative_to(self.media_root).as_posix(): path.read_bytes()
            for path in sorted(self.media_root.rglob("*"))
            if path.is_file()
        }


class Sites:
    """Makes empty sites of one engine, and drops their databases afterwards."""

    def __init__(self, engine: str, folder: Path):
        self.engine, self.folder, self.dropped = engine, folder, []
        default = settings.DATABASES["default"]
        self.server = ["-h", default.get("HOST") or "127.0.0.1"]
        self.server += ["-p", str(default.get("PORT") or 5432)]
        self.server += ["-U", default.get("USER") or "postgres"]
        self.environment = {**os.environ, "PGPASSWORD": default.get("PASSWORD") or ""}
        self.url_base = (
            f"postgres://{default.get('USER') or 'postgres'}"
            f"{':' + default['PASSWORD'] if default.get('PASSWORD') else ''}"
            f"@{default.get('HOST') or '127.0.0.1'}:{default.get('PORT') or 5432}"
        )

    def new(self) -> Site:
        name = f"np_backups_{uuid.uuid4().hex[:10]}"
        media = self.folder / f"{name}-media"
        if self.engine == "sqlite":
            return Site(f"sqlite:///{self.folder / name}.sqlite3", media)
        subprocess.run(
            ["createdb", *self.server, name], check=True, env=self.environment
        )
        self.dropped.append(name)
        return Site(f"{self.url_base}/{name}", media)

    def drop_all(self) -> None:
        for name in self.dropped:
            subprocess.run(
                ["dropdb", "--force", "--if-exists", *self.server, name],
                check=False,
                env=self.environment,
            )


@dataclass
class BackedUpSite:
    site: Site
    before: dict
    media: dict[str, bytes]
    plain: Path
    encrypted: Path
    key: Path


@pytest.fixture(scope="session", params=ENGINES)
def sites(request, tmp_path_factory):
    made = Sites(request.param, tmp_path_factory.mktemp(f"sites-{request.param}"))
    yield made
    made.drop_all()


@pytest.fixture(scope="session")
def backed_up(sites):
    """A site with content, described, and backed up twice: plain and encrypted."""
    site = sites.new()
    site.manage("migrate", "--verbosity=0")
    site.run("-m", "tests.backups.site", "make")
    before = site.describe()
    media = site.media_files()
    key = sites.folder / "backup.key"
    key.write_bytes(base64.b64encode(os.urandom(32)))
    plain = sites.folder / "site.tar.gz"
    encrypted = sites.folder / "site.tar.enc"
    site.manage("backup", str(plain))
    site.manage("backup", str(encrypted), "--key-file", str(key))
    return BackedUpSite(site, before, media, plain, encrypted, key)


@pytest.fixture(scope="session")
def restored(backed_up, sites):
    """A new empty site into which the plain backup was restored, as described
    after the restore, with the restore's output."""
    target = sites.new()
    done = target.manage("restore", str(backed_up.plain))
    return target, done.stdout, target.describe()


def nothing_restored(site: Site) -> bool:
    return site.table_count() == 0 and not site.media_files()
