"""scripts/with-env (and so `make serve ENV_FILE=...`) reads an environment file as
systemd's EnvironmentFile= does, never running it as shell, and refuses a line it
cannot read."""

import subprocess

from tests.deploy.env_files import read_env_file
from tests.deploy.servers import ROOT

SCRIPT = str(ROOT / "scripts/with-env")
PRINT = ["/usr/bin/env", "-0"]


def environment_after(env_file) -> dict[str, str]:
    done = subprocess.run(
        ["bash", SCRIPT, str(env_file), *PRINT],
        env={"PATH": "/usr/bin:/bin", "SITE_URL": "http://overridden"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    return dict(item.split("=", 1) for item in done.stdout.split("\0") if item)


def test_values_comments_and_quotes_as_systemd_reads_them(tmp_path):
    env_file = tmp_path / "production.env"
    env_file.write_text(
        "# a comment\n"
        "\n"
        "DJANGO_ALLOWED_HOSTS=news.example.org,abc.onion\n"
        "  SITE_URL=https://news.example.org   \n"
        "EMAIL_HOST_PASSWORD='pa ss$(touch {marker})'\n"
        'DJANGO_DEFAULT_FROM_EMAIL="Newsroom <newsroom@example.org>"\n'
        "#REDIS_URL=redis://127.0.0.1:6379/0\n"
        "DJANGO_SECRET_KEY=\n".replace("{marker}", str(tmp_path / "ran"))
    )

    seen = environment_after(env_file)

    expected = read_env_file(env_file)
    assert {name: seen.get(name) for name in expected} == expected
    assert seen["SITE_URL"] == "https://news.example.org"  # the file wins
    assert seen["EMAIL_HOST_PASSWORD"].startswith("pa ss$(touch")
    assert not (tmp_path / "ran").exists()  # read, never run
    assert "REDIS_URL" not in seen


def test_a_line_that_is_not_name_equals_value_is_refused(tmp_path):
    env_file = tmp_path / "production.env"
    env_file.write_text("DJANGO_HTTPS=1\nexport REDIS_URL=redis://x\n")

    done = subprocess.run(
        ["bash", SCRIPT, str(env_file), "true"],
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert done.returncode == 2
    assert "line 2: expected NAME=value" in done.stderr


def test_the_example_reads_the_same_in_both_readers():
    example = ROOT / "deploy/production.env.example"
    seen = environment_after(example)
    assert {name: seen.get(name) for name in read_env_file(example)} == read_env_file(
        example
    )
