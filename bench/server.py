"""The servers under test: gunicorn with the repository's configuration, started
in their own process groups on 127.0.0.1 and always stopped again.

``newsportal`` servers run ``bench.render_counter`` (the project's WSGI application,
counting the requests that rendered a page); the ``hello`` server runs the bare
Django hello-world of ``bench/hello/`` under the same gunicorn settings.
"""

import contextlib
import gzip
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench import CACHE_KEY_PREFIX, PROJECT_DIR, bench_database_url

HOST = "127.0.0.1"
WORKERS = 2
GUNICORN_CONFIG = PROJECT_DIR / "deploy" / "gunicorn.conf.py"
NEWSPORTAL_APP = "bench.render_counter:application"
HELLO_APP = "bench.hello.wsgi:application"
# What a browser sends: the load and the in-process probe ask for gzip like readers.
ACCEPT_ENCODING = "gzip, deflate, br"
_ports_taken: set[int] = set()


def free_port() -> int:
    """A free port of 127.0.0.1: from BENCH_PORTS ("18500-18599") when set, so that
    a shared machine's port plan holds, else any the system gives."""
    wanted = os.environ.get("BENCH_PORTS", "")
    if not wanted:
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            return sock.getsockname()[1]
    low, high = (int(part) for part in wanted.split("-"))
    for port in range(low, high + 1):
        if port in _ports_taken:
            continue
        with socket.socket() as sock, contextlib.suppress(OSError):
            sock.bind((HOST, port))
            _ports_taken.add(port)
            return port
    raise SystemExit(f"bench: no free port in BENCH_PORTS={wanted}")


def server_environment(static_root: Path) -> dict:
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("GUNICORN_") or name == "DJANGO_SETTINGS_MODULE":
            del env[name]
    env.update(
        {
            "DATABASE_URL": bench_database_url(),
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-" + secrets.token_urlsafe(40),
            "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            "COMMENTS_RATE_LIMIT_POSTS": "100000000",
            "COMMENTS_NOTIFY_MODERATORS": "0",
            "CACHE_KEY_PREFIX": CACHE_KEY_PREFIX,
            "STATIC_ROOT": str(static_root),
            "GUNICORN_WORKERS": str(WORKERS),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    if not env.get("REDIS_URL"):
        env.pop("REDIS_URL", None)
    return env


class Server:
    """A gunicorn with the repository's configuration, in its own process group."""

    def __init__(
        self,
        name: str,
        env: dict,
        workdir: Path,
        *,
        app: str = NEWSPORTAL_APP,
        ready_path: str = "/health/live/",
    ):
        self.name = name
        self.app = app
        self.ready_path = ready_path
        self.port = free_port()
        self.log_path = workdir / f"gunicorn-{name}.log"
        self.renders_dir = workdir / f"renders-{name}"
        self.renders_dir.mkdir()
        self.env = {
            **env,
            "GUNICORN_BIND": f"{HOST}:{self.port}",
            "BENCH_RENDER_COUNTS": str(self.renders_dir),
        }
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.log_file = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [str(gunicorn), self.app, "-c", str(GUNICORN_CONFIG)],
            cwd=PROJECT_DIR,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"bench: gunicorn ({self.name}) exited:\n{self.log_tail()}"
                )
            with contextlib.suppress(OSError):
                status, _headers, _body = http_request(
                    self.port, "GET", self.ready_path
                )
                if status == 200:
                    return
            time.sleep(0.2)
        raise SystemExit(f"bench: gunicorn ({self.name}) did not answer:\n")

    def renders(self) -> int:
        """Requests that rendered a page so far, over all its workers."""
        return sum(path.stat().st_size for path in self.renders_dir.iterdir())

    def settle(self, timeout: float = 60) -> None:
        """Wait until the workers have finished what a load run left queued: a
        closed wrk connection does not take back a request gunicorn has accepted."""
        deadline = time.monotonic() + timeout
        fast = 0
        while fast < 3 and time.monotonic() < deadline:
            started = time.monotonic()
            http_request(self.port, "GET", self.ready_path)
            fast = fast + 1 if time.monotonic() - started < 0.02 else 0
        # One worker may still be finishing the last slow request.
        time.sleep(0.5)

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        stop_group(self.process, self.log_file, signal.SIGTERM)


def stop_group(process, log_file, stop_signal: int) -> None:
    """Stop a server started in a process group of its own (its workers with it):
    ``stop_signal`` first, SIGKILL if it has not ended within 15 s."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, stop_signal)
        process.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
    finally:
        log_file.close()


def http_request(
    port: int, method: str, path: str, *, body: str | None = None, headers=None
) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        connection.close()


def cookie_value(headers: dict, name: str) -> str | None:
    match = re.search(rf"(?:^|[\s,]){name}=([^;,\s]+)", headers.get("set-cookie", ""))
    return match.group(1) if match else None


def page_sizes(port: int, path: str) -> dict:
    status, headers, body = http_request(port, "GET", path)
    _, gz_headers, gz_body = http_request(
        port, "GET", path, headers={"Accept-Encoding": ACCEPT_ENCODING}
    )
    return {
        "status": status,
        "location": headers.get("location"),
        "html_bytes": len(body),
        "gzip_bytes": len(gzip.compress(body, compresslevel=6)),
        "server_content_encoding": gz_headers.get("content-encoding"),
        "server_bytes_with_accept_encoding": len(gz_body),
    }
