"""`make run` and `make serve` see to flite, the audio captcha's voice
(scripts/ensure-run-packages): as root they install it, otherwise they print the
exact command and start anyway, and the comment form then leaves the audio link out
rather than offering one that fails."""

import os
import shutil
import subprocess

import pytest
from captcha.conf import settings as captcha_settings

from tests.comments.helpers import soup_of
from tests.deploy.servers import ROOT
from tests.factories import ArticleFactory

SCRIPT = str(ROOT / "scripts/ensure-run-packages")


def run_script(path: str, *, as_nobody: bool) -> subprocess.CompletedProcess:
    prefix = []
    if as_nobody:
        if os.geteuid() != 0:
            pass  # Already not root.
        elif shutil.which("setpriv"):
            prefix = [
                shutil.which("setpriv"),
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
            ]
        else:
            pytest.skip("needs setpriv (util-linux) to run as another user")
    return subprocess.run(
        [*prefix, "/bin/bash", SCRIPT],
        env={"PATH": path},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_nothing_to_do_when_flite_is_there(tmp_path):
    if shutil.which("flite") is None:
        pytest.skip("flite is not installed on this machine")
    result = run_script(os.environ["PATH"], as_nobody=True)

    assert result.returncode == 0
    assert result.stdout == result.stderr == ""


def test_without_root_it_prints_the_command_and_lets_the_site_start(tmp_path):
    # A PATH with no flite on it (the script needs nothing but bash).
    result = run_script(str(tmp_path / "no-such-folder"), as_nobody=True)

    assert result.returncode == 0
    assert "sudo apt-get install flite" in result.stderr
    assert "cannot comment" in result.stderr


@pytest.mark.django_db
def test_without_flite_the_form_offers_no_audio_link(client, monkeypatch):
    # What settings.py finds on PATH at start-up (None without flite), as the
    # captcha app copied it when it was imported.
    monkeypatch.setattr(captcha_settings, "CAPTCHA_FLITE_PATH", None)
    page = soup_of(client.get(ArticleFactory().get_absolute_url()))
    challenge = client.get(
        page.select_one("form[data-challenge-url]")["data-challenge-url"]
    )

    assert challenge.status_code == 200
    assert soup_of(challenge).select_one("img")  # the image code is still there
    assert soup_of(challenge).select_one("a[data-captcha-audio]") is None
