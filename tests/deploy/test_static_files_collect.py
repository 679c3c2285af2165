"""Production serves static files through WhiteNoise's manifest: collecting them must
work from a clean checkout, or every page fails in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("staticfiles")
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "collectstatic-test-key",
        "STATIC_ROOT": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_collectstatic_builds_a_manifest_with_hashed_compressed_files(collected):
    tmp_path = collected
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed_css = manifest["css/site.css"]
    assert hashed_css != "css/site.css"
    assert (tmp_path / hashed_css).exists()
    assert (tmp_path / f"{hashed_css}.gz").exists()
    assert (tmp_path / f"{hashed_css}.br").exists()
    assert "vendor/bootstrap/newsportal-bootstrap.min.css" in manifest


@pytest.mark.django_db
def test_pages_link_the_hashed_names(collected, settings, client):
    settings.STATIC_ROOT = collected
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    ArticleFactory()

    page = client.get("/en/").content.decode()

    for path in ("css/site.css", "js/ticker.js", "img/favicon.svg"):
        assert f'"/static/{manifest[path]}"' in page, path
