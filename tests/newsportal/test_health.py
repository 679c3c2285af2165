"""/health/ tells a load balancer whether this app server can serve: 200 when the
database and the cache answer, 503 naming which one did not, with no detail for the
public. Failures are real: addresses where nothing listens."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTHING_LISTENS = "127.0.0.1:9"  # the discard port: refused on this machine


@pytest.mark.django_db
def test_health_is_ok_when_both_answer(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def probe(**environment) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "tests.newsportal.health_probe"],
        cwd=ROOT,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_cache_that_does_not_answer_is_named_but_the_server_still_serves(tmp_path):
    answer = probe(
        REDIS_URL=f"redis://{NOTHING_LISTENS}/0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'health.sqlite3'}",
    )
    assert answer == {
        "status": 200,
        "body": {"status": "degraded", "failed": ["cache"]},
    }


def test_a_database_that_does_not_answer_is_named_without_details():
    answer = probe(DATABASE_URL=f"postgres://nobody@{NOTHING_LISTENS}/none")
    assert answer == {
        "status": 503,
        "body": {"status": "failing", "failed": ["database"]},
    }
    assert "nobody" not in json.dumps(answer) and "9" not in json.dumps(answer)
