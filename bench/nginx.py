"""The shipped nginx in front of the page-cache server, as production runs it.

deploy/nginx.conf is read as it is in the checkout (never edited) and given this
run's ports and folders: every ``listen`` of its TLS server becomes one plain-HTTP
port of 127.0.0.1, the plain-HTTP server's another; the app servers of its upstream
(``server <address>:8000``) become the one app server of the run, the site block
behind the edge (``127.0.0.1:8081``) a free port; and its cache, log and site
folders go under the run's work folder. Its micro-cache, keep-alive and headers stay
as shipped. nginx runs in the foreground in its own process group and is stopped
with the servers.
"""

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

from bench import PROJECT_DIR
from bench.server import HOST, free_port, http_request, stop_group

SHIPPED_CONFIG = PROJECT_DIR / "deploy" / "nginx.conf"
# The app servers of the shipped upstream (two example machines on port 8000).
APP_SERVER = re.compile(r"\n(\s*)server\s+[\w.\-]+:8000\b[^;\n]*;[^\n]*")
# The site block the edge passes requests to.
SITE_ADDRESS = "127.0.0.1:8081"
TLS_LISTEN = re.compile(r"\n\s*listen\s+[^;\n]*443[^;\n]*;")
PLAIN_LISTEN = re.compile(r"\n\s*listen\s+(\[::\]:)?80\b[^;\n]*;")


def nginx_binary() -> str | None:
    return shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None
    )


def _one_listen(pattern: re.Pattern, text: str, port: int) -> str:
    """The first ``listen`` the pattern finds becomes ``port`` of 127.0.0.1; any
    other (IPv6, a second address) is dropped."""
    found = list(pattern.finditer(text))
    if not found:
        raise SystemExit(f"bench: {SHIPPED_CONFIG} has no listen like {pattern}")
    for match in reversed(found[1:]):
        text = text[: match.start()] + text[match.end() :]
    first = found[0]
    return text[: first.start()] + f"\n    listen {HOST}:{port};" + text[first.end() :]


def site_config(folder: Path, *, port: int, app_port: int) -> str:
    site = SHIPPED_CONFIG.read_text()
    servers = list(APP_SERVER.finditer(site))
    if not servers:
        raise SystemExit(
            f"bench: no upstream server <address>:8000 in {SHIPPED_CONFIG}"
        )
    # The first becomes the run's app server, the others go.
    for match in reversed(servers[1:]):
        site = site[: match.start()] + site[match.end() :]
    first = servers[0]
    site = (
        site[: first.start()]
        + f"\n{first[1]}server {HOST}:{app_port};"
        + site[first.end() :]
    )
    site = site.replace(SITE_ADDRESS, f"{HOST}:{free_port()}")
    site = _one_listen(TLS_LISTEN, site, port)
    site = _one_listen(PLAIN_LISTEN, site, free_port())
    for shipped, here in {
        "/var/cache/nginx/newsportal": str(folder / "cache"),
        "/var/log/nginx/": str(folder) + "/",
        "/srv/newsportal/": str(PROJECT_DIR) + "/",
    }.items():
        site = site.replace(shipped, here)
    return site


def main_config(folder: Path, site: Path) -> str:
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # One worker: the machine's other core runs the app.
    return (
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\n    include /etc/nginx/mime.types;\n{temp}\n"
        f"    include {site};\n}}\n"
    )


class NginxFront:
    """nginx with the shipped configuration in front of ``app`` (a bench Server);
    renders and settling are the app's."""

    def __init__(self, name: str, app, workdir: Path):
        self.name = name
        self.app = app
        self.port = free_port()
        self.folder = workdir / f"nginx-{name}"
        self.folder.mkdir()
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        # CPU is accounted to the app's gunicorn; nginx's counts as "other".
        return self.app.pid

    def start(self) -> None:
        binary = nginx_binary()
        if binary is None:
            raise SystemExit("bench: nginx is missing (apt-get install nginx)")
        site = self.folder / "newsportal.conf"
        site.write_text(
            site_config(self.folder, port=self.port, app_port=self.app.port)
        )
        config = self.folder / "nginx.conf"
        config.write_text(main_config(self.folder, site))
        self.log_file = (self.folder / "nginx.out").open("wb")
        self.process = subprocess.Popen(
            [binary, "-c", str(config), "-p", str(self.folder), "-g", "daemon off;"],
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"bench: nginx exited:\n{self.log_tail()}")
            with contextlib.suppress(OSError):
                if http_request(self.port, "GET", "/health/live/")[0] == 200:
                    return
            time.sleep(0.1)
        raise SystemExit(f"bench: nginx did not answer:\n{self.log_tail()}")

    def renders(self) -> int:
        return self.app.renders()

    def settle(self, timeout: float = 60) -> None:
        self.app.settle(timeout)

    def log_tail(self, lines: int = 30) -> str:
        text = ""
        for name in ("nginx.out", "error.log"):
            with contextlib.suppress(OSError):
                text += (self.folder / name).read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        # SIGQUIT: nginx's graceful stop.
        stop_group(self.process, self.log_file, signal.SIGQUIT)
