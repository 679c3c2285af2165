"""Real servers for the deployment tests: a site on its own SQLite file, gunicorn
with deploy/gunicorn.conf.py, and Debian's nginx with deploy/nginx.conf, each on a
port of their own, stopped when the test ends.

The test process does not share the site's database: changes are made by a Django
process of the site's own (``SiteProcess.change``), as an editor's would be.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(Path(sys.executable))
HOST = "news.example.org"
# Ports of this project's deployment tests (see .ci/run).
BASE_PORT = int(os.environ.get("NEWSPORTAL_TEST_PORT_BASE", "18300"))


def free_port(offset: int) -> int:
    for port in range(BASE_PORT + offset, BASE_PORT + offset + 50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port for the test server")


class SiteProcess:
    """The environment of one test site, and Django commands run in it."""

    def __init__(self, folder: Path, **extra_env: str):
        self.folder = folder
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
        }
        self.env.update(
            DJANGO_DEBUG="1",
            DJANGO_SETTINGS_MODULE="newsportal.settings",
            DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}",
            READER_CACHE_VERSIONS_FILE=str(folder / "versions.sqlite3"),
            DJANGO_ALLOWED_HOSTS=f"127.0.0.1,localhost,{HOST}",
            MEDIA_ROOT=str(folder / "media"),
            COMMENTS_NOTIFY_MODERATORS="0",
        )
        # A test may name another database, Redis, or production mode.
        self.env.update(extra_env)

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def change(self, code: str) -> float:
        """Run ``code`` in a Django process of the site; return the time (epoch
        seconds) just after it committed."""
        out = self.manage(
            "shell", "-c", code + "\nimport time; print('COMMITTED', time.time())"
        )
        return float(out.split("COMMITTED")[-1])

    def data(self, code: str):
        """Run ``code`` in the site, which sets ``result``; return it (as JSON)."""
        out = self.manage(
            "shell", "-c", code + "\nimport json; print('RESULT', json.dumps(result))"
        )
        return json.loads(out.split("RESULT", 1)[1])


@contextmanager
def running(command: list[str], *, env: dict, port: int, log: Path):
    with log.open("wb") as output:
        # A session of its own: a test can kill the server with its workers
        # (os.killpg), as when its machine fails.
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None:
                raise RuntimeError(log.read_text())
            time.sleep(0.1)
        else:
            raise RuntimeError("server did not start: " + log.read_text())
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def gunicorn(site: SiteProcess, *, port: int, workers: int):
    env = {**site.env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    env["GUNICORN_WORKERS"] = str(workers)
    return running(
        [PYTHON, "-m", "gunicorn", "newsportal.wsgi", "-c", "deploy/gunicorn.conf.py"],
        env=env,
        port=port,
        log=site.folder / f"gunicorn-{port}.log",
    )


def nginx_binary() -> str:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(binary):
        pytest.fail(
            "nginx is missing: scripts/ensure-system-packages installs it"
            " (apt-get install nginx)"
        )
    return binary


def nginx_config(
    folder: Path,
    *,
    port: int,
    app_port: int | list[int],
    static_root: Path | None = None,
    media_root: Path | None = None,
) -> Path:
    """deploy/nginx.conf as shipped, with this test's ports and folders, inside a
    minimal main configuration. Plain HTTP on the edge's port (the test speaks no
    TLS); the app servers named in ``app_port`` (one or two)."""
    site = (ROOT / "deploy/nginx.conf").read_text()
    apps = [app_port] if isinstance(app_port, int) else list(app_port)
    upstreams = [
        f"server 127.0.0.1:{apps[0]} max_fails=1 fail_timeout=10s;",
        f"server 127.0.0.1:{apps[1]} max_fails=1 fail_timeout=10s;"
        if len(apps) > 1
        else "",
    ]
    site_port = free_port(port - BASE_PORT + 2)
    for shipped, here in {
        "listen 443 ssl http2;": f"listen 127.0.0.1:{port};",
        "listen 80;": f"listen 127.0.0.1:{free_port(port - BASE_PORT + 1)};",
        "server 10.0.0.11:8000 max_fails=1 fail_timeout=10s;": upstreams[0],
        "server 10.0.0.12:8000 max_fails=1 fail_timeout=10s;": upstreams[1],
        "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{site_port};",
        "server 127.0.0.1:8081;": f"server 127.0.0.1:{site_port};",
        "/var/cache/nginx/newsportal": str(folder / "cache"),
        "/var/log/nginx/": str(folder) + "/",
        "/srv/newsportal/staticfiles/": str(static_root or ROOT / "static") + "/",
        "/srv/newsportal/media/": str(media_root or folder / "media") + "/",
        "/srv/newsportal/": str(ROOT) + "/",
    }.items():
        assert shipped in site, shipped
        site = site.replace(shipped, here)
    (folder / "newsportal.conf").write_text(site)
    main = folder / "nginx.conf"
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main.write_text(
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\nevents {{}}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n{temp}\n"
        f"    include {folder / 'newsportal.conf'};\n}}\n"
    )
    return main


def nginx(folder: Path, *, port: int, app_port: int | list[int], **folders: Path):
    config = nginx_config(folder, port=port, app_port=app_port, **folders)
    return running(
        [nginx_binary(), "-c", str(config), "-p", str(folder), "-g", "daemon off;"],
        env=dict(os.environ),
        port=port,
        log=folder / "nginx.out",
    )


def get(port: int, path: str, **headers: str) -> tuple[int, str, dict]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": HOST, **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


SETUP = """
from django.contrib.auth import get_user_model
from articles.models import Article, Section
from comments.models import Comment
from django.utils import timezone
section = Section.objects.create(name="News", slug="news")
article = Article.objects.create(
    title="Clinics extend hours", slug="clinics-extend-hours", lead="Lead.",
    body="<p>Body.</p>", section=section, status=Article.Status.PUBLISHED,
    published_at=timezone.now().replace(microsecond=0) - timezone.timedelta(hours=1),
)
get_user_model().objects.create_user("moderator")
result = {"url": article.get_absolute_url(), "pk": article.pk}
"""


def new_site(folder: Path) -> tuple[SiteProcess, dict]:
    site = SiteProcess(folder)
    site.manage("migrate", "--noinput")
    return site, site.data(SETUP)
