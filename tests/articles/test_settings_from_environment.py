"""Settings come from the environment; production refuses to start half-configured.

Each case imports ``newsportal.settings`` in a fresh interpreter with a controlled
environment, since the module reads it once at import.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

# Variables the settings read that the test run itself may have set.
CONTROLLED = {
    "DJANGO_SECRET_KEY",
    "DJANGO_DEBUG",
    "DATABASE_URL",
    "REDIS_URL",
    "DATABASE_PREPARED_STATEMENTS",
    "DJANGO_SETTINGS_MODULE",
}
PRINT_SETTINGS = """
import json
from newsportal import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SECRET_KEY": s.SECRET_KEY,
    "CACHES": s.CACHES,
    "ENGINE": s.DATABASES["default"]["ENGINE"],
    "NAME": str(s.DATABASES["default"]["NAME"]),
    "HOST": s.DATABASES["default"].get("HOST", ""),
    "OPTIONS": s.DATABASES["default"].get("OPTIONS", {}),
}))
"""


def run_settings(code: str, **environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in CONTROLLED}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_values(**environment: str) -> dict:
    result = run_settings(PRINT_SETTINGS, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("import newsportal.settings")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_with_a_secret_key_starts():
    values = settings_values(DJANGO_SECRET_KEY="a-real-production-secret")

    assert values["DEBUG"] is False
    assert values["SECRET_KEY"] == "a-real-production-secret"


def test_debug_mode_starts_without_a_secret_key():
    values = settings_values(DJANGO_DEBUG="1")

    assert values["DEBUG"] is True
    assert values["SECRET_KEY"]


def test_a_malformed_boolean_is_refused():
    result = run_settings(
        "import newsportal.settings", DJANGO_SECRET_KEY="x", DJANGO_DEBUG="maybe"
    )

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in result.stderr


def test_redis_url_selects_redis_for_readers_pages():
    values = settings_values(
        DJANGO_SECRET_KEY="x", REDIS_URL="redis://127.0.0.1:6379/0"
    )

    cache = values["CACHES"]["readers"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/0"


def test_without_redis_url_readers_pages_are_in_local_memory():
    values = settings_values(DJANGO_SECRET_KEY="x")

    assert values["CACHES"]["readers"]["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


@pytest.mark.parametrize("redis", ["", "redis://127.0.0.1:6379/0"])
def test_staff_sign_in_state_is_always_in_the_database(redis):
    values = settings_values(DJANGO_SECRET_KEY="x", REDIS_URL=redis)

    assert values["CACHES"]["default"]["BACKEND"] == (
        "django.core.cache.backends.db.DatabaseCache"
    )


def test_postgres_database_url_selects_postgresql():
    values = settings_values(
        DJANGO_SECRET_KEY="x",
        DATABASE_URL="postgres://newsroom:secret@db.internal:5432/newsportal",
    )

    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["NAME"] == "newsportal"
    assert values["HOST"] == "db.internal"
    assert "transaction_mode" not in values["OPTIONS"]
    assert values["OPTIONS"]["server_side_binding"] is True
    assert values["OPTIONS"]["prepare_threshold"] == 5


def test_prepared_statements_can_be_switched_off_for_a_pooler():
    values = settings_values(
        DJANGO_SECRET_KEY="x",
        DATABASE_URL="postgres://newsroom:secret@pgbouncer:6432/newsportal",
        DATABASE_PREPARED_STATEMENTS="0",
    )

    assert "server_side_binding" not in values["OPTIONS"]
    assert "prepare_threshold" not in values["OPTIONS"]


def test_without_database_url_sqlite_runs_in_wal_with_immediate_transactions():
    values = settings_values(DJANGO_SECRET_KEY="x")

    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["NAME"].endswith("db.sqlite3")
    assert values["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in values["OPTIONS"]["init_command"]


@pytest.mark.parametrize("value", ["0", "false", "off", ""])
def test_debug_stays_off_unless_switched_on(value):
    assert settings_values(DJANGO_SECRET_KEY="x", DJANGO_DEBUG=value)["DEBUG"] is False
