"""Two gunicorn app servers behind the shipped nginx, sharing PostgreSQL and Redis, as
in production (README: two app servers), and a reader's HTTP client for them.

The site runs in production mode (DJANGO_DEBUG=0, collected static files), so its
error answers are the ones readers get. Each test gets a database of its own on the
PostgreSQL server DATABASE_URL names (or on a private server it starts) and a Redis
key prefix of its own; tests skip, saying why, when DATABASE_URL or REDIS_URL is
not set (.ci/run sets both for its second pass).
"""

import http.client
import os
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections import Counter
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from bs4 import BeautifulSoup

from comments.views import THANKS_ANCHOR
from tests.deploy.servers import (
    HOST,
    SETUP,
    SiteProcess,
    free_port,
    gunicorn,
    nginx,
)

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PASSWORD = "a long passphrase for tests"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
THANKS = "will appear once a moderator approves it"
# Text only the styled pages carry (deploy/error-pages/ and templates/50x.html).
STYLED_MARK = 'class="error-code"'


def shared_services() -> tuple[str, str]:
    database, redis = os.environ.get("DATABASE_URL"), os.environ.get("REDIS_URL")
    if not (database and database.startswith("postgres") and redis):
        pytest.skip(
            "two app servers share PostgreSQL and Redis: set DATABASE_URL"
            " (postgres://...) and REDIS_URL to run this test (.ci/run does)"
        )
    return database, redis


@contextmanager
def fresh_database(server_url: str):
    """A new, empty database on the server ``server_url`` names; dropped after."""
    parts = urlsplit(server_url)
    base = parts.path.lstrip("/") or "postgres"
    name = f"{base}_deploy_{secrets.token_hex(4)}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class PrivatePostgres:
    """A PostgreSQL server of the test's own, which it may stop and start."""

    def __init__(self, port: int):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="np-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.as_owner: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: the folder goes to postgres
            shutil.chown(self.folder, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        done = subprocess.run(
            [*self.as_owner, *command], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stdout + done.stderr

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"
        )

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def private_postgres(port: int):
    server = PrivatePostgres(port)
    try:
        server.start()
        yield server
    finally:
        server.remove()


CLUSTER_SETUP = (
    SETUP
    + f"""
from django.contrib.auth.models import Group
from tests.staff_login import give_totp
staff = get_user_model().objects.create_user(
    username="lina", password={PASSWORD!r}, is_staff=True
)
staff.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
give_totp(staff, {TOTP_SECRET!r})
draft = Article.objects.create(
    title="Night buses return", slug="night-buses-return", lead="Lead.",
    body="<p>Body.</p>", section=section, status=Article.Status.DRAFT,
)
result["draft_pk"] = draft.pk
"""
)


@dataclass
class Cluster:
    site: SiteProcess
    database_url: str
    article: dict
    app_ports: list[int]
    web_port: int
    apps: list = field(default_factory=list)
    folder: Path | None = None

    def query(self, sql: str, params=()) -> list[tuple]:
        """Rows from the site's database (PostgreSQL, or the SQLite file)."""
        if self.database_url.startswith("sqlite"):
            path = self.database_url.removeprefix("sqlite:///")
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        with psycopg.connect(self.database_url) as connection:
            return connection.execute(sql, params).fetchall()

    def captcha_answer(self, key: str) -> str:
        """The answer stored for a drawn captcha, read from the shared database."""
        rows = self.query(
            "SELECT response FROM captcha_captchastore WHERE hashkey = %s", [key]
        )
        assert rows, "no captcha stored under that key"
        return rows[0][0]

    def comment_bodies(self) -> set[str]:
        return {body for (body,) in self.query("SELECT body FROM comments_comment")}

    def kill(self, index: int) -> None:
        """App server ``index`` dies at once with its workers, as if its machine
        failed."""
        os.killpg(self.apps[index].pid, signal.SIGKILL)

    def logs(self) -> dict[Path, str]:
        """Every log nginx and the app servers wrote."""
        return {
            path: path.read_text(errors="replace")
            for path in sorted(self.folder.iterdir())
            if path.suffix in {".log", ".out"}
        }


def site_env(
    database_url: str | None, redis_url: str | None, static_root: Path, **extra: str
) -> dict[str, str]:
    """Production mode; without a database URL, the site's SQLite file, and without
    REDIS_URL, readers' versions shared through a file (readercache.versions)."""
    services = {"DATABASE_URL": database_url} if database_url else {}
    if redis_url:
        services.update(
            REDIS_URL=redis_url, CACHE_KEY_PREFIX=f"np-deploy-{secrets.token_hex(4)}"
        )
    return dict(
        **services,
        DJANGO_DEBUG="0",
        STATIC_ROOT=str(static_root),
        DJANGO_SECURE_COOKIES="0",
        COMMENTS_CLIENT_IP_HEADER="X-Real-IP",
        **extra,
    )


@contextmanager
def cluster(
    folder: Path,
    *,
    database_url: str | None = None,
    redis_url: str | None = None,
    static_root: Path,
    workers: int = 2,
    **extra_env: str,
):
    """Migrate a site on ``database_url``, then run two app servers and nginx."""
    site = SiteProcess(
        folder, **site_env(database_url, redis_url, static_root, **extra_env)
    )
    site.manage("migrate", "--noinput")
    article = site.data(CLUSTER_SETUP)
    app_ports = [free_port(40), free_port(41)]
    if app_ports[1] == app_ports[0]:
        app_ports[1] = free_port(42)
    web_port = free_port(60)
    found = Cluster(
        site, site.env["DATABASE_URL"], article, app_ports, web_port, folder=folder
    )
    media = folder / "media"
    media.mkdir(exist_ok=True)
    with (
        gunicorn(site, port=app_ports[0], workers=workers) as first,
        gunicorn(site, port=app_ports[1], workers=workers) as second,
        nginx(
            folder,
            port=web_port,
            app_port=app_ports,
            static_root=static_root,
            media_root=media,
        ),
    ):
        found.apps = [first, second]
        yield found


@dataclass
class Answer:
    status: int
    body: str
    headers: http.client.HTTPMessage

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    @property
    def kind(self) -> str:
        """What a reader got: a page, an acknowledged comment, a styled error page
        (by code), the comment form again, or a bare error page."""
        # A stored comment sends the reader to the thanks above the comments.
        if self.status in {301, 302, 303} and self.header("Location").endswith(
            THANKS_ANCHOR
        ):
            return "acknowledged"
        if self.status < 400:
            return "page"
        if STYLED_MARK in self.body and f">{self.status}<" in self.body:
            return f"styled {self.status}"
        if "comment-form" in self.body:
            return f"form {self.status}"
        return f"bare {self.status}"


class Reader:
    """An HTTP client from one source address (any 127.x.y.z works on Linux), with
    cookies, following no redirects."""

    def __init__(self, port: int, source: str = "127.0.0.2", *, real_ip: str = ""):
        self.port, self.source = port, source
        # Straight to an app server there is no nginx to say who the reader is.
        self.real_ip = real_ip
        self.cookies: dict[str, str] = {}
        # The kind of every answer this reader got, in order.
        self.kinds: list[str] = []

    def request(
        self,
        method: str,
        path: str,
        data: dict | None = None,
        body: bytes | None = None,
        timeout: float = 30,
        host: str = HOST,
    ) -> Answer:
        from urllib.parse import urlencode

        headers = {"Host": host}
        if self.real_ip:
            headers["X-Real-IP"] = self.real_ip
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            body = urlencode(data).encode()
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0)
        )
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and "Max-Age=0" not in cookie:
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        answer = Answer(response.status, text, response.headers)
        self.kinds.append(answer.kind)
        return answer

    def get(self, path: str, **kwargs) -> Answer:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict, **kwargs) -> Answer:
        return self.request("POST", path, data=data, **kwargs)


def comment_fields(page: str, challenge: str) -> tuple[str, dict[str, str]]:
    """The comment form's address and fields from the article page and the
    challenge (captcha and once-only token) fetched as comments.js does."""
    soup = BeautifulSoup(page, "html.parser")
    form = soup.select_one("form.comment-form")
    assert form is not None, "the page has no comment form"
    data = {}
    drawn = BeautifulSoup(challenge, "html.parser").select("input[name]")
    for element in [*form.select("input[name], textarea[name]"), *drawn]:
        if element.get("type") in {"submit", "button", "image"}:
            continue
        data[element["name"]] = element.get("value", "")
    return form["action"], data


def challenge_url(page: str) -> str:
    form = BeautifulSoup(page, "html.parser").select_one("form.comment-form")
    return form["data-challenge-url"]


def post_comment(
    reader: Reader, found: Cluster, body: str, *, challenge_from: Reader | None = None
) -> Answer:
    """Read the article, draw the captcha (through ``challenge_from`` if given),
    answer it and post ``body``: the last answer the reader got."""
    page = reader.get(found.article["url"])
    if page.kind != "page":
        return page
    challenge = (challenge_from or reader).get(challenge_url(page.body))
    if challenge.kind != "page":
        return challenge
    action, data = comment_fields(page.body, challenge.body)
    data.update(name="Reader", email="reader@example.com", body=body)
    data["captcha_1"] = found.captcha_answer(data["captcha_0"])
    return reader.post(action, data)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def sign_in(reader: Reader) -> None:
    """The real staff sign-in: password, then the TOTP code."""
    from tests.staff_login import totp_code

    page = reader.get("/staff/login/")
    answer = reader.post(
        "/staff/login/",
        {
            "login": "lina",
            "password": PASSWORD,
            "csrfmiddlewaretoken": csrf_token(page.body),
        },
    )
    assert answer.header("Location") == "/staff/2fa/authenticate/", answer.status
    page = reader.get("/staff/2fa/authenticate/")
    answer = reader.post(
        "/staff/2fa/authenticate/",
        {"code": totp_code(TOTP_SECRET), "csrfmiddlewaretoken": csrf_token(page.body)},
    )
    assert answer.header("Location") == "/admin/", (answer.status, answer.body[:500])


def admin_action(reader: Reader, changelist: str, action: str, pk: int) -> Answer:
    page = reader.get(changelist)
    assert page.status == 200, page.status
    return reader.post(
        changelist,
        {
            "action": action,
            "_selected_action": str(pk),
            "index": "0",
            "csrfmiddlewaretoken": csrf_token(page.body),
        },
    )


def wait_until(check, *, seconds: float = 15, step: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(step)
    return check()


class Stream:
    """Readers reading the article and posting comments through nginx, in threads,
    until stopped: every answer counted by kind, every acknowledged comment kept."""

    def __init__(self, found: Cluster, *, readers: int = 4, pause: float = 0.05):
        self.found, self.pause = found, pause
        self.stop = threading.Event()
        self.acknowledged: list[tuple[float, str]] = []
        self.answers: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.threads = [
            threading.Thread(target=self._read_and_post, args=(n,), daemon=True)
            for n in range(readers)
        ]

    def _read_and_post(self, n: int) -> None:
        reader = Reader(self.found.web_port, f"127.0.{n + 1}.{n + 2}")
        count = 0
        while not self.stop.is_set():
            count += 1
            body = f"Stream {n} comment {count}."
            try:
                reader.get("/en/")
                answer = post_comment(reader, self.found, body)
            except OSError as error:  # nginx itself must never fail
                reader.kinds.append(f"connection {type(error).__name__}")
                answer = None
            except psycopg.OperationalError:
                # The test's own look-up of the captcha, while the database is down:
                # the reader does not post this time.
                answer = None
            now = time.monotonic()
            with self.lock:
                self.answers.extend((now, kind) for kind in reader.kinds)
                if answer is not None and answer.kind == "acknowledged":
                    self.acknowledged.append((now, body))
            reader.kinds.clear()
            time.sleep(self.pause)

    def __enter__(self) -> "Stream":
        for thread in self.threads:
            thread.start()
        return self

    def finish(self) -> None:
        """Stop, and wait for the answers still on their way."""
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def __exit__(self, *exc) -> None:
        self.finish()

    def kinds(self) -> dict[str, int]:
        with self.lock:
            return dict(Counter(kind for _at, kind in self.answers))
