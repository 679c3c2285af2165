"""deploy/production.env.example is complete and safe to copy: every variable the
code reads is in it and in the README's table, the settings a site behind nginx
needs are set, and `check --deploy` finds nothing to warn about in its values."""

import ast
import os
import re
import secrets

import pytest

from tests.deploy.env_files import read_env_file
from tests.deploy.servers import ROOT
from tests.security.production import run_python

EXAMPLE = ROOT / "deploy/production.env.example"
ENV_HELPERS = {"env_str", "env_bool", "env_int", "env_list"}


def settings_variables() -> set[str]:
    tree = ast.parse((ROOT / "newsportal/settings.py").read_text())
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ENV_HELPERS
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def other_variables() -> set[str]:
    """Read outside the settings: gunicorn's configuration, the backup command."""
    gunicorn = (ROOT / "deploy/gunicorn.conf.py").read_text()
    backup = (ROOT / "backups/management/commands/backup.py").read_text()
    pattern = r'(?:_int|os\.environ\.get)\(\s*"([A-Z][A-Z0-9_]+)"'
    return set(re.findall(pattern, gunicorn)) | set(re.findall(pattern, backup))


def readme_table_variables() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", "\n".join(rows)))


def test_the_variables_are_found_at_all():
    # A parser that found nothing would pass the tests below.
    assert settings_variables() >= {
        "DJANGO_SECRET_KEY",
        "DATABASE_PREPARED_STATEMENTS",  # its call spans lines
        "DJANGO_EMAIL_BACKEND",
    }
    assert other_variables() >= {"GUNICORN_WORKERS", "BACKUP_KEY_FILE"}


@pytest.mark.parametrize("source", [settings_variables, other_variables])
def test_every_variable_read_is_in_the_example(source):
    text = EXAMPLE.read_text()
    missing = sorted(name for name in source() if not re.search(rf"\b{name}\b", text))
    assert not missing


@pytest.mark.parametrize("source", [settings_variables, other_variables])
def test_every_variable_read_is_in_the_readme_table(source):
    missing = sorted(source() - readme_table_variables())
    assert not missing


def test_the_example_sets_what_a_site_behind_nginx_needs():
    values = read_env_file(EXAMPLE)

    assert values["DJANGO_DEBUG"] == "0"
    assert values["DJANGO_SECRET_KEY"] == ""  # never a shared default
    assert values["COMMENTS_CLIENT_IP_HEADER"] == "X-Real-IP"
    assert values["DJANGO_HTTPS"] == values["DJANGO_BEHIND_TLS_PROXY"] == "1"
    assert values["DATABASE_URL"].startswith("postgres://")
    assert values["REDIS_URL"].startswith("redis://")
    assert values["SITE_URL"].startswith("https://")
    assert values["DJANGO_EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert values["BACKUP_KEY_FILE"]
    # Replaced by DJANGO_HTTPS, and refused when set.
    assert "DJANGO_HSTS_SECONDS" not in values
    assert "DJANGO_SECURE_SSL_REDIRECT" not in values


def test_check_deploy_finds_nothing_to_warn_about_in_the_example(tmp_path):
    values = read_env_file(EXAMPLE) | {"DJANGO_SECRET_KEY": secrets.token_urlsafe(50)}
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in values and not key.startswith(("DJANGO_", "DATABASE_"))
    }

    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        inherited | values,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
