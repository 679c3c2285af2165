"""PostgreSQL restarted under a stream of reads and comment posts through nginx:
every answer is a page, an acknowledged comment that was stored, or the styled 503
page; and the site recovers by itself once the database is back (no restart of the
app servers), within seconds."""

import time

import pytest

from tests.deploy.cluster import (
    Stream,
    cluster,
    fresh_database,
    private_postgres,
    shared_services,
    wait_until,
)
from tests.deploy.servers import free_port

RECOVERY_LIMIT_SECONDS = 10

pytestmark = pytest.mark.deploy


def test_a_database_restart_gives_the_styled_503_and_heals_by_itself(
    tmp_path, collected_static
):
    _server, redis = shared_services()
    with (
        private_postgres(free_port(80)) as postgres,
        fresh_database(postgres.url) as database,
        cluster(
            tmp_path,
            database_url=database,
            redis_url=redis,
            static_root=collected_static,
            COMMENTS_RATE_LIMIT_POSTS="100000",
        ) as site,
        Stream(site) as stream,
    ):
        assert wait_until(lambda: len(stream.acknowledged) >= 8, seconds=60)
        postgres.stop()
        down_at = time.monotonic()
        time.sleep(4)
        postgres.start()
        up_at = time.monotonic()
        assert wait_until(
            lambda: any(at > up_at for at, _body in stream.acknowledged), seconds=30
        ), "no comment was acknowledged after the database came back"
        time.sleep(3)
        stream.finish()
        kinds = stream.kinds()
        stored = site.comment_bodies()

    during = [kind for at, kind in stream.answers if down_at < at < up_at]
    recovered_at = min(at for at, _body in stream.acknowledged if at > up_at)
    recovery = recovered_at - up_at
    print(
        f"answers by kind: {kinds}; while down: {len(during)},"
        f" of which styled 503: {during.count('styled 503')};"
        f" first acknowledged comment {recovery:.2f} s after the database was back"
    )
    assert "styled 503" in kinds, "the outage was not seen"
    assert set(kinds) <= {"page", "acknowledged", "styled 503"}, kinds
    lost = [body for _at, body in stream.acknowledged if body not in stored]
    assert not lost
    assert recovery < RECOVERY_LIMIT_SECONDS
