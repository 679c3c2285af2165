"""The scenarios: which page, on which server, how it is loaded, and one table row
per scenario.

Servers: "hello" is the bare Django hello-world (``bench/hello/``), the floor every
row is compared with; "warm" has the page cache on; "rendered" renders every
request; "nginx" is the shipped nginx in front of "warm" (``bench.nginx``). Each
GET scenario runs wrk twice: requests per second at 16 connections,
then p50/p99 at one connection. Rows marked "no Accept-Encoding" come from clients
that send none (the page is then sent uncompressed).
"""

import secrets
from dataclasses import dataclass
from pathlib import Path

from bench.load import log, post_script, run_wrk, unexpected_responses
from bench.server import ACCEPT_ENCODING, Server, cookie_value, http_request

THREADS = 2


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    server: str
    page: str
    method: str = "GET"
    accept_encoding: bool = True


SCENARIOS = [
    Scenario("hello", "hello-world (bare Django)", "hello", "hello"),
    Scenario(
        "hello_plain",
        "hello-world, no Accept-Encoding",
        "hello",
        "hello",
        accept_encoding=False,
    ),
    Scenario("floor", "GET /health/live/", "warm", "floor"),
    Scenario("article_warm", "article, cache warm", "warm", "article"),
    Scenario(
        "article_warm_plain",
        "article, warm, no Accept-Encoding",
        "warm",
        "article",
        accept_encoding=False,
    ),
    Scenario("article_rendered", "article, rendered", "rendered", "article"),
    Scenario(
        "article_rendered_plain",
        "article, rendered, no A-E",
        "rendered",
        "article",
        accept_encoding=False,
    ),
    Scenario("article_nginx", "article, via nginx", "nginx", "article"),
    Scenario(
        "article_nginx_plain",
        "article, via nginx, no A-E",
        "nginx",
        "article",
        accept_encoding=False,
    ),
    Scenario("home_warm", "home, cache warm", "warm", "home"),
    Scenario("home_rendered", "home, rendered", "rendered", "home"),
    Scenario("section_warm", "section p1, cache warm", "warm", "section"),
    Scenario("section_rendered", "section p1, rendered", "rendered", "section"),
    Scenario("keyword1_warm", "keyword p1, cache warm", "warm", "keyword1"),
    Scenario("keyword1_rendered", "keyword p1, rendered", "rendered", "keyword1"),
    Scenario("keyword_deep_warm", "keyword deep, cache warm", "warm", "keyword_deep"),
    Scenario(
        "keyword_deep_rendered", "keyword deep, rendered", "rendered", "keyword_deep"
    ),
    # The form's per-visitor part, fetched when a reader starts typing (never cached;
    # measured when the app has that address).
    Scenario("challenge", "comment challenge GET", "warm", "challenge"),
    Scenario("comment_post", "comment POST (302)", "warm", "comment", "POST"),
]


def check_comment_post(warm: Server, paths: dict, plan: dict) -> tuple[str | None, str]:
    """Is a prepared comment POST accepted, and does it need a CSRF cookie?
    Returns the csrftoken the POST runs send (or None) and a note saying which."""
    spare = Path(plan["submissions"]["spare"]).read_text().split("\n")
    form_headers = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _headers, _body = http_request(
        warm.port, "POST", paths["comment"], body=spare[1], headers=form_headers
    )
    csrf = None
    note = "accepted without a CSRF cookie (view exempt)"
    if status == 403:
        csrf, source = csrf_token(warm, paths["article"])
        note = f"403 without a CSRF cookie: the POSTs carry a csrftoken {source}"
        status, _headers, _body = http_request(
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
    return csrf, note


def csrf_token(server: Server, path: str) -> tuple[str, str]:
    _s, headers, _b = http_request(server.port, "GET", path)
    token = cookie_value(headers, "csrftoken")
    if token:
        return token, "from the article page's Set-Cookie"
    return secrets.token_hex(16), "generated (the page set no cookie)"


def run_scenario(wrk: str, scenario: Scenario, server: Server, context: dict) -> dict:
    """Load and latency runs of one scenario, and its row (without sizes and probe)."""
    path = context["paths"][scenario.page]
    url = server.base + path
    log(f"  {scenario.label:<34} {url}")
    scripts = {"load": None, "latency": None}
    if scenario.method == "POST":
        submissions = context["plan"]["submissions"]
        for name, threads in (("load", THREADS), ("latency", 1)):
            scripts[name] = post_script(
                context["workdir"],
                name,
                path,
                submissions[name],
                threads,
                context["csrf"],
            )
    runs = {}
    for name, threads, connections, seconds in (
        ("load", THREADS, context["connections"], context["duration"]),
        ("latency", 1, 1, context["latency_duration"]),
    ):
        renders_before = server.renders()
        runs[name] = run_wrk(
            wrk,
            url,
            threads=threads,
            connections=connections,
            seconds=seconds,
            server_pid=server.pid,
            script=scripts[name],
            accept_encoding=scenario.accept_encoding,
        )
        runs[name]["renders"] = server.renders() - renders_before
        server.settle()
    return scenario_row(scenario, server, path, runs)


def scenario_row(scenario: Scenario, server: Server, path: str, runs: dict) -> dict:
    load, latency = runs["load"], runs["latency"]
    unexpected = unexpected_responses(load, latency)
    diagnosis = None
    if unexpected:
        status, _h, _b = http_request(
            server.port,
            scenario.method,
            path,
            headers={"Accept-Encoding": ACCEPT_ENCODING},
        )
        diagnosis = {"status_now": status, "server_log": server.log_tail(40)}
        log(f"    {unexpected:,} unexpected responses (now {status})")
    requests = (load["requests"] or 0) + (latency["requests"] or 0)
    renders = load["renders"] + latency["renders"]
    return {
        "label": scenario.label,
        "method": scenario.method,
        "url": path,
        "server": scenario.server,
        "accept_encoding": scenario.accept_encoding,
        "rps": load["rps"],
        "p50_ms": latency["p50_ms"],
        "p99_ms": latency["p99_ms"],
        "rendered_percent": (
            round(100 * renders / requests, 1)
            if requests and scenario.server != "hello"
            else None
        ),
        "unexpected_responses": unexpected,
        "other_cpu_percent": max(
            load["cpu_percent"]["other"], latency["cpu_percent"]["other"]
        ),
        "load_1m_before": load["load_1m_before"],
        "diagnosis": diagnosis,
        "load": {k: v for k, v in load.items() if k != "raw"},
        "latency": {k: v for k, v in latency.items() if k != "raw"},
        "wrk_output": {"load": load["raw"], "latency": latency["raw"]},
    }
