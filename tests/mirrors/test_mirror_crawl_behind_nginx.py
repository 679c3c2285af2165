"""A mirror: Debian's nginx on another host name, a reverse proxy in front of the
real site (gunicorn). A crawl through it of every page linked from both front
pages finds no link to the main domain, and names it nowhere but in canonical
links, even after the main domain's pages were read (and cached) first."""

import urllib.error
import urllib.request
from urllib.parse import quote

from tests.deploy.servers import (
    BASE_PORT,
    SiteProcess,
    free_port,
    gunicorn,
    nginx_binary,
    running,
)
from tests.mirrors.hosts import (
    MAIN,
    MIRROR,
    ONION,
    canonical_of,
    crawl,
    foreign_mentions,
    links_in,
)

STARTS = ["/", "/en/", "/ar/", "/en/reach-us/", "/ar/reach-us/", "/en/tips/",
          "/ar/tips/", "/sitemap.xml", "/.well-known/mirrors.json"]  # fmt: skip


def mirror_proxy(folder, *, port: int, app_port: int):
    """nginx as a mirror operator would run it: its own host name, passed on."""
    config = folder / "mirror-nginx.conf"
    config.write_text(
        f"worker_processes 1;\npid {folder / 'mirror-nginx.pid'};\n"
        f"error_log {folder / 'mirror-error.log'} warn;\nevents {{}}\n"
        "http {\n"
        + "".join(
            f"    {kind}_temp_path {folder / kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"    access_log off;\n    server {{\n        listen 127.0.0.1:{port};\n"
        f"        server_name {MIRROR};\n        location / {{\n"
        f"            proxy_pass http://127.0.0.1:{app_port};\n"
        "            proxy_set_header Host $host;\n        }\n    }\n}\n"
    )
    return running(
        [nginx_binary(), "-c", str(config), "-p", str(folder), "-g", "daemon off;"],
        env={},
        port=port,
        log=folder / "mirror-nginx.out",
    )


def fetcher(port: int, host: str):
    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirects)

    def fetch(path: str):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{quote(path, safe='/?=&%:@+')}",
            headers={"Host": host},
        )
        try:
            with opener.open(request, timeout=20) as response:
                body = response.read().decode(errors="replace")
                return response.status, response.headers.get("Content-Type", ""), body
        except urllib.error.HTTPError as error:
            if error.code in {301, 302}:
                return error.code, "", error.headers["Location"]
            return (
                error.code,
                error.headers.get("Content-Type", ""),
                error.read().decode(errors="replace"),
            )

    return fetch


def test_a_crawl_through_a_mirror_finds_no_link_to_the_main_domain(tmp_path):
    site = SiteProcess(
        tmp_path,
        SITE_URL=f"https://{MAIN}",
        MIRROR_HOSTS=MIRROR,
        ONION_HOST=ONION,
    )
    site.manage("migrate", "--noinput")
    site.data(
        "from tests.mirrors.content import make_newsroom\nmake_newsroom()\nresult = 1"
    )
    app_port, mirror_port = free_port(60), free_port(70)
    assert app_port >= BASE_PORT
    with (
        gunicorn(site, port=app_port, workers=2),
        mirror_proxy(tmp_path, port=mirror_port, app_port=app_port),
    ):
        main_pages = crawl(fetcher(app_port, MAIN), MAIN, STARTS)
        assert len(main_pages) > 20

        pages = crawl(fetcher(mirror_port, MIRROR), MIRROR, STARTS)

    assert len(pages) >= len(main_pages) - 1
    links_to_main = {
        path: [
            link
            for link in links_in(body, f"http://{MIRROR}{path}")
            if MAIN in link and link != canonical_of(body)
        ]
        for path, body in pages.items()
    }
    assert {path: links for path, links in links_to_main.items() if links} == {}
    named = {
        path: foreign_mentions(body, clearnet_host=MAIN, canonical=canonical_of(body))
        for path, body in pages.items()
    }
    assert {path: found for path, found in named.items() if found} == {}
    # The crawl did meet absolute addresses, and they were the mirror's.
    assert any(f"http://{MIRROR}/" in body for body in pages.values())
