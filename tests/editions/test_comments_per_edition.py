"""Comments belong to one edition's article: each article counts and lists only its
own, and a reader commenting in the Arabic edition stays in it."""

from urllib.parse import urlsplit

import pytest

from comments.models import Comment
from tests.comments.helpers import CommentFactory, filled_form, post_comment
from tests.editions.conftest import link_both_ways
from tests.editions.pages import path_of, soup_of, text_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def comment_count(response) -> int:
    """The count in the comments heading ("Comments (N)" in either language)."""
    heading = text_of(soup_of(response).select_one("#comments-title"))
    digits = "".join(ch for ch in heading if ch.isdigit())
    return int(digits)


def comments_listed(response) -> list[str]:
    return [
        text_of(body) for body in soup_of(response).select(".comment .comment-body")
    ]


def test_comments_are_counted_per_edition(client, story):
    CommentFactory(article=story.arabic, body="تعليق على الخبر")
    CommentFactory(article=story.arabic, body="تعليق ثان")
    CommentFactory(article=story.english, body="An English comment")
    CommentFactory(article=story.english, pending=True)

    english = client.get(story.english.get_absolute_url())
    arabic = client.get(story.arabic.get_absolute_url())

    assert comment_count(english) == 1
    assert comments_listed(english) == ["An English comment"]
    assert comment_count(arabic) == 2
    assert comments_listed(arabic) == ["تعليق على الخبر", "تعليق ثان"]


def test_a_comment_on_the_arabic_article_does_not_count_on_the_english_one(client):
    english = ArticleFactory()
    arabic = ArticleFactory(language="ar", title="خبر مترجم")
    link_both_ways(english, arabic)
    CommentFactory(article=arabic)

    assert comment_count(client.get(english.get_absolute_url())) == 0
    assert comment_count(client.get(arabic.get_absolute_url())) == 1


def test_commenting_on_the_arabic_article_returns_to_it(client, story):
    data = filled_form(client, story.arabic, name="سمر", body="شكراً على التقرير.")

    response = post_comment(client, story.arabic, data)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert path_of(response["Location"]) == path_of(story.arabic.get_absolute_url())
    assert location.fragment == "comment-status"
    comment = Comment.objects.get()
    assert comment.article == story.arabic
    assert comment.body == "شكراً على التقرير."


def test_arabic_comment_form_is_sent_to_the_arabic_edition(client, story):
    form = soup_of(client.get(story.arabic.get_absolute_url())).select_one(
        "form.comment-form"
    )

    assert form["action"].startswith("/ar/")


def test_a_refused_arabic_comment_is_shown_again_right_to_left(client, story):
    data = filled_form(client, story.arabic, body="تعليق")
    data["name"] = ""

    response = post_comment(client, story.arabic, data)

    assert response.status_code == 400
    html = soup_of(response).find("html")
    assert (html["lang"], html["dir"]) == ("ar", "rtl")
    assert not Comment.objects.exists()


HELP_TEXT_BUG = (
    "comments/forms.py CommentForm.body: help_text=_('Plain text, at most %(max)d "
    "characters.') % {...} formats the lazy string when the module is imported, so "
    "the note is fixed in whichever language was active then: the Arabic page shows "
    "it in English (or, if an Arabic page imported the form first, the English page "
    "shows it in Arabic)"
)


def test_comment_form_notes_are_in_the_edition_language(client, story):
    english = text_of(soup_of(client.get(story.english.get_absolute_url())))
    arabic = text_of(soup_of(client.get(story.arabic.get_absolute_url())))

    assert "Plain text, at most 3000 characters." in english
    assert "نص عادي، بحد أقصى 3000 حرف." in arabic
    assert "Plain text" not in arabic
