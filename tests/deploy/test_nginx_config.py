"""deploy/nginx.conf loads, as shipped, in the nginx Debian stable ships (1.22), and
says what the README promises: two app servers taking turns, comment posts retried
on the other server and no other POST, no reader's address in any log format."""

import re
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from tests.deploy.servers import ROOT, nginx_binary

pytestmark = pytest.mark.deploy

SHIPPED = ROOT / "deploy" / "nginx.conf"


def test_the_shipped_file_passes_nginx_t(tmp_path):
    # Only what lives under /var (cache, logs) moves to the test's folder.
    site = SHIPPED.read_text().replace("/var/", f"{tmp_path}/var/")
    (tmp_path / "var/cache/nginx").mkdir(parents=True)
    (tmp_path / "var/log/nginx").mkdir(parents=True)
    (tmp_path / "site.conf").write_text(site)
    temp = "".join(
        f" {kind}_temp_path {tmp_path / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\n"
        f"events {{}}\nhttp {{ include /etc/nginx/mime.types;{temp}\n"
        f"  include {tmp_path / 'site.conf'};\n}}\n"
    )
    done = subprocess.run(
        [nginx_binary(), "-t", "-c", str(main), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    hint = "(the snakeoil pair comes from: bash scripts/ensure-system-packages)"
    assert done.returncode == 0, done.stderr + hint
    assert "test is successful" in done.stderr


def blocks(text: str, opening: str) -> list[str]:
    """The bodies of every block whose opening line matches ``opening``."""
    found = []
    for match in re.finditer(opening, text, re.MULTILINE):
        depth, start = 0, match.end()
        for index in range(start - 1, len(text)):
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            if depth == 0 and text[index] == "}":
                found.append(text[start:index])
                break
    return found


def without_comments(text: str) -> str:
    return re.sub(r"#.*", "", text)


def test_two_app_servers_take_turns():
    config = without_comments(SHIPPED.read_text())
    (upstream,) = blocks(config, r"^upstream newsportal_app \{")
    assert len(re.findall(r"^\s*server\s", upstream, re.MULTILINE)) == 2
    # Round robin: no hashing or other balancing method.
    assert not re.search(r"\b(ip_hash|hash|least_conn|random)\b", upstream)


def test_comment_posts_are_retried_and_no_other_post_is():
    config = without_comments(SHIPPED.read_text())
    retrying = blocks(config, r"^\s*location[^{]*\{")
    with_post_retries = [b for b in retrying if "non_idempotent" in b]
    assert len(with_post_retries) == 1
    (opening,) = [
        line
        for line in config.splitlines()
        if line.strip().startswith("location ~") and "comments/post" in line
    ]
    pattern = opening.split("~", 1)[1].rsplit("{", 1)[0].strip()
    for language in ("en", "ar"):
        with translation.override(language):
            url = reverse("comments:submit", kwargs={"article_pk": 12})
            assert re.search(pattern, url), url
            for other in (reverse("admin:index"), reverse("account_login")):
                assert not re.search(pattern, other)
            challenge = reverse("comments:challenge", kwargs={"article_pk": 12})
            assert not re.search(pattern, challenge)
    # Reads are retried too.
    (main,) = [
        block
        for block in blocks(config, r"^\s*location / \{")
        if "newsportal_app" in block
    ]
    assert re.search(r"proxy_next_upstream error timeout[^;]*http_502", main)


def test_no_log_format_names_the_client():
    config = without_comments(SHIPPED.read_text())
    for variable in (
        "$remote_addr",
        "$realip_remote_addr",
        "$http_x_forwarded_for",
        "$proxy_add_x_forwarded_for",
        "$binary_remote_addr",
    ):
        for log_format in re.findall(r"log_format[^;]*;", config, re.DOTALL):
            assert variable not in log_format
    # Every server block chooses its own logs (none falls back to Debian's
    # access.log, whose format names every visitor).
    for server in blocks(config, r"^server \{"):
        assert "access_log" in server and "error_log" in server
