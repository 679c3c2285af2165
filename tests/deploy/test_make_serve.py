"""`make serve` (scripts/serve-production) runs the production stack from an
environment file: it checks, migrates, collects static files, serves with gunicorn,
runs the tasks worker beside it and stops both on SIGTERM; with settings missing or
unsafe it refuses and starts nothing."""

import os
import secrets
import signal
import socket
import subprocess
import time

import pytest

from tests.deploy.env_files import write_env_file
from tests.deploy.servers import HOST, ROOT, free_port, get

SCRIPT = ["bash", "scripts/serve-production"]


def base_environment() -> dict[str, str]:
    """The caller's environment without the test run's own Django settings."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_"))
        and key not in {"SITE_URL", "STATIC_ROOT", "MEDIA_ROOT"}
    }


def site_values(folder, port: int) -> dict[str, str]:
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "SITE_URL": f"https://{HOST}",
        "DJANGO_HTTPS": "1",
        "DJANGO_BEHIND_TLS_PROXY": "1",
        "COMMENTS_CLIENT_IP_HEADER": "X-Real-IP",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "READER_CACHE_VERSIONS_FILE": str(folder / "versions.sqlite3"),
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def wait_for_port(process, port: int, log) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        if process.poll() is not None:
            pytest.fail("make serve ended:\n" + log.read_text())
        time.sleep(0.2)
    pytest.fail("make serve did not listen:\n" + log.read_text())


def manage(folder, values: dict, code: str) -> str:
    done = subprocess.run(
        [".venv/bin/python", "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=base_environment() | values,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


ENQUEUE = """
from comments.tasks import notify_moderators
print("TASK", notify_moderators.enqueue(0).id)
"""
STATUS = """
from django_tasks_db.models import DBTaskResult
print("STATUS", DBTaskResult.objects.get(id="{id}").status)
"""


def children_of(pid: int) -> list[int]:
    found = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
    )
    return [int(line) for line in found.stdout.split()]


def test_serve_answers_runs_the_worker_and_stops_cleanly(tmp_path):
    port = free_port(60)
    values = site_values(tmp_path, port)
    env_file = write_env_file(tmp_path / "production.env", values)
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            SCRIPT,
            cwd=ROOT,
            env=base_environment() | {"ENV_FILE": str(env_file)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(process, port, log)
        children = children_of(process.pid)
        assert len(children) == 2, log.read_text()

        status, body, _headers = get(port, "/health/")
        assert (status, '"ok"' in body) == (200, True), body
        # Behind nginx: HTTPS said by the proxy, the reader's address in X-Real-IP.
        status, body, _headers = get(
            port, "/en/", **{"X-Forwarded-Proto": "https", "X-Real-IP": "192.0.2.7"}
        )
        assert status == 200, body
        assert "<html" in body
        # Static files were collected (hashed names) and are served.
        assert list((tmp_path / "static").glob("css/site.*.css"))

        task = manage(tmp_path, values, ENQUEUE).split("TASK")[1].strip()
        deadline = time.monotonic() + 30
        while "SUCCESSFUL" not in (
            outcome := manage(tmp_path, values, STATUS.format(id=task))
        ):
            assert time.monotonic() < deadline, outcome + log.read_text()
            time.sleep(0.5)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            returncode = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise

    assert returncode == 0, log.read_text()
    for child in children:
        assert not os.path.exists(f"/proc/{child}"), f"{child} still runs"


def run_refused(tmp_path, **changes: str) -> subprocess.CompletedProcess:
    values = site_values(tmp_path, free_port(70)) | changes
    env_file = write_env_file(tmp_path / "production.env", values)
    return subprocess.run(
        SCRIPT,
        cwd=ROOT,
        env=base_environment() | {"ENV_FILE": str(env_file)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DATABASE_URL", "SITE_URL"])
def test_serve_refuses_without_a_required_setting(tmp_path, missing):
    result = run_refused(tmp_path, **{missing: ""})

    assert result.returncode == 2
    assert f"not set: {missing}" in result.stderr
    assert "production.env.example" in result.stderr
    assert not (tmp_path / "site.sqlite3").exists()  # nothing migrated


def test_serve_refuses_debug(tmp_path):
    result = run_refused(tmp_path, DJANGO_DEBUG="1")

    assert result.returncode == 2
    assert "DJANGO_DEBUG is on" in result.stderr


def test_serve_refuses_settings_check_deploy_warns_about(tmp_path):
    result = run_refused(tmp_path, DJANGO_HTTPS="0")

    assert result.returncode == 2
    assert "security.W008" in result.stderr
    assert "nothing was started" in result.stderr
    assert "Applying" not in result.stdout  # nothing migrated
