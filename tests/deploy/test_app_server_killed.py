"""An app server killed (SIGKILL, with its workers) in a stream of reads and comment
posts: nginx retries on the other, so no acknowledged comment is lost and no reader
gets a bare error page (issue 15: one comment post got nginx's bare 502 and was
lost)."""

import time

import pytest

from tests.deploy.cluster import (
    Stream,
    cluster,
    fresh_database,
    shared_services,
    wait_until,
)

pytestmark = pytest.mark.deploy


def test_killing_one_app_server_loses_no_comment_and_shows_no_bare_page(
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
            COMMENTS_RATE_LIMIT_POSTS="100000",
        ) as site,
    ):
        with Stream(site) as stream:
            started = time.monotonic()
            assert wait_until(lambda: len(stream.answers) >= 40, seconds=60)
            killed_after = len(stream.answers)
            print("warm after", round(time.monotonic() - started, 1), "s")
            site.kill(0)
            time.sleep(10)
        stored = site.comment_bodies()
        kinds = stream.kinds()

    print("answers by kind:", kinds, "before the kill:", killed_after)
    acknowledged = [body for _at, body in stream.acknowledged]
    assert len(acknowledged) >= 10 and len(stream.answers) > killed_after + 20
    assert not [body for body in acknowledged if body not in stored]
    assert set(kinds) <= {"page", "acknowledged"}, kinds
    # nginx did meet the dead server, and retried.
    assert "upstream" in (tmp_path / "newsportal-error.log").read_text()
