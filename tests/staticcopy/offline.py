"""A reader's view of a static copy: served by ``python -m http.server`` on a port of
the tests' own, and crawled by following every link, as a browser would."""

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

# The tests' share of ports (18800-18899); the base can be moved for a parallel run.
PORT_BASE = 18840

_LINK = re.compile(r"\s(?:href|src|action|poster)\s*=\s*[\"']([^\"']*)[\"']", re.I)
_SRCSET = re.compile(r"\ssrcset\s*=\s*[\"']([^\"']*)[\"']", re.I)
_CSS_URL = re.compile(r"url\(\s*[\"']?([^\"')]*)[\"']?\s*\)")
_XML_URL = re.compile(r"<(?:loc|link)>\s*([^<\s]+)\s*</")


def free_port() -> int:
    for port in range(PORT_BASE, PORT_BASE + 40):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in the tests' range")


@contextmanager
def served(directory: Path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _try in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclass
class LinkCheck:
    pages: int = 0
    broken: list[tuple[str, str]] = field(default_factory=list)
    # Links that leave the copy: another host, or an address from the server's root.
    leaving: list[tuple[str, str]] = field(default_factory=list)


def links_in(text: str, content_type: str) -> list[str]:
    if "css" in content_type:
        return _CSS_URL.findall(text)
    if "xml" in content_type:
        return _XML_URL.findall(text) + _LINK.findall(text)
    found = _LINK.findall(text)
    for srcset in _SRCSET.findall(text):
        found += [part.strip().split(" ")[0] for part in srcset.split(",")]
    return found


def check_links(base: str, start: str = "/index.html") -> LinkCheck:
    check = LinkCheck()
    queue, seen = [urljoin(base, start)], set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read()
                content_type = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            check.broken.append((url, str(error.code)))
            continue
        check.pages += 1
        if not any(kind in content_type for kind in ("html", "xml", "css")):
            continue
        for raw in links_in(body.decode("utf-8", "replace"), content_type):
            link = unescape(raw.strip())
            if not link or link.startswith(("#", "mailto:", "data:")):
                continue
            if urlsplit(link).scheme or link.startswith("/"):
                check.leaving.append((url, link))
                continue
            queue.append(urljoin(url, link).split("#")[0])
    return check
