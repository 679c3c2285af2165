"""`make bench`: the production stack under load, against the benchmark database.

    .venv/bin/python -m bench.run [--rebuild] [--articles 100000] [--duration 10]
                                  [--latency-duration 5] [--connections 16]

SQLite by default; PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set (the
bench database is always a separate one: see ``bench.bench_database_url``).
``--articles 2000`` builds and measures a small archive of its own, to check the
harness quickly; BENCH_PORTS=18500-18599 keeps the servers in a range of ports.

1. builds the bench database if needed (``bench.build``), prepares the pages and a
   few thousand valid comment submissions and collects static files
   (``bench.stages``);
2. counts queries per request in-process (``bench.stages.stage_probe``);
3. starts three gunicorns with deploy/gunicorn.conf.py (2 sync workers, DEBUG off)
   on 127.0.0.1 (``bench.server``): a bare Django hello-world, the floor; the site
   with its page cache ("warm"); and the site rendering every request
   ("rendered"); and the shipped nginx in front of "warm" (``bench.nginx``);
4. drives each scenario with wrk (``bench.scenarios``, ``bench.load``), then the
   breaking-news reads with and without writes (``bench.breaking``);
5. checks the targets, prints the tables, writes bench/results/ and refreshes the
   README's table (``bench.report``).

Every server is stopped at the end, whatever happens; only 127.0.0.1 is targeted.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import PROJECT_DIR, backend_name, bench_size
from bench import report as reporting
from bench.breaking import run_breaking_news, stage_writer
from bench.load import ensure_wrk, log
from bench.nginx import NginxFront
from bench.scenarios import SCENARIOS, THREADS, check_comment_post, run_scenario
from bench.server import HELLO_APP, HOST, WORKERS, Server, http_request, page_sizes
from bench.server import server_environment as base_environment
from bench.stages import stage_cleanup, stage_prepare, stage_probe

LOAD_SECONDS = 10
LATENCY_SECONDS = 5
CONNECTIONS = 16
PAGE_CACHE = {"warm": "1", "rendered": "0"}


def run_stage(stage: str, env: dict, *args: str, timeout: int = 900) -> None:
    subprocess.run(
        [sys.executable, "-m", "bench.run", "--stage", stage, *args],
        check=True,
        cwd=PROJECT_DIR,
        env=env,
        timeout=timeout,
    )


def build_database(rebuild: bool) -> float:
    command = [sys.executable, "-m", "bench.build"]
    if rebuild:
        command.append("--rebuild")
    started = time.monotonic()
    subprocess.run(command, check=True, cwd=PROJECT_DIR, timeout=3_600)
    return time.monotonic() - started


def prepare(env: dict, workdir: Path) -> tuple[Path, dict]:
    log("Preparing pages and comment submissions...")
    plan_path = workdir / "plan.json"
    run_stage("prepare", env, "--output", str(plan_path))
    log("Collecting static files...")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        check=True,
        cwd=PROJECT_DIR,
        env=env,
        timeout=600,
    )
    return plan_path, json.loads(plan_path.read_text())


def probe(env: dict, plan_path: Path, workdir: Path) -> dict:
    log("Counting queries in-process...")
    probes = {}
    for mode, page_cache in PAGE_CACHE.items():
        output = workdir / f"probe-{mode}.json"
        probe_env = {
            **env,
            "DJANGO_PAGE_CACHE": page_cache,
            "DJANGO_ALLOWED_HOSTS": env["DJANGO_ALLOWED_HOSTS"] + ",testserver",
        }
        run_stage("probe", probe_env, "--plan", str(plan_path), "--output", str(output))
        probes[mode] = json.loads(output.read_text())
    return probes


def start_servers(env: dict, workdir: Path, servers: dict) -> None:
    """Fills ``servers`` as they start, so that the caller stops what started."""
    servers["hello"] = Server("hello", env, workdir, app=HELLO_APP, ready_path="/")
    for name, page_cache in PAGE_CACHE.items():
        servers[name] = Server(name, {**env, "DJANGO_PAGE_CACHE": page_cache}, workdir)
    for server in servers.values():
        server.start()
    for server in servers.values():
        server.wait_ready()
    servers["nginx"] = NginxFront("nginx", servers["warm"], workdir)
    servers["nginx"].start()
    servers["nginx"].wait_ready()
    log(
        "gunicorn ready: "
        + ", ".join(f"{s.name} on {s.base}" for s in servers.values())
        + f" ({WORKERS} sync workers each)"
    )


def measure_sizes(servers: dict, paths: dict) -> dict:
    """Every page answers 200 on both site servers before any load; then warm them."""
    sizes = {}
    for name in PAGE_CACHE:
        server = servers[name]
        for page, path in paths.items():
            if page == "comment":
                continue
            measured = page_sizes(server.port, path)
            if measured["status"] != 200:
                raise SystemExit(
                    f"bench: {server.base}{path} answered {measured['status']}"
                    f" {measured['location'] or ''}\n{server.log_tail()}"
                )
            sizes[(name, page)] = measured
            for _ in range(6):
                http_request(server.port, "GET", path)
    return sizes


def run_scenarios(wrk: str, servers: dict, context: dict, probes, sizes) -> dict:
    rows = {}
    for scenario in SCENARIOS:
        if scenario.page not in context["paths"]:
            continue
        row = run_scenario(wrk, scenario, servers[scenario.server], context)
        probe_result = probes.get(scenario.server, {}).get(
            "comment" if scenario.method == "POST" else scenario.page, {}
        )
        size = sizes.get((scenario.server, scenario.page), {})
        cold = probe_result.get("cold") or {}
        row.update(
            cold_ms=cold.get("app_ms") if scenario.server in PAGE_CACHE else None,
            cold_queries=cold.get("queries"),
            queries=probe_result.get("queries"),
            db_ms=probe_result.get("db_ms"),
            app_ms=probe_result.get("app_ms"),
            probe_status=probe_result.get("status"),
            html_bytes=size.get("html_bytes"),
            gzip_bytes=size.get("gzip_bytes"),
            server_content_encoding=size.get("server_content_encoding"),
            sent_bytes=size.get("server_bytes_with_accept_encoding"),
            sent=reporting.sent_cell(size) if scenario.accept_encoding else None,
        )
        if scenario.method == "POST":
            row["csrf"] = context["csrf_note"]
        rows[scenario.key] = row
    return rows


def measure(args, env: dict, workdir: Path, wrk: str) -> dict:
    """Everything with servers up; they are stopped whatever happens."""
    plan_path, plan = prepare(env, workdir)
    probes = probe(env, plan_path, workdir)
    servers: dict[str, Server] = {}
    try:
        start_servers(env, workdir, servers)
        paths = {**plan["paths"], "hello": "/"}
        sizes = measure_sizes(servers, plan["paths"])
        csrf, csrf_note = check_comment_post(servers["warm"], paths, plan)
        log(f"Comment POST: {csrf_note}")
        context = {
            "paths": paths,
            "plan": plan,
            "workdir": workdir,
            "csrf": csrf,
            "csrf_note": csrf_note,
            "connections": args.connections,
            "duration": args.duration,
            "latency_duration": args.latency_duration,
        }
        rows = run_scenarios(wrk, servers, context, probes, sizes)
        breaking = run_breaking_news(wrk, servers, plan_path, env, args)
    finally:
        for server in servers.values():
            server.stop()
            if server.process and server.process.returncode not in (0, None):
                log(f"  gunicorn ({server.name}) exit code {server.process.returncode}")
        run_stage("cleanup", env, timeout=600)
    return {
        "plan": plan,
        "probes": probes,
        "rows": rows,
        "breaking": breaking,
        "csrf_note": csrf_note,
    }


def result_of(args, measured: dict, wrk: str, started: float, build_seconds) -> dict:
    plan, probes = measured["plan"], measured["probes"]
    rows, breaking = measured["rows"], measured["breaking"]
    reporting.add_floor_shares(rows)
    for row in breaking.values():
        row["writes_cell"] = reporting.writes_cell(row["writes"])
    plan["load_average_before"] = args.load_before
    return {
        "backend": backend_name(),
        "command": "make bench"
        + (f' BENCH_ARGS="{" ".join(sys.argv[1:])}"' if sys.argv[1:] else ""),
        "finished_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "seconds": round(time.monotonic() - started, 1),
        "build_seconds_this_run": round(build_seconds, 1),
        "build": plan["build"],
        "machine": reporting.machine_info(wrk, plan),
        "settings": {
            "workers": WORKERS,
            "worker_class": "sync",
            "gunicorn_config": "deploy/gunicorn.conf.py",
            "debug": False,
            "load": f"wrk -t{THREADS} -c{args.connections} -d{args.duration}s",
            "latency": f"wrk -t1 -c1 -d{args.latency_duration}s",
            "page_cache": {"warm": "DJANGO_PAGE_CACHE=1", "rendered": "0"},
            "page_cache_in_effect": {m: probes[m]["page_cache"] for m in probes},
            "comment_csrf": measured["csrf_note"],
            "floor": "bench/hello (bare Django hello-world), same gunicorn settings",
            "nginx": "deploy/nginx.conf as shipped, 1 worker, in front of warm",
        },
        "pages": {k: plan[k] for k in ("article", "section", "keyword")},
        "counts": plan["counts"],
        "scenarios": rows,
        "breaking_news": breaking,
        "queries": {
            mode: {p: r["sql"] for p, r in probes[mode].items() if isinstance(r, dict)}
            for mode in probes
        },
        "targets": reporting.targets(rows, breaking),
    }


def orchestrate(args) -> int:
    started = time.monotonic()
    wrk = ensure_wrk()
    log(f"== make bench: {backend_name()}, {bench_size():,} articles ==")
    args.load_before = reporting.load_average()
    if args.load_before and args.load_before[0] > 0.5 * (os.cpu_count() or 1):
        log(
            f"Warning: load average {args.load_before[0]:.2f} on {os.cpu_count()}"
            " cores: other work on this machine will skew the numbers."
        )
    build_seconds = build_database(args.rebuild)
    workdir = Path(tempfile.mkdtemp(prefix="newsportal-bench-"))
    try:
        env = base_environment(workdir / "static")
        measured = measure(args, env, workdir, wrk)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = result_of(args, measured, wrk, started, build_seconds)
    reporting.print_report(result)
    stamp = datetime.fromisoformat(result["finished_at"]).strftime("%Y%m%dT%H%M%SZ")
    reporting.write_results(result, stamp)
    log(f"make bench: {result['seconds']:.0f}s in all")
    return 0


def parse_arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark newsportal under gunicorn with wrk (see README)."
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="rebuild the bench database first"
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=bench_size(),
        help="articles in the bench archive (default 100,000; a database per size)",
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
    parser.add_argument("--stage", choices=["prepare", "probe", "cleanup", "writer"])
    parser.add_argument("--plan", type=Path)
    parser.add_argument("--output", type=Path)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_arguments(argv)
    # Read by bench.bench_database_url here and in every stage and server started.
    os.environ["BENCH_ARTICLES"] = str(args.articles)
    if args.stage == "prepare":
        stage_prepare(args.output)
    elif args.stage == "probe":
        stage_probe(args.plan, args.output, HOST)
    elif args.stage == "cleanup":
        stage_cleanup()
    elif args.stage == "writer":
        stage_writer(args.plan, args.output, args.duration)
    else:
        return orchestrate(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
