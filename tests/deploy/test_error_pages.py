"""Every error answer a reader can get behind nginx is a styled page in their
edition (413, 502, 503, 504 from nginx; 400, 403, 404, 500, 503 from the app), and
nginx's own files and pages carry the security headers of the app's pages."""

import base64
import hashlib
import http.client
import importlib.machinery
import importlib.util
import re

import pytest

from tests.deploy.cluster import Reader, cluster, post_comment
from tests.deploy.servers import ROOT

PAGES = ROOT / "deploy" / "error-pages"
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
)

pytestmark = pytest.mark.deploy


def build_script():
    loader = importlib.machinery.SourceFileLoader(
        "build_error_pages", str(ROOT / "scripts" / "build-error-pages")
    )
    spec = importlib.util.spec_from_loader("build_error_pages", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_committed_pages_are_those_the_script_writes():
    script = build_script()
    written = script.pages()
    assert len(written) == 10
    for path, text in written.items():
        assert path.read_text() == text, f"run scripts/build-error-pages ({path.name})"


def test_the_pages_inline_style_is_allowed_by_the_nginx_policy():
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    for page in PAGES.glob("*/*.html"):
        style = re.search(r"<style>(.*?)</style>", page.read_text(), re.DOTALL)[1]
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in config, page
        assert "http" not in page.read_text().replace("http-equiv", "")  # no host


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    folder = tmp_path_factory.mktemp("errors")
    with cluster(folder, static_root=collected_static) as found:
        (folder / "media" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not much")
        yield found


def security_headers(answer) -> dict[str, list[str]]:
    return {name: answer.headers.get_all(name) or [] for name in SECURITY_HEADERS}


def test_nginx_files_and_pages_carry_the_pages_security_headers_once(site):
    reader = Reader(site.web_port)
    page = reader.get(site.article["url"])
    assert page.status == 200
    expected = security_headers(page)
    assert all(len(values) == 1 for values in expected.values()), expected
    for path in ("/static/css/site.css", "/media/photo.jpg"):
        answer = reader.get(path)
        assert answer.status == 200, path
        assert security_headers(answer) == expected, path
    assert "immutable" in reader.get("/static/css/site.css").header("Cache-Control")
    missing = reader.get("/static/no-such-file.css")
    assert missing.kind == "styled 404"
    assert security_headers(missing).keys() == expected.keys()
    assert all(len(v) == 1 for v in security_headers(missing).values())
    # The admin's own policy passes alone, not doubled with the readers'.
    staff = reader.get("/staff/login/")
    assert len(staff.headers.get_all("Content-Security-Policy")) == 1
    assert staff.header("Referrer-Policy") == "same-origin"


def test_a_too_large_post_gets_the_styled_413_in_its_edition(site):
    reader = Reader(site.web_port)
    for language, words in (("en", "too large"), ("ar", "كبير جدًا")):
        answer = reader.post(
            f"/{language}/comments/post/{site.article['pk']}/",
            {"name": "R", "body": "x" * 200_000},
        )
        assert answer.kind == "styled 413"
        assert f'lang="{language}"' in answer.body and words in answer.body
        assert answer.header("X-Content-Type-Options") == "nosniff"


def test_django_s_400_and_csrf_403_are_styled(site):
    # A Host the site does not serve.
    connection = http.client.HTTPConnection("127.0.0.1", site.web_port, timeout=10)
    connection.request("GET", "/en/", headers={"Host": "evil.example"})
    bad = connection.getresponse()
    body = bad.read().decode()
    assert bad.status == 400 and 'class="error-code">400<' in body
    # A staff form posted without its CSRF token.
    refused = Reader(site.app_ports[0]).post(
        "/staff/login/", {"login": "lina", "password": "x"}
    )
    assert refused.status == 403 and 'class="error-code">403<' in refused.body


def test_a_reader_cannot_choose_the_address_the_app_hashes(site):
    # The edge overwrites X-Real-IP: two posts claiming two addresses from one
    # connection's address are one sender (one rate limit, one ban).
    for claimed in ("198.51.100.1", "198.51.100.2"):
        reader = Reader(site.web_port, "127.0.0.2", real_ip=claimed)
        assert post_comment(reader, site, f"Claiming {claimed}.").kind == "acknowledged"
    senders = site.query(
        "SELECT DISTINCT sender_hash FROM comments_comment WHERE body LIKE 'Claiming%'"
    )
    assert len(senders) == 1 and senders[0][0] != "unknown"


def test_with_both_app_servers_gone_readers_get_the_styled_502(site):
    reader = Reader(site.web_port)
    site.kill(0)
    site.kill(1)
    for language, words in (("en", "not answering"), ("ar", "لا يستجيب")):
        # Not a cached page: the comment challenge is never cached.
        answer = reader.get(f"/{language}/comments/challenge/{site.article['pk']}/")
        assert answer.kind == "styled 502", answer.body[:300]
        assert f'dir="{"rtl" if language == "ar" else "ltr"}"' in answer.body
        assert words in answer.body
        assert security_headers(answer)["X-Frame-Options"] == ["DENY"]
