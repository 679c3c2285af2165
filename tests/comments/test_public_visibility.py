"""What readers see under an article: approved comments only, as plain text."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from tests.comments.helpers import (
    CommentFactory,
    comments_heading,
    shown_comments,
    soup_of,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def article_page(client, article, query=""):
    # A comment page beyond the last sends the reader to the last one.
    response = client.get(article.get_absolute_url() + query, follow=True)
    assert response.status_code == 200
    return soup_of(response)


def shown_body(client, comment):
    """The body of ``comment`` as its article's page shows it."""
    page = article_page(client, comment.article)
    return page.select_one(f"#comment-{comment.pk} .comment-body")


def test_only_approved_comments_are_shown_and_counted(client):
    article = ArticleFactory()
    CommentFactory(article=article, body="Approved one")
    CommentFactory(article=article, body="Approved two")
    CommentFactory(article=article, pending=True, body="Still pending")
    CommentFactory(article=article, rejected=True, body="Rejected words")
    CommentFactory(article=article, spam=True, body="Buy cheap pills")
    CommentFactory(body="On another article")

    soup = article_page(client, article)

    assert comments_heading(soup) == "Comments (2)"
    assert sorted(shown_comments(soup)) == ["Approved one", "Approved two"]
    text = soup.get_text()
    for hidden in ("Still pending", "Rejected words", "Buy cheap pills"):
        assert hidden not in text
    assert "On another article" not in text


def test_no_approved_comments(client):
    article = ArticleFactory()
    CommentFactory(article=article, pending=True)

    soup = article_page(client, article)

    assert comments_heading(soup) == "Comments (0)"
    assert shown_comments(soup) == []
    assert "No comments yet." in soup.select_one("#comments").get_text()


def test_a_comment_shows_name_and_time_in_the_site_time_zone(client, settings):
    settings.TIME_ZONE = "Asia/Baghdad"  # UTC+3 all year
    article = ArticleFactory()
    comment = CommentFactory(
        article=article,
        name="Lina Saleh",
        created_at=datetime(2026, 3, 14, 22, 30, tzinfo=UTC),
    )

    item = article_page(client, article).select_one(f"#comment-{comment.pk}")

    assert item.select_one(".comment-name").get_text() == "Lina Saleh"
    time = item.select_one("time")
    assert time.get_text() == "2026-03-15 01:30"
    assert time["datetime"] == "2026-03-15T01:30:00+03:00"


def test_line_breaks_are_kept(client):
    article = ArticleFactory()
    comment = CommentFactory(
        article=article, body="First line\nsecond line\n\nA new paragraph"
    )

    body = shown_body(client, comment)

    paragraphs = body.find_all("p")
    assert len(paragraphs) == 2
    assert paragraphs[0].find("br") is not None
    assert paragraphs[0].get_text("|", strip=True) == "First line|second line"
    assert paragraphs[1].get_text() == "A new paragraph"


def test_comments_are_oldest_first(client):
    article = ArticleFactory()
    now = timezone.now()
    for label, minutes_ago in [("middle", 20), ("newest", 10), ("oldest", 30)]:
        CommentFactory(
            article=article,
            body=label,
            created_at=now - timedelta(minutes=minutes_ago),
        )

    assert shown_comments(article_page(client, article)) == [
        "oldest",
        "middle",
        "newest",
    ]


def test_comments_are_paginated_past_50(client):
    article = ArticleFactory()
    start = timezone.now() - timedelta(days=1)
    Comment.objects.bulk_create(
        CommentFactory.build(
            article=article,
            body=f"Comment {number:02d}",
            created_at=start + timedelta(minutes=number),
        )
        for number in range(51)
    )

    first = article_page(client, article)
    assert comments_heading(first) == "Comments (51)"
    assert shown_comments(first) == [f"Comment {number:02d}" for number in range(50)]
    later = first.select_one('#comments a[rel="next"]')
    assert later["href"] == "?comments=2#comments"
    assert first.select_one('#comments a[rel="prev"]') is None

    second = article_page(client, article, "?comments=2")
    assert comments_heading(second) == "Comments (51)"
    assert shown_comments(second) == ["Comment 50"]
    earlier = second.select_one('#comments a[rel="prev"]')
    assert earlier["href"] == "?comments=1#comments"
    assert second.select_one('#comments a[rel="next"]') is None


def test_exactly_50_comments_fit_on_one_page(client):
    article = ArticleFactory()
    CommentFactory.create_batch(50, article=article)

    soup = article_page(client, article)

    assert len(shown_comments(soup)) == 50
    assert soup.select_one("#comments .pagination") is None


@pytest.mark.parametrize("number", ["abc", "0", "-1", "999", "2.5"])
def test_a_bad_comment_page_number_never_breaks_the_article(client, number):
    article = ArticleFactory()
    CommentFactory(article=article, body="Only comment")

    soup = article_page(client, article, f"?comments={number}")

    assert shown_comments(soup) == ["Only comment"]


@pytest.mark.parametrize(
    ("body", "tag"),
    [
        ("<script>alert('owned')</script>", "script"),
        ("<b>bold claim</b>", "b"),
        ('<img src="x" onerror="alert(1)">', "img"),
        ('<a href="javascript:alert(1)">click</a>', "a"),
        ("<iframe src=https://evil.example></iframe>", "iframe"),
    ],
    ids=["script", "b", "img-onerror", "javascript-link", "iframe"],
)
def test_markup_in_a_comment_is_shown_as_text(client, body, tag):
    article = ArticleFactory()
    comment = CommentFactory(article=article, body=body)

    response = client.get(article.get_absolute_url())
    soup = soup_of(response)
    shown = soup.select_one(f"#comment-{comment.pk} .comment-body")

    assert shown.find(tag) is None
    assert shown.get_text(strip=True) == body
    assert body.encode() not in response.content
    assert b"&lt;" + tag.encode() in response.content


def test_web_addresses_become_links_that_pass_no_ranking(client):
    article = ArticleFactory()
    comment = CommentFactory(
        article=article,
        body="Source: https://example.org/report?id=7&lang=en and www.example.net.",
    )

    shown = shown_body(client, comment)

    links = shown.find_all("a")
    assert len(links) == 2
    assert links[0]["href"] == "https://example.org/report?id=7&lang=en"
    assert links[1]["href"] in {"http://www.example.net", "https://www.example.net"}
    for link in links:
        assert set(link["rel"]) == {"nofollow", "ugc", "noopener"}
        assert set(link.attrs) == {"href", "rel"}
    assert shown.get_text(" ", strip=True).startswith("Source: https://example.org/")


def test_an_address_cannot_smuggle_markup_into_its_link(client):
    article = ArticleFactory()
    comment = CommentFactory(
        article=article,
        body='See https://example.org/"onmouseover="alert(1)"><script>x()</script>',
    )

    shown = shown_body(client, comment)

    assert shown.find("script") is None
    for element in shown.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs)
    for link in shown.find_all("a"):
        assert set(link.attrs) == {"href", "rel"}
