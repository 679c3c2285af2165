"""`make bench-login`: do staff sign-ins starve readers?

A small site of its own (SQLite in a temporary folder, production settings, gunicorn
with deploy/gunicorn.conf.py and its two workers) is timed twice: readers alone, then
readers while 16 clients post sign-ins to /staff/login/ as fast as they are answered.
Each sign-in names another username from another address (X-Real-IP, as nginx sets
it), so neither lock stops the flood early: every one costs a real Argon2 check, as
a morning's worth of editors and moderators would. The reader is one client asking
for a cached article page again and again; its latency is what the table shows.

Four runs: as before issue 15 (no limit on password checks at once, Argon2 at
normal priority: bench.login_settings), with only the limit
(STAFF_PASSWORD_CHECKS_AT_ONCE=1), as shipped (the limit, and Argon2 at the lowest
CPU priority: staff.hashers), and as shipped with the sign-ins sent to a gunicorn of
their own (one worker, on the same machine and database), as nginx could route
/staff/ and /admin/.

    .venv/bin/python -m bench.login_flood [--seconds 15] [--flooders 16]

Ports come from BENCH_PORTS ("18350-18399") when set (see bench.server).
"""

import argparse
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import PROJECT_DIR
from bench.server import Server, cookie_value, http_request

BUSY = b"Many sign-ins are being checked right now"
WRONG = b"username and/or password you specified are not correct"
SETUP = """
from django.contrib.auth import get_user_model
from django.utils import timezone
from articles.models import Article, Section
section = Section.objects.create(name="News", slug="news")
article = Article.objects.create(
    title="Clinics extend hours", slug="clinics-extend-hours", lead="Lead.",
    body="<p>Body.</p>", section=section, status=Article.Status.PUBLISHED,
    published_at=timezone.now() - timezone.timedelta(hours=1),
)
get_user_model().objects.create_user("lina", password="a long passphrase here")
print("URL", article.get_absolute_url())
"""


# (label, settings module, STAFF_PASSWORD_CHECKS_AT_ONCE, staff on a server of
# their own)
RUNS = [
    ("before: no limit", "bench.login_settings", 1000, False),
    ("limit 1 only", "bench.login_settings", 1, False),
    ("shipped: limit 1, low priority", "newsportal.settings", 1, False),
    (
        "shipped, staff on a 1-worker gunicorn of their own",
        "newsportal.settings",
        1,
        True,
    ),
]


def site_environment(folder: Path, checks_at_once: int, settings: str) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-" + secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_REQUEST_LOG="0",
        DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}",
        READER_CACHE_VERSIONS_FILE=str(folder / "versions.sqlite3"),
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        COMMENTS_CLIENT_IP_HEADER="X-Real-IP",
        COMMENTS_NOTIFY_MODERATORS="0",
        STAFF_PASSWORD_CHECKS_AT_ONCE=str(checks_at_once),
        GUNICORN_WORKERS="2",
    )
    return env


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(done.stdout + done.stderr)
    return done.stdout


def read_latencies(port: int, path: str, stop: threading.Event) -> list[float]:
    timings = []
    while not stop.is_set():
        started = time.perf_counter()
        status, _headers, _body = http_request(port, "GET", path)
        timings.append((time.perf_counter() - started) * 1000)
        assert status == 200, status
    return timings


def flood(port: int, stop: threading.Event, answers: dict, lock: threading.Lock):
    status, headers, body = http_request(port, "GET", "/staff/login/")
    cookie = f"csrftoken={cookie_value(headers, 'csrftoken')}"
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    while not stop.is_set():
        form = (
            f"csrfmiddlewaretoken={token.decode()}"
            f"&login=editor-{secrets.token_hex(4)}&password=not-the-password"
        )
        address = f"198.51.{secrets.randbelow(256)}.{secrets.randbelow(256)}"
        status, _headers, body = http_request(
            port,
            "POST",
            "/staff/login/",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "X-Real-IP": address,
            },
        )
        kind = "busy" if BUSY in body else "checked" if WRONG in body else str(status)
        with lock:
            answers[kind] = answers.get(kind, 0) + 1


def timed(port: int, path: str, seconds: float, flooders: int, staff_port: int) -> dict:
    stop = threading.Event()
    answers: dict = {}
    lock = threading.Lock()
    threads = [
        threading.Thread(
            target=flood, args=(staff_port, stop, answers, lock), daemon=True
        )
        for _ in range(flooders)
    ]
    for thread in threads:
        thread.start()
    result: list[float] = []
    reader = threading.Thread(
        target=lambda: result.extend(read_latencies(port, path, stop)), daemon=True
    )
    reader.start()
    time.sleep(seconds)
    stop.set()
    reader.join()
    for thread in threads:
        thread.join()
    return {"latencies": result, "answers": answers}


def figures(latencies: list[float]) -> str:
    ordered = sorted(latencies)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    return (
        f"{len(ordered):>6} | {statistics.median(ordered):7.1f} | {at(0.9):7.1f}"
        f" | {at(0.99):7.1f} | {ordered[-1]:7.1f}"
    )


def run(number: int, args, folder: Path) -> list[str]:
    label, settings, checks_at_once, staff_apart = RUNS[number]
    env = site_environment(folder, checks_at_once, settings)
    server = Server(f"login-{number}", env, folder)
    staff = Server(f"staff-{number}", env | {"GUNICORN_WORKERS": "1"}, folder)
    server.start()
    if staff_apart:
        staff.start()
    staff_port = staff.port if staff_apart else server.port
    rows = []
    try:
        server.wait_ready()
        if staff_apart:
            staff.wait_ready()
        for _ in range(10):  # Both workers cache the page.
            http_request(server.port, "GET", args.path)
        for reader, flooders in (("alone", 0), ("during the flood", args.flooders)):
            outcome = timed(server.port, args.path, args.seconds, flooders, staff_port)
            answers = ", ".join(
                f"{kind} {count}" for kind, count in sorted(outcome["answers"].items())
            )
            rows.append(
                f"| {label} | {reader} | {figures(outcome['latencies'])}"
                f" | {answers or '-'} |"
            )
            print(rows[-1], flush=True)
    finally:
        server.stop()
        staff.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--flooders", type=int, default=16)
    parser.add_argument(
        "--runs", default="0,1,2,3", help="which of the runs (0: before)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsportal-login-bench-") as name:
        folder = Path(name)
        env = site_environment(folder, 1, "newsportal.settings")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        args.path = manage(env, "shell", "-c", SETUP).split("URL", 1)[1].strip()
        print(
            "| server | reader | requests | p50 ms | p90 ms | p99 ms | max ms"
            " | sign-in answers |\n|---|---|---|---|---|---|---|---|",
            flush=True,
        )
        for number in (int(value) for value in args.runs.split(",")):
            run(number, args, folder)


if __name__ == "__main__":
    main()
