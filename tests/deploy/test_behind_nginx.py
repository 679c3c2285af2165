"""Behind the shipped nginx (deploy/nginx.conf, Debian's nginx) a withdrawal, an
approved comment and an edit each show within 2 seconds, while nginx does cache."""

import time

import pytest

from tests.deploy.servers import free_port, get, gunicorn, new_site, nginx

LIMIT_SECONDS = 2.0


def shown_after(committed_at: float, port: int, url: str, shows) -> float:
    """Seconds from the commit until a reader through nginx sees the change."""
    deadline = time.time() + 15
    while time.time() < deadline:
        status, body, _headers = get(port, url)
        if shows(status, body):
            return time.time() - committed_at
        time.sleep(0.05)
    pytest.fail("the change never showed through nginx")


def test_withdrawal_approval_and_edit_show_through_nginx_within_two_seconds(tmp_path):
    site, article = new_site(tmp_path)
    pk, url = article["pk"], article["url"]
    site.data(
        "from comments.models import Comment\n"
        f"Comment.objects.create(article_id={pk}, name='Reader', body='Thanks for"
        " this', sender_hash='x', submission_token='token-1')\nresult = 1"
    )
    app_port, web_port = free_port(20), free_port(30)
    with (
        gunicorn(site, port=app_port, workers=2),
        nginx(tmp_path, port=web_port, app_port=app_port),
    ):
        get(web_port, url)
        status, body, headers = get(web_port, url)
        assert status == 200
        assert headers["X-Cache"] in {"HIT", "REVALIDATED"}
        assert "Comments (0)" in body

        approved = site.change(
            "from django.contrib.auth import get_user_model\n"
            "from comments.models import Comment\n"
            "from comments.services import comment_approve\n"
            "comment_approve(comments=Comment.objects.all(),"
            " moderator=get_user_model().objects.get(username='moderator'))"
        )
        assert (
            shown_after(approved, web_port, url, lambda s, b: "Thanks for this" in b)
            <= LIMIT_SECONDS
        )

        edited = site.change(
            "from articles.models import Article\n"
            f"article = Article.objects.get(pk={pk})\n"
            "article.title = 'Clinics open at night'\n"
            "article.save()"
        )
        assert (
            shown_after(edited, web_port, url, lambda s, b: "open at night" in b)
            <= LIMIT_SECONDS
        )

        withdrawn = site.change(
            "from articles.models import Article\n"
            "from articles.services import article_withdraw\n"
            f"article_withdraw(articles=Article.objects.filter(pk={pk}))"
        )
        assert (
            shown_after(withdrawn, web_port, url, lambda s, b: s == 404)
            <= LIMIT_SECONDS
        )
