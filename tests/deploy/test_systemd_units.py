"""The systemd units in deploy/ are valid, start commands that exist, and share one
layout: `systemd-analyze verify` on copies with the checkout in place of
/srv/newsportal, and every manage.py command they run is one of ours."""

import configparser
import re
import shlex
import shutil
import subprocess

import pytest
from django.core.management import get_commands

from tests.deploy.servers import ROOT

UNITS = sorted(
    path
    for path in (ROOT / "deploy").iterdir()
    if path.suffix in {".service", ".timer"}
)
SERVICES = [path for path in UNITS if path.suffix == ".service"]
LAYOUT = "/srv/newsportal"


def unit(path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text())
    return parser


def commands(path) -> list[list[str]]:
    service = unit(path)["Service"]
    return [
        shlex.split(service[key])
        for key in ("ExecStartPre", "ExecStart", "ExecStartPost")
        if key in service
    ]


def test_the_units_of_issue_15_are_there():
    names = {path.name for path in UNITS}
    assert names >= {
        "newsportal.service",
        "newsportal-worker.service",
        "newsportal-erase-emails.service",
        "newsportal-erase-emails.timer",
        "newsportal-backup.service",
        "newsportal-backup.timer",
    }


@pytest.mark.parametrize("path", SERVICES, ids=lambda path: path.name)
def test_every_service_runs_as_the_site_user_with_the_environment_file(path):
    service = unit(path)["Service"]
    assert service["User"] == service["Group"] == "newsportal"
    assert service["WorkingDirectory"] == LAYOUT
    assert service["EnvironmentFile"] == "/etc/newsportal/production.env"
    assert service["NoNewPrivileges"] == "true"
    assert service["ProtectSystem"] == "strict"


@pytest.mark.parametrize("path", SERVICES, ids=lambda path: path.name)
def test_every_manage_py_command_exists(path):
    ours = get_commands()
    found = []
    for command in commands(path):
        if "manage.py" in command:
            name = command[command.index("manage.py") + 1]
            found.append(name)
            assert name in ours, f"{path.name}: manage.py {name} is no command"
    if path.name != "newsportal-backup.service":  # runs through /bin/sh
        assert found or "gunicorn" in " ".join(sum(commands(path), []))


def test_the_app_server_runs_gunicorn_with_the_shipped_configuration():
    (command,) = [c for c in commands(ROOT / "deploy/newsportal.service") if "-c" in c]
    assert command[0] == f"{LAYOUT}/.venv/bin/gunicorn"
    assert command[1] == "newsportal.wsgi"
    assert (ROOT / command[command.index("-c") + 1]).is_file()


@pytest.mark.parametrize(
    "path", [p for p in UNITS if p.suffix == ".timer"], ids=lambda p: p.name
)
def test_every_timer_starts_a_shipped_service(path):
    assert path.with_suffix(".service").is_file()
    timer = unit(path)["Timer"]
    if "OnCalendar" in timer:
        # A daily run missed while the machine was off is made up at boot.
        assert timer["Persistent"] == "true"
    else:
        # An interval timer (every few minutes) starts again after boot.
        assert "OnUnitActiveSec" in timer and "OnBootSec" in timer


def test_systemd_analyze_verify_accepts_every_unit(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (Debian's systemd package)")
    for path in UNITS:
        text = path.read_text().replace(LAYOUT, str(ROOT))
        (tmp_path / path.name).write_text(text)

    result = subprocess.run(
        [analyze, "verify", *(str(tmp_path / path.name) for path in UNITS)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    # Unknown settings are only warned about: any output at all is a failure.
    assert result.returncode == 0, result.stderr
    assert re.sub(r"\s+", "", result.stdout + result.stderr) == ""
