"""Two app servers sharing PostgreSQL and Redis behave as one site: whatever is done
through one shows on the other, at once (README: two app servers)."""

import pytest

from tests.deploy.cluster import (
    THANKS,
    Reader,
    admin_action,
    challenge_url,
    cluster,
    comment_fields,
    fresh_database,
    post_comment,
    shared_services,
    sign_in,
    wait_until,
)

pytestmark = pytest.mark.deploy


@pytest.fixture
def site(tmp_path, collected_static):
    server, redis = shared_services()
    with (
        fresh_database(server) as database,
        cluster(
            tmp_path,
            database_url=database,
            redis_url=redis,
            static_root=collected_static,
        ) as found,
    ):
        yield found


def test_each_server_shows_what_was_done_through_the_other(site):
    first, second = (Reader(port, real_ip="203.0.113.7") for port in site.app_ports)
    url = site.article["url"]

    # A comment posted while the first answers, approved while the second answers.
    posted = post_comment(first, site, "Posted on the first server.")
    assert posted.kind == "acknowledged"
    assert THANKS in first.get(url).body

    moderator = Reader(site.app_ports[1], real_ip="203.0.113.8")
    sign_in(moderator)
    comment_pk = site.site.data(
        "from comments.models import Comment\n"
        "result = Comment.objects.get(body='Posted on the first server.').pk"
    )
    approved = admin_action(
        moderator, "/admin/comments/comment/", "approve", comment_pk
    )
    assert approved.status == 302
    for reader in (Reader(site.app_ports[0]), Reader(site.app_ports[1])):
        assert "Posted on the first server." in reader.get(url).body

    # An admin session made on the second holds on the first: it publishes there.
    moderator.port = site.app_ports[0]
    assert moderator.get("/admin/").status == 200
    for port in site.app_ports:  # both have the ticker cached without the draft
        assert "Night buses return" not in Reader(port).get("/en/").body
    published = admin_action(
        moderator, "/admin/articles/article/", "publish", site.article["draft_pk"]
    )
    assert published.status == 302
    for port in site.app_ports:
        ticker = Reader(port).get(url).body.split('class="ticker-track"')[1]
        assert "Night buses return" in ticker.split("</ul>")[0]

    # A captcha drawn on one validates on the other.
    page = first.get(url)
    challenge = second.get(challenge_url(page.body))
    action, data = comment_fields(page.body, challenge.body)
    data.update(name="Reader", email="r2@example.com", body="Code from the second.")
    data["captcha_1"] = site.captcha_answer(data["captcha_0"])
    assert first.post(action, data).kind == "acknowledged"
    assert "Code from the second." in site.comment_bodies()


def test_through_nginx_the_two_servers_take_turns(site):
    reader = Reader(site.web_port, "127.0.0.3")
    # /health/ is never cached: each answer comes from an app server.
    answers = [reader.get("/health/").status for _ in range(6)]
    assert answers == [200] * 6
    logs = {port: (site.folder / f"gunicorn-{port}.log") for port in site.app_ports}
    assert wait_until(
        lambda: all("GET /health/ 200" in path.read_text() for path in logs.values())
    ), "nginx did not send requests to both app servers"
