"""The onion service as deploy/ ships it: tor's configuration is valid, and nginx's
onion server (deploy/nginx-onion.conf, beside deploy/nginx.conf) takes tor's PROXY
protocol line, so that each Tor circuit is its own commenter: one circuit is
limited, another is not. Tor itself is not run (it would need the network): the
test speaks to nginx as tor does, a PROXY line naming the circuit, then HTTP."""

import http.client
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.deploy.servers import (
    ROOT,
    SiteProcess,
    free_port,
    gunicorn,
    nginx_binary,
    nginx_config,
    running,
)
from tests.mirrors.hosts import MAIN, ONION, canonical_of, foreign_mentions

CIRCUIT = "fc00:dead:beef:4dad::1:2a"
OTHER_CIRCUIT = "fc00:dead:beef:4dad::1:2b"


def tor_binary() -> str:
    binary = shutil.which("tor") or "/usr/bin/tor"
    if not Path(binary).exists():
        pytest.fail("tor is missing: scripts/ensure-system-packages installs it")
    return binary


def test_the_shipped_torrc_is_valid(tmp_path):
    torrc = (ROOT / "deploy/torrc.example").read_text()
    assert "HiddenServiceExportCircuitID haproxy" in torrc
    assert "HiddenServicePort 80 127.0.0.1:8082" in torrc
    torrc = torrc.replace("/var/lib/tor/newsportal/", f"{tmp_path / 'onion'}/")
    (tmp_path / "torrc").write_text(torrc + f"\nDataDirectory {tmp_path / 'data'}\n")
    done = subprocess.run(
        [tor_binary(), "--verify-config", "-f", str(tmp_path / "torrc")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Configuration was valid" in done.stdout


class CircuitConnection(http.client.HTTPConnection):
    """A connection as tor makes it with HiddenServiceExportCircuitID haproxy."""

    def __init__(self, port: int, circuit: str):
        super().__init__("127.0.0.1", port, timeout=20)
        self.circuit = circuit

    def connect(self):
        super().connect()
        self.sock.sendall(f"PROXY TCP6 {self.circuit} ::1 40000 80\r\n".encode())


def ask(port, circuit, method, path, body=None, headers=None):
    connection = CircuitConnection(port, circuit)
    try:
        connection.request(
            method, path, body=body, headers={"Host": ONION, **(headers or {})}
        )
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def onion_nginx(folder: Path, *, port: int, onion_port: int, app_port: int):
    main = nginx_config(folder, port=port, app_port=app_port)
    onion = (ROOT / "deploy/nginx-onion.conf").read_text()
    for shipped, here in {
        "listen 127.0.0.1:8082 proxy_protocol;": (
            f"listen 127.0.0.1:{onion_port} proxy_protocol;"
        ),
        "/var/log/nginx/": str(folder) + "/",
    }.items():
        assert shipped in onion, shipped
        onion = onion.replace(shipped, here)
    assert f"server_name {ONION};" in onion
    (folder / "onion.conf").write_text(onion)
    text = main.read_text()
    site_include = f"    include {folder / 'newsportal.conf'};\n"
    main.write_text(
        text.replace(
            site_include, site_include + f"    include {folder / 'onion.conf'};\n"
        )
    )
    return running(
        [nginx_binary(), "-c", str(main), "-p", str(folder), "-g", "daemon off;"],
        env={},
        port=onion_port,
        log=folder / "nginx.out",
    )


def post_comment(site, port, circuit, article_url, number):
    status, _headers, page = ask(port, circuit, "GET", article_url)
    assert status == 200
    form = BeautifulSoup(page, "html.parser").select_one("form.comment-form")
    data = {
        field["name"]: field.get("value", "")
        for field in form.select("input[name]")
        if field.get("type") not in {"submit", "button"}
    }
    _status, _headers, challenge = ask(port, circuit, "GET", form["data-challenge-url"])
    for field in BeautifulSoup(challenge, "html.parser").select("input[name]"):
        data[field["name"]] = field.get("value", "")
    data["captcha_1"] = site.data(
        "from captcha.models import CaptchaStore\n"
        f"result = CaptchaStore.objects.get(hashkey={data['captcha_0']!r}).response"
    )
    data.update(name="Reader", email=f"r{number}@example.com", body=f"Comment {number}")
    status, headers, _body = ask(
        port,
        circuit,
        "POST",
        form["action"],
        body=urllib.parse.urlencode(data),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    return status, headers


def test_each_tor_circuit_is_one_commenter_through_the_shipped_nginx(tmp_path):
    site = SiteProcess(
        tmp_path,
        SITE_URL=f"https://{MAIN}",
        ONION_HOST=ONION,
        COMMENTS_CLIENT_IP_HEADER="X-Real-IP",
        COMMENTS_RATE_LIMIT_POSTS="2",
        DJANGO_HTTPS="1",
        DJANGO_BEHIND_TLS_PROXY="1",
    )
    site.manage("migrate", "--noinput")
    article_url = site.data(
        "from tests.mirrors.content import make_newsroom\n"
        "result = make_newsroom()['english'].get_absolute_url()"
    )
    app_port, web_port, onion_port = free_port(80), free_port(82), free_port(85)
    with (
        gunicorn(site, port=app_port, workers=2),
        onion_nginx(tmp_path, port=web_port, onion_port=onion_port, app_port=app_port),
    ):
        status, headers, body = ask(onion_port, CIRCUIT, "GET", "/en/")
        assert status == 200
        assert "Strict-Transport-Security" not in headers
        assert "Onion-Location" not in headers
        # Only the canonical link names the main domain.
        assert (
            foreign_mentions(body, clearnet_host=MAIN, canonical=canonical_of(body))
            == []
        )

        for number in (1, 2):
            status, headers = post_comment(
                site, onion_port, CIRCUIT, article_url, number
            )
            assert status == 302, status
            assert MAIN not in headers["Location"]
        status, _headers = post_comment(site, onion_port, CIRCUIT, article_url, 3)
        assert status == 429
        status, _headers = post_comment(site, onion_port, OTHER_CIRCUIT, article_url, 4)
        assert status == 302

    stored = site.data(
        "from comments.models import Comment\n"
        "result = sorted(set(Comment.objects.filter(body__startswith='Comment ')"
        ".values_list('sender_hash', flat=True)))"
    )
    assert len(stored) == 2
