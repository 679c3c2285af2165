"""Breaking news (issue 11): readers crowd the newest stories while the newsroom
keeps writing.

Reads are spread over the 200 newest articles with Zipf weights (the ten most read
get half the reads), generated into a wrk Lua script. The same reads run on the
page-cache server without writes and while a writer approves one comment every 2 s
and publishes an article every 30 s (through the services the admin uses), then
both again through the shipped nginx in front of it (``bench.nginx``), and on the
server that renders every request, for reference. Each run
reports throughput, p50/p90/p99 at 16 connections and the share of requests that
rendered a page. Renders are counted by the server, so requests still in flight
when wrk stops (at most one a connection) are counted as rendered but not as
requests: a short run can show a little over 100 %.

The writer is the ``writer`` stage (``python -m bench.run --stage writer``), a
process of its own beside wrk; what it stores is removed by the cleanup stage.
"""

import json
import random
import secrets
import subprocess
import sys
import time
from pathlib import Path

from bench import PROJECT_DIR
from bench.load import log, run_wrk, unexpected_responses, zipf_script
from bench.server import ACCEPT_ENCODING, WORKERS, http_request
from bench.stages import BENCH_EMAIL_DOMAIN, BENCH_SLUG_PREFIX, BENCH_STAFF

APPROVE_EVERY = 2.0
PUBLISH_EVERY = 30.0
# The first publication comes early, so that a short run has one too.
FIRST_PUBLISH_AT = 5.0

# (key, label, server, with writes)
RUNS = [
    ("breaking_reads", "breaking news, reads only", "warm", False),
    ("breaking_writes", "breaking news, with writes", "warm", True),
    ("breaking_reads_nginx", "via nginx, reads only", "nginx", False),
    ("breaking_writes_nginx", "via nginx, with writes", "nginx", True),
    ("breaking_rendered", "breaking news, rendered", "rendered", False),
]


def run_breaking_news(wrk: str, servers: dict, plan_path: Path, env: dict, args):
    plan = json.loads(plan_path.read_text())
    reads = plan["breaking"]
    workdir = plan_path.parent
    script = zipf_script(workdir, "breaking", reads["paths"], reads["weights"])
    rows = {}
    for key, label, server_name, with_writes in RUNS:
        server = servers[server_name]
        log(f"  {label:<26} {len(reads['paths'])} articles, Zipf")
        warm_up(server, reads["paths"])
        writer = (
            start_writer(env, plan_path, args.duration, workdir)
            if with_writes
            else None
        )
        renders_before = server.renders()
        load = run_wrk(
            wrk,
            server.base,
            threads=2,
            connections=args.connections,
            seconds=args.duration,
            server_pid=server.pid,
            script=script,
        )
        written = finish_writer(writer, workdir) if writer else None
        server.settle()
        rows[key] = breaking_row(
            label, server_name, load, server.renders() - renders_before, written
        )
    return rows


def warm_up(server, paths: list[str]) -> None:
    """Every page in the cache (of both workers, when they share none) before the
    clock starts, so that "reads only" measures a warm cache."""
    for path in paths:
        for _ in range(WORKERS + 1):
            http_request(
                server.port, "GET", path, headers={"Accept-Encoding": ACCEPT_ENCODING}
            )
    server.settle()


def breaking_row(label, server_name, load, renders, written) -> dict:
    requests = load["requests"] or 0
    return {
        "label": label,
        "server": server_name,
        "rps": load["rps"],
        "p50_ms": load["p50_ms"],
        "p90_ms": load["p90_ms"],
        "p99_ms": load["p99_ms"],
        "requests": requests,
        "renders": renders,
        "rendered_percent": round(100 * renders / requests, 2) if requests else None,
        "writes": written,
        "unexpected_responses": unexpected_responses(load),
        "other_cpu_percent": load["cpu_percent"]["other"],
        "load_1m_before": load["load_1m_before"],
        "load": {k: v for k, v in load.items() if k != "raw"},
        "wrk_output": load["raw"],
    }


def start_writer(env: dict, plan_path: Path, seconds: int, workdir: Path):
    output = workdir / "writer.json"
    output.unlink(missing_ok=True)
    ready_file(output).unlink(missing_ok=True)
    command = [sys.executable, "-m", "bench.run", "--stage", "writer"]
    command += ["--plan", str(plan_path), "--output", str(output)]
    command += ["--duration", str(seconds)]
    process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env)
    # The reads start when the writer is ready to write, not while Django loads.
    ready = ready_file(output)
    deadline = time.monotonic() + 120
    while not ready.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("bench: the breaking-news writer did not start")
        time.sleep(0.05)
    return process


def ready_file(output: Path) -> Path:
    return output.with_suffix(".ready")


def finish_writer(process: subprocess.Popen, workdir: Path) -> dict:
    if process.wait(timeout=120) != 0:
        raise SystemExit(f"bench: the breaking-news writer exited {process.returncode}")
    return json.loads((workdir / "writer.json").read_text())


# --- the writer stage (inside Django) ----------------------------------------------


def stage_writer(plan_path: Path, output: Path, seconds: int) -> None:
    """Approve a comment every 2 s on a read article (drawn like the reads), publish
    an article every 30 s, for ``seconds``; write what was done and how long it took."""
    from bench.stages import setup_django

    setup_django()
    from articles.models import Article

    reads = json.loads(plan_path.read_text())["breaking"]
    in_bulk = Article.objects.in_bulk(reads["article_ids"])
    articles = [in_bulk[pk] for pk in reads["article_ids"]]
    staff = bench_staff()
    rng = random.Random(20261201)
    events = sorted(
        [(at, "approve") for at in frange(APPROVE_EVERY / 2, seconds, APPROVE_EVERY)]
        + [(at, "publish") for at in frange(FIRST_PUBLISH_AT, seconds, PUBLISH_EVERY)]
    )
    ready_file(output).touch()
    started = time.monotonic()
    took: dict[str, list[float]] = {"approve": [], "publish": []}
    late = 0.0
    for at, action in events:
        time.sleep(max(0.0, started + at - time.monotonic()))
        late = max(late, time.monotonic() - started - at)
        began = time.perf_counter()
        if action == "approve":
            approve_one(rng.choices(articles, weights=reads["weights"])[0], staff)
        else:
            publish_one(len(took["publish"]), staff)
        took[action].append((time.perf_counter() - began) * 1000)
    summary = {
        "approvals": len(took["approve"]),
        "publications": len(took["publish"]),
        "approve_ms_max": round(max(took["approve"], default=0), 1),
        "publish_ms_max": round(max(took["publish"], default=0), 1),
        "latest_start_s": round(late, 3),
    }
    output.write_text(json.dumps(summary))


def frange(start: float, stop: float, step: float) -> list[float]:
    return [start + step * i for i in range(int((stop - start) // step) + 1)]


def bench_staff():
    """The writer's account: an editor and moderator, removed by the cleanup."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(
        username=BENCH_STAFF, defaults={"is_staff": True}
    )
    if created:
        user.groups.set(Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user


def approve_one(article, staff) -> None:
    from comments.services import comment_approve, comment_submit

    number = secrets.token_hex(4)
    comment = comment_submit(
        article=article,
        name=f"Bench Writer {number}",
        email=f"writer-{number}@{BENCH_EMAIL_DOMAIN}",
        body="A reader's comment, approved during the breaking-news run.",
        sender_hash="bench-writer",
        token=secrets.token_hex(16),
    )
    comment_approve(comments=[comment], moderator=staff)


def publish_one(number: int, staff) -> None:
    from articles.models import Article, Section, now_to_the_second
    from articles.services import article_publish

    title = f"Breaking: bench story {number} {secrets.token_hex(3)}"
    article = Article(
        language="en",
        title=title,
        slug=f"{BENCH_SLUG_PREFIX}{number}-{secrets.token_hex(3)}",
        lead="A story the breaking-news run publishes while readers crowd in.",
        body="<p>Published by the bench's writer, removed when the run ends.</p>",
        section=Section.objects.order_by("position", "name").first(),
        status=Article.Status.DRAFT,
        published_at=now_to_the_second(),
    )
    article.full_clean()
    article.save()
    article_publish(articles=[article], by=staff)
