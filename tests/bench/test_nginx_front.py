"""The bench's nginx: the shipped deploy/nginx.conf, given the run's ports, loads in
Debian's nginx and passes pages on from the app, with its micro-cache."""

import http.server
import os
import re
import threading
from types import SimpleNamespace

import pytest

from bench import nginx
from bench.server import http_request


def test_every_upstream_and_listen_gets_the_runs_ports(tmp_path):
    site = nginx.site_config(tmp_path, port=18190, app_port=18191)

    upstreams = re.findall(r"\n\s*server\s+([\w.\-]+:\d+)", site)
    # The run's app server, and the site block behind the edge on a port of its own.
    assert "127.0.0.1:18191" in upstreams
    assert all(address.startswith("127.0.0.1:") for address in upstreams)
    assert ":8000" not in " ".join(upstreams) and "127.0.0.1:8081" not in site
    assert len(upstreams) == 2
    listens = re.findall(r"\n\s*listen\s+([^;]+);", site)
    assert listens[0] == "127.0.0.1:18190"
    assert all(listen.startswith("127.0.0.1:") for listen in listens)
    assert "ssl" not in " ".join(listens)
    assert "/var/" not in site


class Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        body = b"<p>from the app</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=0, s-maxage=1")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.skipif(nginx.nginx_binary() is None, reason="nginx is not installed")
def test_the_shipped_configuration_serves_the_app_through_nginx(tmp_path, monkeypatch):
    base = int(os.environ.get("NEWSPORTAL_TEST_PORT_BASE", "18500"))
    monkeypatch.setenv("BENCH_PORTS", f"{base + 80}-{base + 89}")
    app_server = http.server.ThreadingHTTPServer(("127.0.0.1", base + 90), Page)
    threading.Thread(target=app_server.serve_forever, daemon=True).start()
    app = SimpleNamespace(port=base + 90, pid=os.getpid())
    front = nginx.NginxFront("test", app, tmp_path)
    try:
        front.start()
        front.wait_ready()
        first = http_request(front.port, "GET", "/en/")
        second = http_request(front.port, "GET", "/en/")
    finally:
        front.stop()
        app_server.shutdown()

    assert first[0] == second[0] == 200
    assert second[2] == b"<p>from the app</p>"
    assert second[1]["x-cache"] == "HIT"
