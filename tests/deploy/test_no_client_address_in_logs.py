"""No reader's address in any log nginx or the app servers write, after the answers
that make nginx log most: comment posts, a too large post (413), missing pages and
files (404), app servers that fail (retries, then 502), and a foreign Host (400).

Each kind of request comes from a source address of its own (any 127.x.y.z is the
loopback on Linux), and every log is searched for all of them. The logs must still
say what went wrong: an error log that says nothing would pass trivially.
"""

import re

import pytest

from tests.deploy.cluster import Reader, cluster, post_comment

pytestmark = pytest.mark.deploy

ADDRESSES = [f"127.0.{n}.{n + 2}" for n in range(1, 9)]


def test_logs_name_no_reader_after_errors_of_every_kind(tmp_path, collected_static):
    with cluster(tmp_path, static_root=collected_static) as site:
        readers = [Reader(site.web_port, address) for address in ADDRESSES]
        url, pk = site.article["url"], site.article["pk"]
        kinds = []
        kinds.append(post_comment(readers[0], site, "First through nginx.").kind)
        kinds.append(post_comment(readers[1], site, "Second through nginx.").kind)
        kinds.append(readers[2].get("/en/no-such-page/").kind)
        kinds.append(readers[2].get("/static/no-such-file.css").kind)
        kinds.append(readers[2].get("/media/no-such-photo.jpg").kind)
        big = {"name": "R", "body": "x" * 200_000}
        kinds.append(readers[3].post(f"/en/comments/post/{pk}/", big).kind)
        kinds.append(readers[3].post(f"/ar/comments/post/{pk}/", big).kind)
        kinds.append(readers[4].get(url, host="evil.example").kind)
        site.kill(0)
        # Retried on the second server: the reader sees the page.
        kinds.extend(readers[5].get(f"/en/comments/challenge/{pk}/").kind for _ in "ab")
        kinds.append(post_comment(readers[6], site, "Third, one server left.").kind)
        site.kill(1)
        kinds.append(readers[7].get(f"/en/comments/challenge/{pk}/").kind)
        kinds.append(readers[7].post(f"/ar/comments/post/{pk}/", {"name": "R"}).kind)
        logs = site.logs()

    assert kinds == [
        "acknowledged",
        "acknowledged",
        "styled 404",  # the app's own page
        "styled 404",
        "styled 404",
        "styled 413",
        "styled 413",
        "styled 400",
        "page",
        "page",
        "acknowledged",
        "styled 502",
        "styled 502",
    ]
    errors = logs[tmp_path / "newsportal-error.log"]
    assert "client intended to send too large body" in errors
    assert "while connecting to upstream" in errors
    assert "no live upstreams" in errors
    assert "client: 127.0.0.1," in errors  # the edge, never a reader
    assert len(logs) >= 6, sorted(logs)
    for path, text in logs.items():
        for address in ADDRESSES:
            found = re.search(re.escape(address) + r"(?!\d)", text)
            assert found is None, f"{address} is in {path.name}"
