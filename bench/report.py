"""What a run found: the targets checked, the tables printed and written to
bench/results/, and the README's table refreshed.

"% floor" is a row's requests per second against the bare Django hello-world's
(``bench/hello/``) for clients of the same kind: with Accept-Encoding, or without.
"""

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from bench import DATA_DIR, FULL_SIZE, PROJECT_DIR, RESULTS_DIR, bench_size
from bench.load import log

# Targets from the issues; times are wrk's p50 at one connection.
TARGET_WARM_SHARE_OF_HELLO = 0.80
TARGET_RENDERED_SHARE_OF_HELLO = 0.25
TARGET_RENDERED_P50_MS = 8.0
TARGET_ARTICLE_QUERIES = 5
TARGET_ARTICLE_GZIP_BYTES = 15_000
TARGET_BREAKING_SHARE = 0.80
TARGET_BREAKING_P99_MS = 20.0
TARGET_COLD_RENDER_MS = 20.0

COLUMNS = [
    ("scenario", 34, "label"),
    ("req/s @16", 9, "rps"),
    ("p50 ms @1", 9, "p50_ms"),
    ("p99 ms @1", 9, "p99_ms"),
    ("rendered %", 10, "rendered_percent"),
    ("app ms", 7, "app_ms"),
    ("cold ms", 7, "cold_ms"),
    ("db ms", 6, "db_ms"),
    ("queries", 7, "queries"),
    ("HTML B", 7, "html_bytes"),
    ("gzip B", 6, "gzip_bytes"),
    ("sent B", 9, "sent"),
    ("% floor", 7, "floor_share"),
    ("other CPU %", 11, "other_cpu_percent"),
    ("load 1m", 7, "load_1m_before"),
]
BREAKING_COLUMNS = [
    ("breaking news @16", 34, "label"),
    ("req/s", 9, "rps"),
    ("p50 ms", 7, "p50_ms"),
    ("p90 ms", 7, "p90_ms"),
    ("p99 ms", 7, "p99_ms"),
    ("rendered %", 10, "rendered_percent"),
    ("writes", 9, "writes_cell"),
    ("other CPU %", 11, "other_cpu_percent"),
    ("load 1m", 7, "load_1m_before"),
]


def add_floor_shares(rows: dict) -> None:
    for row in rows.values():
        hello = rows.get("hello" if row.get("accept_encoding", True) else "hello_plain")
        floor = hello["rps"] if hello else None
        row["floor_share"] = (
            round(row["rps"] / floor * 100, 1) if row["rps"] and floor else None
        )


def sent_cell(size: dict) -> str | None:
    """What the server sent a browser, e.g. "12,931 br"."""
    sent = size.get("server_bytes_with_accept_encoding")
    if sent is None:
        return None
    return f"{sent:,} {size.get('server_content_encoding') or 'plain'}"


def writes_cell(written: dict | None) -> str | None:
    if not written:
        return None
    return f"{written['approvals']} + {written['publications']}"


# --- targets --------------------------------------------------------------------------


class Checks(list):
    def check(self, name, value, limit, passed, unit="") -> None:
        self.append(
            {
                "target": name,
                "value": value,
                "limit": limit,
                "unit": unit,
                "pass": bool(passed),
            }
        )


def targets(rows: dict, breaking: dict) -> list[dict]:
    checks = Checks()
    share_of_hello_targets(checks, rows)
    page_time_targets(checks, rows)
    article = rows["article_rendered"]
    checks.check(
        "queries per rendered article page ≤ 5",
        article["queries"],
        TARGET_ARTICLE_QUERIES,
        article["queries"] is not None and article["queries"] <= TARGET_ARTICLE_QUERIES,
    )
    for name, key in (
        ("gzipped", "gzip_bytes"),
        ("as sent to a browser", "sent_bytes"),
    ):
        checks.check(
            f"article HTML ≤ 15 KB {name}",
            article[key],
            TARGET_ARTICLE_GZIP_BYTES,
            article[key] is not None and article[key] <= TARGET_ARTICLE_GZIP_BYTES,
            "bytes",
        )
    cold_render_targets(checks, rows)
    breaking_targets(checks, breaking)
    for row in [*rows.values(), *breaking.values()]:
        checks.check(
            f"{row['label']}: every response as expected",
            row["unexpected_responses"],
            0,
            row["unexpected_responses"] == 0,
        )
    return checks


def share_of_hello_targets(checks: Checks, rows: dict) -> None:
    for suffix, clients in (("", "with"), ("_plain", "without")):
        for kind, share in (
            ("warm", TARGET_WARM_SHARE_OF_HELLO),
            ("rendered", TARGET_RENDERED_SHARE_OF_HELLO),
        ):
            row, hello = rows[f"article_{kind}{suffix}"], rows[f"hello{suffix}"]
            checks.check(
                f"article {kind} ≥ {share:.0%} of hello-world req/s, clients"
                f" {clients} Accept-Encoding",
                row["floor_share"],
                share * 100,
                row["rps"] >= share * hello["rps"],
                "%",
            )


def page_time_targets(checks: Checks, rows: dict) -> None:
    article = rows["article_rendered"]
    checks.check(
        "article rendered p50 ≤ 8 ms",
        article["p50_ms"],
        TARGET_RENDERED_P50_MS,
        article["p50_ms"] <= TARGET_RENDERED_P50_MS,
        "ms",
    )
    for key in ("keyword_deep_rendered", "keyword_deep_warm"):
        base = rows[key.replace("_deep", "1")]["p50_ms"]
        checks.check(
            f"{rows[key]['label']} p50 ≤ 2 × keyword p1's ({base} ms)",
            rows[key]["p50_ms"],
            round(2 * base, 3),
            rows[key]["p50_ms"] <= 2 * base,
            "ms",
        )
    for key in ("home_rendered", "section_rendered"):
        checks.check(
            f"{rows[key]['label']} p50 ≤ 2 × article rendered's",
            rows[key]["p50_ms"],
            round(2 * article["p50_ms"], 3),
            rows[key]["p50_ms"] <= 2 * article["p50_ms"],
            "ms",
        )


def cold_render_targets(checks: Checks, rows: dict) -> None:
    """Every page rendered with nothing cached (after a visible change), in-process:
    the median of 7 (``bench.stages.cold_render``); on the page-cache server that
    includes compressing and storing the page."""
    for row in rows.values():
        if row.get("cold_ms") is None or not row.get("accept_encoding", True):
            continue
        checks.check(
            f"{row['label']}: cold render ≤ 20 ms",
            row["cold_ms"],
            TARGET_COLD_RENDER_MS,
            row["cold_ms"] <= TARGET_COLD_RENDER_MS,
            "ms",
        )


def breaking_targets(checks: Checks, breaking: dict) -> None:
    for suffix, where in (("", "directly"), ("_nginx", "via nginx")):
        quiet = breaking.get(f"breaking_reads{suffix}")
        busy = breaking.get(f"breaking_writes{suffix}")
        if not (quiet and busy):
            continue
        checks.check(
            f"breaking news {where}: req/s with writes ≥ 80% of without",
            round(busy["rps"] / quiet["rps"] * 100, 1),
            TARGET_BREAKING_SHARE * 100,
            busy["rps"] >= TARGET_BREAKING_SHARE * quiet["rps"],
            "%",
        )
        checks.check(
            f"breaking news {where}: p99 with writes ≤ 20 ms",
            busy["p99_ms"],
            TARGET_BREAKING_P99_MS,
            busy["p99_ms"] is not None and busy["p99_ms"] <= TARGET_BREAKING_P99_MS,
            "ms",
        )


# --- tables ---------------------------------------------------------------------------


def cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}" if value >= 100 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def text_table(rows: dict, columns=COLUMNS) -> str:
    def line(values) -> str:
        return "  ".join(
            value.ljust(width) if i == 0 else value.rjust(width)
            for i, (value, (_title, width, _key)) in enumerate(
                zip(values, columns, strict=True)
            )
        )

    lines = [line([title for title, _w, _k in columns])]
    lines.append("  ".join("-" * width for _title, width, _key in columns))
    for row in rows.values():
        lines.append(line([cell(row.get(key)) for _t, _w, key in columns]))
    return "\n".join(lines)


def markdown_table(rows: dict, columns) -> list[str]:
    lines = [
        "| " + " | ".join(title for title, _w, _k in columns) + " |",
        "|---" + "|---:" * (len(columns) - 1) + "|",
    ]
    for row in rows.values():
        lines.append(
            "| " + " | ".join(cell(row.get(key)) for _t, _w, key in columns) + " |"
        )
    return lines


def load_cell(load) -> str:
    return ", ".join(f"{value:.2f}" for value in load) if load else "unknown"


def markdown_report(result: dict) -> str:
    machine = result["machine"]
    lines = [
        f"`make bench` on {result['backend']}, {result['finished_at']}, "
        f"{result['counts']['articles']:,} articles: "
        f"{machine['nproc']} × {machine['cpu']}, {machine['memory_gb']} GB, "
        f"{machine['os']}; Python {machine['python']}, Django {machine['django']}, "
        f"{machine['gunicorn']} ({result['settings']['workers']} sync workers), "
        f"{machine['database']}, cache: {machine['cache']}; {machine['wrk']} on the "
        "same machine. % floor: against a bare Django hello-world under the same "
        "gunicorn settings, for clients of the same kind.",
        "",
        f"Command: `{result.get('command') or 'make bench'}`. Machine load (1, 5, 15 "
        f"min) before: {load_cell(machine.get('load_average_before'))}, after: "
        f'{load_cell(machine.get("load_average_after"))}; "load 1m" is the '
        "one-minute load as each run started, on 2 cores shared with other work.",
        "",
        *markdown_table(result["scenarios"], COLUMNS),
        "",
        *markdown_table(result["breaking_news"], BREAKING_COLUMNS),
        "",
        "| target | value | limit | |",
        "|---|---:|---:|---|",
    ]
    for item in result["targets"]:
        lines.append(
            f"| {item['target']} | {cell(item['value'])} {item['unit']} | "
            f"{cell(item['limit'])} | {'pass' if item['pass'] else '**FAIL**'} |"
        )
    return "\n".join(lines) + "\n"


def print_report(result: dict) -> None:
    log("")
    log(text_table(result["scenarios"]))
    log("")
    log(text_table(result["breaking_news"], BREAKING_COLUMNS))
    log("")
    log("Targets (2 sync workers, wrk on the same machine):")
    for item in result["targets"]:
        log(
            f"  {'PASS' if item['pass'] else 'FAIL'}  {item['target']}: "
            f"{cell(item['value'])} {item['unit']} (limit {cell(item['limit'])})"
        )


def write_results(result: dict, stamp: str) -> None:
    """bench/results/<backend>-<time>.json, latest-<backend>.json and .md, and the
    README's table between ``<!-- bench:<backend>:start/end -->``."""
    backend = result["backend"]
    folder = RESULTS_DIR
    if bench_size() != FULL_SIZE:
        # A small archive checks the harness: its figures are no result to publish.
        backend += f"-{bench_size()}"
        folder = DATA_DIR / "results"
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    (folder / f"{backend}-{stamp}.json").write_text(text)
    (folder / f"latest-{backend}.json").write_text(text)
    markdown = markdown_report(result)
    (folder / f"latest-{backend}.md").write_text(markdown)
    log("")
    where = folder.relative_to(PROJECT_DIR)
    log(f"Wrote {where}/{backend}-{stamp}.json and latest-{backend}.json/.md")
    if bench_size() == FULL_SIZE and update_readme(backend, markdown):
        log("Updated the README's table.")


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


# --- the machine ----------------------------------------------------------------------


def load_average() -> list[float] | None:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return None


def _first_line(path: str, prefix: str, default: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line[len(prefix) :].strip()
    except OSError:
        pass
    return default


def _version(command: list[str]) -> str:
    output = subprocess.run(command, capture_output=True, text=True, check=False)
    return output.stdout.strip().split("\n")[0]


def machine_info(wrk: str, plan: dict) -> dict:
    import django

    memory = _first_line("/proc/meminfo", "MemTotal:", "0 kB").split()[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": _first_line("/proc/cpuinfo", "model name", "unknown").lstrip(": "),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "os": _first_line("/etc/os-release", "PRETTY_NAME=", platform.platform()).strip(
            '"'
        ),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": _version(
            [str(Path(sys.executable).parent / "gunicorn"), "--version"]
        ),
        "wrk": _version([wrk, "--version"]),
        "database": plan["database_version"],
        "cache": plan["redis_version"] or "local memory (per worker process)",
        # Anything else running on the machine skews every number: look here first.
        "load_average_before": plan.get("load_average_before"),
        "load_average_after": load_average(),
    }
