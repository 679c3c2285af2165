"""A commenter's e-mail address is for moderators only: no public page shows it."""

import html
from urllib.parse import quote, quote_plus

import pytest
from django.urls import reverse

from comments.models import Comment
from comments.services import comment_approve
from tests.comments.helpers import (
    assert_redirects_to_comments,
    filled_form,
    post_comment,
    shown_comments,
    soup_of,
)
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

pytestmark = pytest.mark.django_db

EMAIL = "Zephyrine.Quill+Private@Commenter-Mail.example"


def forms_of(address: str) -> set[bytes]:
    """The address as a page could carry it: as is, in any case, escaped, encoded."""
    variants = set()
    for text in (address, address.lower()):
        variants |= {
            text,
            html.escape(text),
            text.replace("@", "&#64;"),
            text.replace("@", "&#x40;"),
            text.replace("+", "&#43;"),
            quote(text),
            quote(text, safe=""),
            quote_plus(text),
        }
    local_part = address.split("@")[0]
    variants |= {local_part, local_part.lower(), quote(local_part)}
    return {variant.encode() for variant in variants}


def test_the_address_variants_are_what_we_think():
    variants = forms_of(EMAIL)
    assert b"Zephyrine.Quill%2BPrivate%40Commenter-Mail.example" in variants
    assert b"zephyrine.quill+private@commenter-mail.example" in variants


def test_an_approved_comment_never_shows_its_email_address(
    client, django_capture_on_commit_callbacks
):
    section = SectionFactory(name="Politics")
    keyword = KeywordFactory(name="Elections")
    article = ArticleFactory(section=section, keywords=[keyword])
    data = filled_form(client, article, name="Zee", email=EMAIL, body="Public words")
    assert_redirects_to_comments(post_comment(client, article, data), article)
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comments=Comment.objects.all(), moderator=None)
    assert Comment.objects.get().email == EMAIL

    pages = {
        "article": article.get_absolute_url(),
        "article page 2": article.get_absolute_url() + "?comments=2",
        "home": reverse("articles:home"),
        "section": section.get_absolute_url(),
        "keyword": keyword.get_absolute_url(),
    }
    for name, url in pages.items():
        # (A comment page beyond the last sends the reader to the last one.)
        response = client.get(url, follow=True)
        assert response.status_code == 200, name
        content = response.content
        for variant in forms_of(EMAIL):
            assert variant.lower() not in content.lower(), (name, variant)

    # The page does show the comment: the test looked at the right place.
    assert shown_comments(soup_of(client.get(article.get_absolute_url()))) == [
        "Public words"
    ]
