"""The reader pages of both editions are valid HTML: the W3C's Nu HTML Checker
(vnu-jar, pinned, from scripts/ensure-page-checkers; run with Java) reports no
error on the front page, an article, a section, a keyword or a person page, as the
server sends them, nor on the comment form's code step (its captcha included)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.polished.conftest import EDITIONS
from tests.browser.polished.test_accessibility import reader_pages

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[3]
VNU = ROOT / ".cache/page-checkers/node_modules/vnu-jar/build/dist/vnu.jar"


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("The HTML checker needs Java (Debian: openjdk-17-jre-headless).")
    if not VNU.exists():
        made = subprocess.run(
            ["bash", str(ROOT / "scripts/ensure-page-checkers")],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode:
            pytest.fail(f"scripts/ensure-page-checkers failed: {made.stderr}")
    return [java, "-jar", str(VNU)]


@pytest.mark.parametrize("edition", EDITIONS)
def test_reader_pages_are_valid_html(new_page, newsdesk, vnu, edition, tmp_path):
    page = new_page()
    files = {}
    for number, path in enumerate(reader_pages(newsdesk, edition)):
        response = page.goto(path)
        assert response.status == 200, path
        saved = tmp_path / f"page-{number}.html"
        saved.write_text(response.text())
        files[f"file:{saved}"] = path
    article = newsdesk.lead[edition]
    with translation.override(edition):
        submit = reverse("comments:submit", kwargs={"article_pk": article.pk})
    step = page.request.post(
        submit, form={"name": "Rami", "email": "not-an-address", "body": "Hello"}
    )
    assert "captcha_1" in step.text()
    saved = tmp_path / "code-step.html"
    saved.write_text(step.text())
    files[f"file:{saved}"] = "the code step"
    checked = subprocess.run(
        [
            *vnu,
            "--errors-only",
            "--format",
            "json",
            *(name.removeprefix("file:") for name in files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(checked.stderr or checked.stdout or '{"messages": []}')
    errors = [
        f"{files.get(message.get('url'), message.get('url'))}:"
        f"{message.get('lastLine')}: {message.get('message')}"
        for message in messages["messages"]
        if message.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
