"""A production process started in a fresh interpreter, with only the environment a
test gives it (the settings module reads the environment once, at import)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def production_environment(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """What an operator sets for a site served over HTTPS behind the shipped nginx."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "COMMENTS_"))
    }
    return inherited | {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "news.example.org",
        "DJANGO_HTTPS": "1",
        "DJANGO_BEHIND_TLS_PROXY": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        **overrides,
    }


def run_python(arguments: list[str], environment: dict[str, str]):
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
