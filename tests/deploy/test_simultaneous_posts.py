"""Twenty comment posts from one sender at the same moment, through nginx to two app
servers: exactly the rate limit's worth is stored, whichever server takes which post
(comments.services locks the sender in PostgreSQL), and the rest are told when to
try again (429)."""

import threading

import pytest

from tests.deploy.cluster import (
    Reader,
    challenge_url,
    cluster,
    comment_fields,
    fresh_database,
    shared_services,
)

POSTS = 20
LIMIT = 5

pytestmark = pytest.mark.deploy


def test_twenty_posts_at_once_from_one_sender_store_exactly_the_limit(
    tmp_path, collected_static
):
    server, redis = shared_services()
    with (
        fresh_database(server) as database,
        cluster(
            tmp_path,
            database_url=database,
            redis_url=redis,
            static_root=collected_static,
            COMMENTS_RATE_LIMIT_POSTS=str(LIMIT),
        ) as site,
    ):
        # One sender (one address), twenty forms, each with its own captcha.
        readers = [Reader(site.web_port, "127.0.0.2") for _ in range(POSTS)]
        forms = []
        for n, reader in enumerate(readers):
            page = reader.get(site.article["url"])
            action, data = comment_fields(
                page.body, reader.get(challenge_url(page.body)).body
            )
            data.update(name="Reader", email=f"r{n}@example.com", body=f"At once {n}.")
            data["captcha_1"] = site.captcha_answer(data["captcha_0"])
            forms.append((action, data))
        start = threading.Barrier(POSTS)
        kinds: list[str] = []

        def post(n: int) -> None:
            start.wait()
            kinds.append(readers[n].post(*forms[n]).kind)

        threads = [threading.Thread(target=post, args=(n,)) for n in range(POSTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        stored = site.query(
            "SELECT count(*), count(DISTINCT sender_hash) FROM comments_comment"
        )[0]
        served_by = [
            (tmp_path / f"gunicorn-{port}.log").read_text().count("POST /en/comments")
            for port in site.app_ports
        ]

    print("answers:", sorted(kinds), "stored:", stored, "posts per server:", served_by)
    assert kinds.count("acknowledged") == LIMIT
    assert kinds.count("form 429") == POSTS - LIMIT
    assert stored == (LIMIT, 1)
    assert all(served_by), "both app servers took part"
