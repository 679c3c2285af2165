"""The load: Debian's wrk driving a server, its output read back, its Lua scripts
written, and where the machine's CPU went during the run.

- comment POSTs: each prepared submission is posted once (``post_script``);
- breaking-news reads: paths drawn with Zipf weights (``zipf_script``).
"""

import json
import os
import re
import resource
import shutil
import subprocess
import time
from pathlib import Path

from bench.server import ACCEPT_ENCODING


def log(message: str) -> None:
    print(message, flush=True)


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


# --- wrk's output ---------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def parse_duration_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"unexpected wrk duration: {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def _number(pattern: str, output: str, kind=float, default=None):
    match = re.search(pattern, output, re.MULTILINE)
    return kind(match.group(1)) if match else default


def parse_wrk(output: str) -> dict:
    result: dict = {
        "rps": _number(r"Requests/sec:\s+([\d.]+)", output),
        "requests": _number(r"(\d+) requests in ([\d.]+\w+)", output, int),
        "non_2xx_3xx": _number(r"Non-2xx or 3xx responses: (\d+)", output, int, 0),
    }
    for percentile in ("50", "75", "90", "99"):
        text = _number(rf"^\s+{percentile}%\s+(\S+)", output, str)
        result[f"p{percentile}_ms"] = (
            round(parse_duration_ms(text), 3) if text else None
        )
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


def unexpected_responses(*runs: dict) -> int:
    """Errors, non-2xx/3xx answers and (for POSTs) refused or reposted forms."""
    count = 0
    for run in runs:
        count += run["non_2xx_3xx"] + sum(run["socket_errors"].values())
        if "post" in run:
            count += run["post"]["other_status"] + run["post"]["submissions_reused"]
    return count


# --- Lua scripts ---------------------------------------------------------------------

SCRIPTS_DIR = Path(__file__).resolve().parent / "lua"


def lua_string(value: str) -> str:
    # A JSON string is a Lua string literal, but for \u escapes, which Lua lacks:
    # other characters stay as they are (UTF-8 bytes in the script).
    return json.dumps(value, ensure_ascii=False)


def _script(workdir: Path, name: str, template: str, values: dict) -> Path:
    text = (SCRIPTS_DIR / template).read_text()
    for key, value in values.items():
        text = text.replace(f"{{{{{key}}}}}", value)
    script = workdir / name
    script.write_text(text)
    return script


def post_script(
    workdir: Path, name: str, path: str, file: str, threads: int, csrf: str | None
) -> Path:
    """Each submission of ``file`` posted once: thread i of n takes lines i, i+n..."""
    cookie = f'headers["Cookie"] = {lua_string("csrftoken=" + csrf)}' if csrf else ""
    extra = f"&csrfmiddlewaretoken={csrf}" if csrf else ""
    return _script(
        workdir,
        f"post-{name}.lua",
        "post.lua",
        {
            "path": lua_string(path),
            "file": lua_string(file),
            "extra": lua_string(extra),
            "cookie": cookie,
            "threads": str(threads),
        },
    )


def zipf_script(workdir: Path, name: str, paths: list[str], weights: list[float]):
    """GETs of ``paths`` drawn at random with these weights, in every thread."""
    total = sum(weights)
    cumulative, running = [], 0.0
    for weight in weights:
        running += weight
        cumulative.append(f"{running / total:.9f}")
    cumulative[-1] = "1"
    return _script(
        workdir,
        f"zipf-{name}.lua",
        "zipf.lua",
        {
            "paths": ",\n  ".join(lua_string(path) for path in paths),
            "cumulative": ", ".join(cumulative),
        },
    )


def zipf_weights(count: int, *, top: int, share: float) -> list[float]:
    """Weights 1/rank^s over ``count`` ranks, s chosen so that the ``top`` ranks
    draw ``share`` of the total (ten of 200 getting half the reads: s ≈ 1.03)."""

    def top_share(exponent: float) -> float:
        weights = [rank**-exponent for rank in range(1, count + 1)]
        return sum(weights[:top]) / sum(weights)

    low, high = 0.0, 5.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if top_share(middle) < share else (low, middle)
    return [rank ** -((low + high) / 2) for rank in range(1, count + 1)]


# --- CPU accounting ------------------------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# The database and cache servers are part of the stack under test, not noise (though
# anything else using the same PostgreSQL or Redis at the time is counted with them).
STACK_SERVERS = {"postgres", "redis-server"}


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


def _processes():
    """(pid, command name, parent pid) of every process."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.find("(") + 1 : stat.rfind(")")]
        yield int(entry.name), name, int(stat.rsplit(")", 1)[1].split()[1])


def server_cpu_seconds(master: int) -> float:
    """The gunicorn master's CPU time, its exited workers' and its live workers'."""
    total = process_cpu_seconds(master, reaped=True)
    for pid, _name, parent in _processes():
        if parent == master:
            total += process_cpu_seconds(pid, reaped=False)
    return total


def stack_servers_cpu_seconds() -> float:
    """CPU time of PostgreSQL's and Redis's processes (exited backends included,
    through the postmaster's account of its reaped children)."""
    return sum(
        process_cpu_seconds(pid, reaped=True)
        for pid, name, _parent in _processes()
        if name in STACK_SERVERS or name.startswith("postgres")
    )


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_average_1m() -> float | None:
    """The machine's one-minute load average (as ``uptime`` shows it)."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def cpu_snapshot(server_pid: int) -> tuple[float, ...]:
    return (
        time.monotonic(),
        machine_busy_seconds(),
        server_cpu_seconds(server_pid),
        children_cpu_seconds(),
        stack_servers_cpu_seconds(),
    )


def cpu_percent(before: tuple[float, ...], after: tuple[float, ...]) -> dict:
    """Where the machine's CPU went, in % of all its cores: gunicorn, wrk, PostgreSQL
    and Redis, and everything else (other work on the machine, which skews the
    numbers)."""
    capacity = (after[0] - before[0]) * (os.cpu_count() or 1) / 100
    busy, server, load, stack = (after[i] - before[i] for i in (1, 2, 3, 4))
    return {
        "machine": round(busy / capacity, 1),
        "gunicorn": round(server / capacity, 1),
        "wrk": round(load / capacity, 1),
        "database_and_cache": round(stack / capacity, 1),
        "other": round(max(0.0, busy - server - load - stack) / capacity, 1),
    }


# --- a run ---------------------------------------------------------------------------


def run_wrk(
    wrk: str,
    url: str,
    *,
    threads: int,
    connections: int,
    seconds: int,
    server_pid: int,
    script: Path | None = None,
    accept_encoding: bool = True,
) -> dict:
    """One wrk run; ``accept_encoding`` False sends no Accept-Encoding at all."""
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s"]
    command += ["--timeout", "10s", "--latency"]
    if accept_encoding:
        command += ["--header", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    load_1m = load_average_1m()
    before = cpu_snapshot(server_pid)
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    after = cpu_snapshot(server_pid)
    if completed.returncode != 0:
        raise SystemExit(f"bench: wrk failed:\n{completed.stderr}{completed.stdout}")
    result = parse_wrk(completed.stdout)
    result["raw"] = completed.stdout
    result["cpu_percent"] = cpu_percent(before, after)
    result["load_1m_before"] = load_1m
    return result
