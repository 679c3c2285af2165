"""`make bench`: the production stack under load, against the benchmark database.

    .venv/bin/python -m bench.run [--rebuild] [--duration 10] [--latency-duration 5]

SQLite by default; PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set (the
bench database is always a separate one: see ``bench.bench_database_url``).

1. builds the bench database if needed (``bench.build``), prepares the URLs and a
   few thousand valid comment submissions (captcha rows with known answers, signed
   form tokens) and collects static files into a temporary STATIC_ROOT;
2. starts two gunicorns with deploy/gunicorn.conf.py (2 sync workers, DEBUG off) on
   free ports of 127.0.0.1: one with the page cache (DJANGO_PAGE_CACHE=1, "warm")
   and one rendering every request (DJANGO_PAGE_CACHE=0, "rendered");
3. drives each scenario with wrk (Debian's, not Python): requests per second at 16
   connections, p50 and p99 latency at 1 connection; the floor is GET /health/live/;
4. measures queries per request in-process (django.test.Client with
   CaptureQueriesContext, same database and settings, the second request after a
   warm-up) and the HTML bytes: raw, gzip -6, and as the server sent them to a
   browser that accepts gzip and Brotli;
5. prints a table and the targets, writes bench/results/<backend>-<UTC time>.json and
   bench/results/latest-<backend>.json (and .md), and refreshes the README's table
   between ``<!-- bench:<backend>:start -->`` and ``<!-- bench:<backend>:end -->``.

Every server is stopped at the end, whatever happens; only 127.0.0.1 is targeted.
"""

import argparse
import contextlib
import gzip
import http.client
import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from bench import (
    CACHE_KEY_PREFIX,
    PROJECT_DIR,
    RESULTS_DIR,
    backend_name,
    bench_database_url,
)

HOST = "127.0.0.1"
WORKERS = 2
THREADS = 2
CONNECTIONS = 16
LOAD_SECONDS = 10
LATENCY_SECONDS = 5
# Comment submissions prepared for the POST runs: more than any run can send.
LOAD_SUBMISSIONS = 12_000
LATENCY_SUBMISSIONS = 4_000
BENCH_EMAIL_DOMAIN = "bench.invalid"
CAPTCHA_ANSWER = "abcde"
KEYWORD_DEEP_PAGE = 500
# What a browser sends: the load and the in-process probe ask for gzip like readers.
ACCEPT_ENCODING = "gzip, deflate, br"
PAGE_SIZE = 20

# Targets from the issue; times are wrk's p50 at one connection.
TARGET_RENDERED_SHARE_OF_FLOOR = 0.15
TARGET_RENDERED_P50_MS = 8.0
TARGET_WARM_SHARE_OF_FLOOR = 0.70
TARGET_ARTICLE_QUERIES = 5
TARGET_ARTICLE_GZIP_BYTES = 15_000

# (key, label, server, page, method): server "warm" has the page cache on,
# "rendered" renders every request.
SCENARIOS = [
    ("floor", "floor GET /health/live/", "warm", "floor", "GET"),
    ("article_warm", "article, cache warm", "warm", "article", "GET"),
    ("article_rendered", "article, rendered", "rendered", "article", "GET"),
    ("home_warm", "home, cache warm", "warm", "home", "GET"),
    ("home_rendered", "home, rendered", "rendered", "home", "GET"),
    ("section_warm", "section p1, cache warm", "warm", "section", "GET"),
    ("section_rendered", "section p1, rendered", "rendered", "section", "GET"),
    ("keyword1_warm", "keyword p1, cache warm", "warm", "keyword1", "GET"),
    ("keyword1_rendered", "keyword p1, rendered", "rendered", "keyword1", "GET"),
    ("keyword500_warm", "keyword p500, cache warm", "warm", "keyword500", "GET"),
    (
        "keyword500_rendered",
        "keyword p500, rendered",
        "rendered",
        "keyword500",
        "GET",
    ),
    # The form's per-visitor part, fetched when a reader starts typing (never cached;
    # measured when the app has that address).
    ("challenge", "comment challenge GET", "warm", "challenge", "GET"),
    ("comment_post", "comment POST (302)", "warm", "comment", "POST"),
]


def log(message: str) -> None:
    print(message, flush=True)


# --- in-process stages (run as subprocesses with the bench environment) ------------


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
    os.chdir(PROJECT_DIR)
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()


def remove_bench_leftovers() -> dict:
    """Comments the POST scenario stored and every captcha row: a run starts and ends
    with the database as built."""
    from captcha.models import CaptchaStore

    from comments.models import Comment

    comments, _ = Comment.objects.filter(
        email__endswith="@" + BENCH_EMAIL_DOMAIN
    ).delete()
    captchas, _ = CaptchaStore.objects.all().delete()
    return {"comments_deleted": comments, "captchas_deleted": captchas}


def clear_bench_cache() -> None:
    """The bench servers' Redis keys (only those: the Redis may be shared)."""
    url = os.environ.get("REDIS_URL")
    if not url:
        return
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{CACHE_KEY_PREFIX}:*", count=1_000))
    for start in range(0, len(keys), 1_000):
        client.delete(*keys[start : start + 1_000])


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return "SQLite " + cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        return "PostgreSQL " + cursor.fetchone()[0]


def redis_version() -> str | None:
    url = os.environ.get("REDIS_URL")
    if not url:
        return None
    import redis

    return "Redis " + redis.Redis.from_url(url).info("server")["redis_version"]


def make_submissions(article, count: int, start: int) -> list[str]:
    """``count`` url-encoded comment forms that each pass every check once."""
    import random

    from captcha.models import CaptchaStore
    from django.utils import timezone

    from bench.build import Writer
    from comments.forms import make_form_token

    rng = random.Random(start)
    writer = Writer(rng)
    expiration = timezone.now() + timedelta(hours=2)
    stores = []
    lines = []
    for number in range(start, start + count):
        hashkey = secrets.token_hex(20)
        stores.append(
            CaptchaStore(
                challenge=CAPTCHA_ANSWER.upper(),
                response=CAPTCHA_ANSWER,
                hashkey=hashkey,
                expiration=expiration,
            )
        )
        lines.append(
            urlencode(
                {
                    "name": f"Bench Reader {number}",
                    "email": f"reader{number}@{BENCH_EMAIL_DOMAIN}",
                    "body": f"Comment {number}. {writer.text('en', 80, 600)}",
                    "captcha_0": hashkey,
                    "captcha_1": CAPTCHA_ANSWER,
                    "website": "",
                    "form_token": make_form_token(article),
                }
            )
        )
    CaptchaStore.objects.bulk_create(stores, batch_size=2_000)
    return lines


def stage_prepare(output: Path) -> None:
    """Choose the pages, make the comment submissions, note the build and versions."""
    setup_django()
    from django.db.models import Count, Q
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone, translation

    from articles.models import Article, Keyword, Section
    from bench.build import read_marker
    from comments.models import Comment

    leftovers = remove_bench_leftovers()
    clear_bench_cache()
    marker = read_marker() or {}
    now = timezone.now()
    english = Article.objects.published().filter(language="en")
    # The newest English article readers can see (the builder gave it a full page
    # of comments; articles scheduled later than the build are left aside).
    article = (
        english.filter(pk=marker.get("bench_article_id"), comments_open=True).first()
        or english.filter(comments_open=True).order_by("-published_at", "-pk").first()
    )
    section = Section.objects.order_by("position", "name").first()
    keyword = (
        Keyword.objects.annotate(
            n=Count(
                "articles",
                filter=Q(
                    articles__language="en",
                    articles__status="published",
                    articles__published_at__lte=now,
                ),
            )
        )
        .order_by("-n")
        .first()
    )
    if keyword.n < (KEYWORD_DEEP_PAGE - 1) * PAGE_SIZE + 1:
        raise SystemExit(f"bench: keyword {keyword.slug} has no page 500")
    with translation.override("en"):
        keyword_path = reverse("articles:keyword", kwargs={"slug": keyword.slug})
        plan = {
            "paths": {
                "floor": "/health/live/",
                "article": article.get_absolute_url(),
                "home": reverse("articles:home"),
                "section": section.get_absolute_url(),
                "keyword1": keyword_path,
                "keyword500": f"{keyword_path}?page={KEYWORD_DEEP_PAGE}",
                "comment": reverse(
                    "comments:submit", kwargs={"article_pk": article.pk}
                ),
            },
            "article": {
                "id": article.pk,
                "title": article.title,
                "body_bytes": len(article.body.encode()),
                "approved_comments": Comment.objects.approved()
                .on_article(article)
                .count(),
            },
            "section": {
                "slug": section.slug,
                "english_articles": Article.objects.published()
                .filter(language="en", section=section)
                .count(),
            },
            "keyword": {"slug": keyword.slug, "english_articles": keyword.n},
        }
    try:
        with translation.override("en"):
            plan["paths"]["challenge"] = reverse(
                "comments:challenge", kwargs={"article_pk": article.pk}
            )
    except NoReverseMatch:
        pass
    files = {}
    for name, count, start in (
        ("load", LOAD_SUBMISSIONS, 1),
        ("latency", LATENCY_SUBMISSIONS, LOAD_SUBMISSIONS + 1),
        ("spare", 20, LOAD_SUBMISSIONS + LATENCY_SUBMISSIONS + 1),
    ):
        path = output.parent / f"submissions-{name}.txt"
        path.write_text("\n".join(make_submissions(article, count, start)) + "\n")
        files[name] = str(path)
    plan["submissions"] = files
    plan["build"] = marker
    plan["leftovers_removed"] = leftovers
    plan["database_version"] = database_version()
    plan["redis_version"] = redis_version()
    plan["counts"] = {
        "articles": Article.objects.count(),
        "keywords": Keyword.objects.count(),
        "comments": Comment.objects.count(),
    }
    output.write_text(json.dumps(plan, indent=2))


def stage_probe(plan_path: Path, output: Path) -> None:
    """Queries per request, in-process, with this process's settings (the page cache
    as the environment says): the second request of each page after a warm-up."""
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    plan = json.loads(plan_path.read_text())
    client = Client(
        REMOTE_ADDR=HOST,
        HTTP_ACCEPT_LANGUAGE="en",
        HTTP_ACCEPT_ENCODING=ACCEPT_ENCODING,
    )

    def measured(method: str, path: str, data=None) -> dict:
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = getattr(client, method)(path, data)
            elapsed = time.perf_counter() - started
        # Read now: the next request's request_started signal empties the log.
        queries = list(context.captured_queries)
        client.cookies.clear()
        return {
            "status": response.status_code,
            "queries": len(queries),
            "db_ms": round(sum(float(q["time"]) for q in queries) * 1000, 2),
            "app_ms": round(elapsed * 1000, 2),
            "sql": [q["sql"][:400] for q in queries],
        }

    results = {"page_cache": bool(getattr(settings, "PAGE_CACHE", None))}
    for page, path in plan["paths"].items():
        if page == "comment":
            continue
        measured("get", path)
        result = measured("get", path)
        # The app's own time per request, without HTTP: the median of a few.
        times = []
        for _ in range(15):
            started = time.perf_counter()
            client.get(path)
            times.append(time.perf_counter() - started)
            client.cookies.clear()
        result["app_ms"] = round(statistics.median(times) * 1000, 2)
        results[page] = result
    # A comment POST, with a submission prepared for this (CSRF is not enforced by
    # the test client; its check makes no query).
    spare = Path(plan["submissions"]["spare"]).read_text().split("\n")
    index = 0 if results["page_cache"] else 10
    results["comment"] = measured(
        "post", plan["paths"]["comment"], dict(parse_qsl(spare[index]))
    )
    output.write_text(json.dumps(results, indent=2))


def stage_cleanup() -> None:
    setup_django()
    removed = remove_bench_leftovers()
    log(
        f"  removed the run's {removed['comments_deleted']:,} comments and"
        f" {removed['captchas_deleted']:,} captcha rows"
    )


# --- the orchestrator ---------------------------------------------------------------


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit("bench: needs Debian's wrk: sudo apt-get install wrk")
    log("Installing Debian's wrk...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, timeout=600)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "wrk"],
        check=True,
        env=env,
        timeout=600,
    )
    return shutil.which("wrk") or "/usr/bin/wrk"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


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
            "DJANGO_SECURE_SSL_REDIRECT": "0",
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


def run_stage(stage: str, env: dict, *args: str, timeout: int = 900) -> None:
    subprocess.run(
        [sys.executable, "-m", "bench.run", "--stage", stage, *args],
        check=True,
        cwd=PROJECT_DIR,
        env=env,
        timeout=timeout,
    )


class Server:
    """A gunicorn with the repository's configuration, in its own process group."""

    def __init__(self, name: str, env: dict, workdir: Path):
        self.name = name
        self.port = free_port()
        self.log_path = workdir / f"gunicorn-{name}.log"
        self.env = {**env, "GUNICORN_BIND": f"{HOST}:{self.port}"}
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.log_file = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "newsportal.wsgi",
                "-c",
                str(PROJECT_DIR / "deploy" / "gunicorn.conf.py"),
            ],
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
            try:
                status, _headers, _body = http_request(
                    self.port, "GET", "/health/live/"
                )
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"bench: gunicorn ({self.name}) did not answer:\n")

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        finally:
            self.log_file.close()


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


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def parse_duration_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"unexpected wrk duration: {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def parse_wrk(output: str) -> dict:
    result: dict = {}
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    result["rps"] = float(match.group(1)) if match else None
    match = re.search(r"(\d+) requests in ([\d.]+\w+)", output)
    result["requests"] = int(match.group(1)) if match else None
    for percentile in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{percentile}%\s+(\S+)", output, re.MULTILINE)
        result[f"p{percentile}_ms"] = (
            round(parse_duration_ms(match.group(1)), 3) if match else None
        )
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx_3xx"] = int(match.group(1)) if match else 0
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    result["socket_errors"] = (
        dict(
            zip(
                ("connect", "read", "write", "timeout"),
                map(int, match.groups()),
                strict=True,
            )
        )
        if match
        else {}
    )
    match = re.search(r"bench-post: ok=(\d+) other=(\d+) wrapped=(\d+) (.*)", output)
    if match:
        result["post"] = {
            "status_302": int(match.group(1)),
            "other_status": int(match.group(2)),
            "submissions_reused": int(match.group(3)),
            "other_codes": match.group(4).strip(),
        }
    return result


POST_SCRIPT = """
-- Each submission is posted once: thread i of n takes lines i, i+n, i+2n...
local path = %(path)s
local file = %(file)s
local extra = %(extra)s
local headers = {["Content-Type"] = "application/x-www-form-urlencoded"}
%(cookie)s
local threads = {}
local made = 0

function setup(thread)
  thread:set("id", made)
  thread:set("count", %(threads)d)
  table.insert(threads, thread)
  made = made + 1
end

function init(args)
  bodies = {}
  local n = 0
  for line in io.lines(file) do
    if line ~= "" then
      if n %% count == id then table.insert(bodies, line .. extra) end
      n = n + 1
    end
  end
  index = 0
  ok = 0
  other = 0
  wrapped = 0
  codes = ""
end

function request()
  index = index + 1
  if index > #bodies then
    index = 1
    wrapped = wrapped + 1
  end
  return wrk.format("POST", path, headers, bodies[index])
end

function response(status, headers, body)
  if status == 302 then
    ok = ok + 1
  else
    other = other + 1
    if #codes < 60 then codes = codes .. status .. " " end
  end
end

function done(summary, latency, requests)
  local total_ok, total_other, total_wrapped, all_codes = 0, 0, 0, ""
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
    total_wrapped = total_wrapped + thread:get("wrapped")
    all_codes = all_codes .. thread:get("codes")
  end
  io.write(string.format("bench-post: ok=%%d other=%%d wrapped=%%d %%s\\n",
    total_ok, total_other, total_wrapped, all_codes))
end
"""


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal here


def post_script(
    workdir: Path, name: str, path: str, file: str, threads: int, csrf: str | None
) -> Path:
    script = workdir / f"post-{name}.lua"
    cookie = f'headers["Cookie"] = {lua_string("csrftoken=" + csrf)}' if csrf else ""
    extra = f"&csrfmiddlewaretoken={csrf}" if csrf else ""
    script.write_text(
        POST_SCRIPT
        % {
            "path": lua_string(path),
            "file": lua_string(file),
            "extra": lua_string(extra),
            "cookie": cookie,
            "threads": threads,
        }
    )
    return script


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time the whole machine spent busy (steal included), from /proc/stat."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields)
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def process_cpu_seconds(pid: int, *, reaped: bool) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    if reaped:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / CLOCK_TICKS


def server_cpu_seconds(master: int) -> float:
    """The gunicorn master's CPU time, its exited workers' and its live workers'."""
    total = process_cpu_seconds(master, reaped=True)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            total += process_cpu_seconds(int(entry.name), reaped=False)
    return total


# The database and cache servers are part of the stack under test, not noise (though
# anything else using the same PostgreSQL or Redis at the time is counted with them).
STACK_SERVERS = {"postgres", "redis-server"}


def stack_servers_cpu_seconds() -> float:
    """CPU time of PostgreSQL's and Redis's processes (exited backends included,
    through the postmaster's account of its reaped children)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.find("(") + 1 : stat.rfind(")")]
        if name in STACK_SERVERS or name.startswith("postgres"):
            total += process_cpu_seconds(int(entry.name), reaped=True)
    return total


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(
    wrk: str,
    url: str,
    *,
    threads: int,
    connections: int,
    seconds: int,
    server_pid: int,
    script: Path | None = None,
) -> dict:
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "--header",
        f"Accept-Encoding: {ACCEPT_ENCODING}",
    ]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    before = (
        time.monotonic(),
        machine_busy_seconds(),
        server_cpu_seconds(server_pid),
        children_cpu_seconds(),
        stack_servers_cpu_seconds(),
    )
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    after = (
        time.monotonic(),
        machine_busy_seconds(),
        server_cpu_seconds(server_pid),
        children_cpu_seconds(),
        stack_servers_cpu_seconds(),
    )
    if completed.returncode != 0:
        raise SystemExit(f"bench: wrk failed:\n{completed.stderr}{completed.stdout}")
    result = parse_wrk(completed.stdout)
    result["raw"] = completed.stdout
    # Where the machine's CPU went during the run, in % of all its cores: gunicorn,
    # wrk, PostgreSQL and Redis, and everything else (other work on the machine,
    # which skews the numbers).
    capacity = (after[0] - before[0]) * (os.cpu_count() or 1) / 100
    busy, server, load, stack = (after[i] - before[i] for i in (1, 2, 3, 4))
    result["cpu_percent"] = {
        "machine": round(busy / capacity, 1),
        "gunicorn": round(server / capacity, 1),
        "wrk": round(load / capacity, 1),
        "database_and_cache": round(stack / capacity, 1),
        "other": round(max(0.0, busy - server - load - stack) / capacity, 1),
    }
    return result


def settle(port: int, timeout: float = 60) -> None:
    """Wait until the workers have finished what a load run left queued: a closed
    wrk connection does not take back a request gunicorn has accepted."""
    deadline = time.monotonic() + timeout
    fast = 0
    while fast < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        http_request(port, "GET", "/health/live/")
        fast = fast + 1 if time.monotonic() - started < 0.02 else 0
    # One worker may still be finishing the last slow request.
    time.sleep(0.5)


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


def sent_cell(size: dict) -> str | None:
    """What the server sent a browser, e.g. "12,931 br"."""
    sent = size.get("server_bytes_with_accept_encoding")
    if sent is None:
        return None
    return f"{sent:,} {size.get('server_content_encoding') or 'plain'}"


def load_average() -> list[float] | None:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return None


def machine_info(wrk: str, plan: dict) -> dict:
    import django

    cpu = "unknown"
    memory_kb = 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    wrk_version = subprocess.run(
        [wrk, "--version"], capture_output=True, text=True, check=False
    ).stdout.split("\n")[0]
    gunicorn_version = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "--version"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": os_name,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn_version,
        "wrk": wrk_version,
        "database": plan["database_version"],
        "cache": plan["redis_version"] or "local memory (per worker process)",
        # Anything else running on the machine skews every number: look here first.
        "load_average_before": plan.get("load_average_before"),
        "load_average_after": load_average(),
    }


def targets(rows: dict) -> list[dict]:
    floor = rows["floor"]["rps"]
    article = rows["article_rendered"]
    checks = []

    def check(name, value, limit, passed, unit=""):
        checks.append(
            {
                "target": name,
                "value": value,
                "limit": limit,
                "unit": unit,
                "pass": bool(passed),
            }
        )

    check(
        "article rendered ≥ 15% of floor req/s",
        round(article["rps"] / floor * 100, 1),
        TARGET_RENDERED_SHARE_OF_FLOOR * 100,
        article["rps"] >= TARGET_RENDERED_SHARE_OF_FLOOR * floor,
        "%",
    )
    check(
        "article rendered p50 ≤ 8 ms",
        article["p50_ms"],
        TARGET_RENDERED_P50_MS,
        article["p50_ms"] <= TARGET_RENDERED_P50_MS,
        "ms",
    )
    warm = rows["article_warm"]
    check(
        "article warm ≥ 70% of floor req/s",
        round(warm["rps"] / floor * 100, 1),
        TARGET_WARM_SHARE_OF_FLOOR * 100,
        warm["rps"] >= TARGET_WARM_SHARE_OF_FLOOR * floor,
        "%",
    )
    for key in ("keyword500_rendered", "keyword500_warm"):
        base = rows[key.replace("500", "1")]["p50_ms"]
        check(
            f"{rows[key]['label']} p50 ≤ 2 × keyword p1's ({base} ms)",
            rows[key]["p50_ms"],
            round(2 * base, 3),
            rows[key]["p50_ms"] <= 2 * base,
            "ms",
        )
    for key in ("home_rendered", "section_rendered"):
        check(
            f"{rows[key]['label']} p50 ≤ 2 × article rendered's",
            rows[key]["p50_ms"],
            round(2 * article["p50_ms"], 3),
            rows[key]["p50_ms"] <= 2 * article["p50_ms"],
            "ms",
        )
    check(
        "queries per rendered article page ≤ 5",
        article["queries"],
        TARGET_ARTICLE_QUERIES,
        article["queries"] is not None and article["queries"] <= TARGET_ARTICLE_QUERIES,
    )
    check(
        "article HTML ≤ 15 KB gzipped",
        article["gzip_bytes"],
        TARGET_ARTICLE_GZIP_BYTES,
        article["gzip_bytes"] <= TARGET_ARTICLE_GZIP_BYTES,
        "bytes",
    )
    check(
        "article HTML ≤ 15 KB as sent to a browser",
        article["sent_bytes"],
        TARGET_ARTICLE_GZIP_BYTES,
        article["sent_bytes"] is not None
        and article["sent_bytes"] <= TARGET_ARTICLE_GZIP_BYTES,
        "bytes",
    )
    for row in rows.values():
        check(
            f"{row['label']}: every response as expected",
            row["unexpected_responses"],
            0,
            row["unexpected_responses"] == 0,
        )
    return checks


COLUMNS = [
    ("scenario", 24, "label"),
    ("req/s @16", 9, "rps"),
    ("p50 ms @1", 9, "p50_ms"),
    ("p99 ms @1", 9, "p99_ms"),
    ("app ms", 7, "app_ms"),
    ("db ms", 6, "db_ms"),
    ("queries", 7, "queries"),
    ("HTML B", 7, "html_bytes"),
    ("gzip B", 6, "gzip_bytes"),
    ("sent B", 9, "sent"),
    ("% floor", 7, "floor_share"),
    ("other CPU %", 11, "other_cpu_percent"),
]


def cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}" if value >= 100 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def text_table(rows: dict) -> str:
    lines = [
        "  ".join(
            title.ljust(width) if i == 0 else title.rjust(width)
            for i, (title, width, _key) in enumerate(COLUMNS)
        )
    ]
    lines.append("  ".join("-" * width for _title, width, _key in COLUMNS))
    for row in rows.values():
        lines.append(
            "  ".join(
                cell(row.get(key)).ljust(width)
                if i == 0
                else cell(row.get(key)).rjust(width)
                for i, (_title, width, key) in enumerate(COLUMNS)
            )
        )
    return "\n".join(lines)


def markdown_report(result: dict) -> str:
    machine = result["machine"]
    rows = result["scenarios"]
    lines = [
        f"`make bench` on {result['backend']}, {result['finished_at']}: "
        f"{machine['nproc']} × {machine['cpu']}, {machine['memory_gb']} GB, "
        f"{machine['os']}; Python {machine['python']}, Django {machine['django']}, "
        f"{machine['gunicorn']} ({result['settings']['workers']} sync workers), "
        f"{machine['database']}, cache: {machine['cache']}; {machine['wrk']} on the "
        "same machine.",
        "",
        "| " + " | ".join(title for title, _w, _k in COLUMNS) + " |",
        "|---" + "|---:" * (len(COLUMNS) - 1) + "|",
    ]
    for row in rows.values():
        lines.append(
            "| " + " | ".join(cell(row.get(key)) for _t, _w, key in COLUMNS) + " |"
        )
    lines += ["", "| target | value | limit | |", "|---|---:|---:|---|"]
    for item in result["targets"]:
        lines.append(
            f"| {item['target']} | {cell(item['value'])} {item['unit']} | "
            f"{cell(item['limit'])} | {'pass' if item['pass'] else '**FAIL**'} |"
        )
    return "\n".join(lines) + "\n"


def update_readme(backend: str, markdown: str) -> bool:
    readme = PROJECT_DIR / "README.md"
    start = f"<!-- bench:{backend}:start -->"
    end = f"<!-- bench:{backend}:end -->"
    text = readme.read_text()
    if start not in text or end not in text:
        return False
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    readme.write_text(f"{before}{start}\n{markdown}{end}{after}")
    return True


def orchestrate(args) -> int:
    started = time.monotonic()
    backend = backend_name()
    wrk = ensure_wrk()
    log(f"== make bench: {backend} ==")
    load_before = load_average()
    if load_before and load_before[0] > 0.5 * (os.cpu_count() or 1):
        log(
            f"Warning: load average {load_before[0]:.2f} on {os.cpu_count()} cores:"
            " other work on this machine will skew the numbers."
        )
    build_command = [sys.executable, "-m", "bench.build"]
    if args.rebuild:
        build_command.append("--rebuild")
    build_started = time.monotonic()
    subprocess.run(build_command, check=True, cwd=PROJECT_DIR, timeout=3_600)
    build_seconds = time.monotonic() - build_started

    workdir = Path(tempfile.mkdtemp(prefix="newsportal-bench-"))
    servers: list[Server] = []
    env = server_environment(workdir / "static")
    try:
        log("Preparing pages and comment submissions...")
        plan_path = workdir / "plan.json"
        run_stage("prepare", env, "--output", str(plan_path))
        plan = json.loads(plan_path.read_text())
        plan["load_average_before"] = load_before
        paths = plan["paths"]
        log("Collecting static files...")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            check=True,
            cwd=PROJECT_DIR,
            env=env,
            timeout=600,
        )

        log("Counting queries in-process...")
        probes = {}
        for mode, page_cache in (("warm", "1"), ("rendered", "0")):
            output = workdir / f"probe-{mode}.json"
            run_stage(
                "probe",
                {
                    **env,
                    "DJANGO_PAGE_CACHE": page_cache,
                    "DJANGO_ALLOWED_HOSTS": env["DJANGO_ALLOWED_HOSTS"] + ",testserver",
                },
                "--plan",
                str(plan_path),
                "--output",
                str(output),
            )
            probes[mode] = json.loads(output.read_text())

        for name, page_cache in (("warm", "1"), ("rendered", "0")):
            server = Server(name, {**env, "DJANGO_PAGE_CACHE": page_cache}, workdir)
            servers.append(server)
            server.start()
        for server in servers:
            server.wait_ready()
        by_name = {server.name: server for server in servers}
        log(
            "gunicorn ready: "
            + ", ".join(f"{s.name} on {s.base}" for s in servers)
            + f" ({WORKERS} sync workers each)"
        )

        # Every page answers 200 on both servers before any load; then warm them.
        sizes = {}
        for server in servers:
            for page, path in paths.items():
                if page == "comment":
                    continue
                measured = page_sizes(server.port, path)
                if measured["status"] != 200:
                    raise SystemExit(
                        f"bench: {server.base}{path} answered {measured['status']}"
                        f" {measured['location'] or ''}\n{server.log_tail()}"
                    )
                sizes[(server.name, page)] = measured
                for _ in range(6):
                    http_request(server.port, "GET", path)

        # The comment POST: is it accepted without a CSRF cookie?
        warm = by_name["warm"]
        spare = Path(plan["submissions"]["spare"]).read_text().split("\n")
        form_headers = {"Content-Type": "application/x-www-form-urlencoded"}
        status, headers, _body = http_request(
            warm.port, "POST", paths["comment"], body=spare[1], headers=form_headers
        )
        csrf = None
        csrf_note = "accepted without a CSRF cookie (view exempt)"
        if status == 403:
            _s, page_headers, _b = http_request(warm.port, "GET", paths["article"])
            csrf = cookie_value(page_headers, "csrftoken")
            source = "from the article page's Set-Cookie"
            if not csrf:
                csrf = secrets.token_hex(16)
                source = "generated (the page set no cookie)"
            csrf_note = (
                f"403 without a CSRF cookie: the POSTs carry a csrftoken {source}"
            )
            status, headers, _body = http_request(
                warm.port,
                "POST",
                paths["comment"],
                body=f"{spare[1]}&csrfmiddlewaretoken={csrf}",
                headers={**form_headers, "Cookie": f"csrftoken={csrf}"},
            )
        if status != 302:
            raise SystemExit(
                f"bench: a prepared comment POST answered {status}, not 302\n"
                f"{warm.log_tail()}"
            )
        log(f"Comment POST: {csrf_note}")

        rows: dict = {}
        for key, label, server_name, page, method in SCENARIOS:
            if page not in paths:
                continue
            server = by_name[server_name]
            url = server.base + paths[page]
            log(f"  {label:<26} {url}")
            if method == "POST":
                load_script = post_script(
                    workdir,
                    "load",
                    paths[page],
                    plan["submissions"]["load"],
                    THREADS,
                    csrf,
                )
                latency_script = post_script(
                    workdir,
                    "latency",
                    paths[page],
                    plan["submissions"]["latency"],
                    1,
                    csrf,
                )
            else:
                load_script = latency_script = None
            load = run_wrk(
                wrk,
                url,
                threads=THREADS,
                connections=args.connections,
                seconds=args.duration,
                server_pid=server.process.pid,
                script=load_script,
            )
            settle(server.port)
            latency = run_wrk(
                wrk,
                url,
                threads=1,
                connections=1,
                seconds=args.latency_duration,
                server_pid=server.process.pid,
                script=latency_script,
            )
            settle(server.port)
            probe = probes[server_name]["comment" if method == "POST" else page]
            unexpected = (
                load["non_2xx_3xx"]
                + latency["non_2xx_3xx"]
                + sum(load["socket_errors"].values())
                + sum(latency["socket_errors"].values())
            )
            if method == "POST":
                unexpected += sum(
                    run["post"]["other_status"] + run["post"]["submissions_reused"]
                    for run in (load, latency)
                )
            diagnosis = None
            if unexpected:
                status, _h, _b = http_request(
                    server.port,
                    method,
                    paths[page],
                    headers={"Accept-Encoding": ACCEPT_ENCODING},
                )
                diagnosis = {"status_now": status, "server_log": server.log_tail(40)}
                log(f"    {unexpected:,} unexpected responses (now {status})")
            size = sizes.get((server_name, page), {})
            rows[key] = {
                "label": label,
                "method": method,
                "url": paths[page],
                "server": server_name,
                "rps": load["rps"],
                "p50_ms": latency["p50_ms"],
                "p99_ms": latency["p99_ms"],
                "queries": probe["queries"],
                "db_ms": probe["db_ms"],
                "app_ms": probe["app_ms"],
                "probe_status": probe["status"],
                "html_bytes": size.get("html_bytes"),
                "gzip_bytes": size.get("gzip_bytes"),
                "server_content_encoding": size.get("server_content_encoding"),
                "sent_bytes": size.get("server_bytes_with_accept_encoding"),
                "sent": sent_cell(size),
                "unexpected_responses": unexpected,
                "other_cpu_percent": max(
                    load["cpu_percent"]["other"], latency["cpu_percent"]["other"]
                ),
                "diagnosis": diagnosis,
                "load": {k: v for k, v in load.items() if k != "raw"},
                "latency": {k: v for k, v in latency.items() if k != "raw"},
                "wrk_output": {"load": load["raw"], "latency": latency["raw"]},
            }
            if method == "POST":
                rows[key]["csrf"] = csrf_note
    finally:
        for server in servers:
            server.stop()
        for server in servers:
            if server.process and server.process.returncode not in (0, None):
                log(f"  gunicorn ({server.name}) exit code {server.process.returncode}")
        try:
            run_stage("cleanup", env, timeout=600)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    floor = rows["floor"]["rps"]
    for row in rows.values():
        row["floor_share"] = (
            round(row["rps"] / floor * 100, 1) if row["rps"] and floor else None
        )
    finished = datetime.now(UTC).replace(microsecond=0)
    result = {
        "backend": backend,
        "finished_at": finished.isoformat(),
        "seconds": round(time.monotonic() - started, 1),
        "build_seconds_this_run": round(build_seconds, 1),
        "build": plan["build"],
        "machine": machine_info(wrk, plan),
        "settings": {
            "workers": WORKERS,
            "worker_class": "sync",
            "gunicorn_config": "deploy/gunicorn.conf.py",
            "debug": False,
            "load": f"wrk -t{THREADS} -c{args.connections} -d{args.duration}s",
            "latency": f"wrk -t1 -c1 -d{args.latency_duration}s",
            "page_cache": {"warm": "DJANGO_PAGE_CACHE=1", "rendered": "0"},
            "page_cache_in_effect": {
                mode: probes[mode]["page_cache"] for mode in probes
            },
            "comment_csrf": csrf_note,
        },
        "pages": {
            "article": plan["article"],
            "section": plan["section"],
            "keyword": plan["keyword"],
        },
        "counts": plan["counts"],
        "scenarios": rows,
        "queries": {
            mode: {
                page: probe["sql"]
                for page, probe in probes[mode].items()
                if isinstance(probe, dict)
            }
            for mode in probes
        },
    }
    result["targets"] = targets(rows)

    log("")
    log(text_table(rows))
    log("")
    log("Targets (2 sync workers, wrk on the same machine):")
    for item in result["targets"]:
        log(
            f"  {'PASS' if item['pass'] else 'FAIL'}  {item['target']}: "
            f"{cell(item['value'])} {item['unit']} (limit {cell(item['limit'])})"
        )
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = finished.strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    (RESULTS_DIR / f"{backend}-{stamp}.json").write_text(text)
    (RESULTS_DIR / f"latest-{backend}.json").write_text(text)
    markdown = markdown_report(result)
    (RESULTS_DIR / f"latest-{backend}.md").write_text(markdown)
    log("")
    log(f"Wrote bench/results/{backend}-{stamp}.json and latest-{backend}.json/.md")
    if update_readme(backend, markdown):
        log("Updated the README's table.")
    log(f"make bench: {result['seconds']:.0f}s in all")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark newsportal under gunicorn with wrk (see README)."
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="rebuild the bench database first"
    )
    parser.add_argument(
        "--duration", type=int, default=LOAD_SECONDS, help="seconds per load run"
    )
    parser.add_argument(
        "--latency-duration",
        type=int,
        default=LATENCY_SECONDS,
        help="seconds per one-connection latency run",
    )
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--stage", choices=["prepare", "probe", "cleanup"])
    parser.add_argument("--plan", type=Path)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    if args.stage == "prepare":
        stage_prepare(args.output)
        return 0
    if args.stage == "probe":
        stage_probe(args.plan, args.output)
        return 0
    if args.stage == "cleanup":
        stage_cleanup()
        return 0
    return orchestrate(args)


if __name__ == "__main__":
    sys.exit(main())
