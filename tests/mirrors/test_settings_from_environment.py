"""ONION_HOST and MIRROR_HOSTS come from the environment, written as operators
write them, and the site answers to those names (and only those)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT = (
    "import json, django; django.setup(); from django.conf import settings as s;"
    " print(json.dumps([s.ONION_HOST, s.MIRROR_HOSTS, s.ALLOWED_HOSTS]))"
)


def settings_with(**env: str):
    done = subprocess.run(
        [sys.executable, "-c", PRINT],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "newsportal.settings",
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "news.example.org",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_onion_and_mirror_hosts_are_answered():
    onion, mirrors, allowed = settings_with(
        ONION_HOST=" http://ABCDEF.onion/ ",
        MIRROR_HOSTS="Mirror.example.net, m2.example",
    )
    assert onion == "abcdef.onion"
    assert mirrors == ["mirror.example.net", "m2.example"]
    assert allowed == [
        "news.example.org",
        "abcdef.onion",
        "mirror.example.net",
        "m2.example",
    ]


def test_without_them_nothing_is_added():
    onion, mirrors, allowed = settings_with()
    assert (onion, mirrors, allowed) == ("", [], ["news.example.org"])
