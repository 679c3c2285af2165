"""Bad input never loses what the reader typed and never breaks the page.

Each refusal answers with the form again (never a server error), the problem shown
beside its field, everything typed kept, and a new captcha image to answer.
"""

import time
from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.core import signing
from django.utils import timezone

from comments.forms import make_form_token
from comments.models import Comment
from tests.comments.helpers import (
    CAPTCHA_ERROR,
    CONTROL_CHARACTERS_ERROR,
    EXPIRED_FORM_ERROR,
    OTHER_ARTICLE_ERROR,
    REQUIRED_ERROR,
    assert_redirects_to_comments,
    error_for,
    filled_form,
    form_error_text,
    form_values,
    get_form_data,
    invalid_fields,
    post_comment,
    solve_captcha,
    soup_of,
    submit_url,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

GENERAL_WARNING = (
    "Your comment has not been posted yet. Please correct what is marked below; "
    "everything you typed is kept."
)


def refused(response):
    """The re-rendered form page of a refused post, parsed."""
    assert response.status_code == 400, response.status_code
    soup = soup_of(response)
    assert soup.select_one(".alert-warning").get_text(strip=True) == GENERAL_WARNING
    return soup


def assert_kept(soup, sent):
    """Everything typed comes back; the captcha is a new one, with an empty box."""
    again = form_values(soup)
    for field in ("name", "email", "body"):
        assert again[field] == sent[field], field
    assert again["captcha_0"] != sent["captcha_0"]
    assert CaptchaStore.objects.filter(hashkey=again["captcha_0"]).exists()
    assert again["captcha_1"] == ""
    return again


def test_a_wrong_captcha_answer(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    data["captcha_1"] = "wrong"

    soup = refused(post_comment(client, article, data))

    assert CAPTCHA_ERROR in error_for(soup, "captcha_1")
    assert invalid_fields(soup) == {"captcha_1"}
    assert_kept(soup, data)
    assert not Comment.objects.exists()


def test_an_expired_captcha(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    CaptchaStore.objects.filter(hashkey=data["captcha_0"]).update(
        expiration=timezone.now() - timedelta(minutes=1)
    )

    soup = refused(post_comment(client, article, data))

    assert CAPTCHA_ERROR in error_for(soup, "captcha_1")
    assert_kept(soup, data)
    assert not Comment.objects.exists()


def test_a_captcha_answer_counts_once(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    answer = data["captcha_1"]
    data["captcha_1"] = "wrong"
    post_comment(client, article, data)

    # The right answer after a wrong one: the image was used up by the first try.
    data["captcha_1"] = answer
    soup = refused(post_comment(client, article, data))

    assert CAPTCHA_ERROR in error_for(soup, "captcha_1")


def test_empty_fields(client):
    article = ArticleFactory()
    data = filled_form(client, article, name="", email="", body="")

    soup = refused(post_comment(client, article, data))

    for field in ("name", "email", "body"):
        assert REQUIRED_ERROR in error_for(soup, field)
    assert invalid_fields(soup) == {"name", "email", "body"}
    assert_kept(soup, data)
    assert not Comment.objects.exists()


def test_whitespace_only_fields(client):
    article = ArticleFactory()
    data = filled_form(client, article, name="   ", email=" \t ", body=" \r\n\t \r\n")

    soup = refused(post_comment(client, article, data))

    for field in ("name", "email", "body"):
        assert REQUIRED_ERROR in error_for(soup, field)
    assert not Comment.objects.exists()


def test_an_invalid_email_address(client):
    article = ArticleFactory()
    data = filled_form(client, article, email="samira at example dot com")

    soup = refused(post_comment(client, article, data))

    assert "valid email address" in error_for(soup, "email")
    assert invalid_fields(soup) == {"email"}
    assert_kept(soup, data)
    assert not Comment.objects.exists()


def test_a_comment_over_3000_characters(client):
    article = ArticleFactory()
    data = filled_form(client, article, body="é" * 3001)

    soup = refused(post_comment(client, article, data))

    message = error_for(soup, "body")
    assert "3000" in message
    assert "3001" in message
    assert invalid_fields(soup) == {"body"}
    assert_kept(soup, data)
    assert not Comment.objects.exists()


def test_a_comment_of_exactly_3000_characters_is_accepted(client):
    article = ArticleFactory()
    data = filled_form(client, article, body="é" * 3000)

    assert_redirects_to_comments(post_comment(client, article, data), article)
    assert len(Comment.objects.get().body) == 3000


def test_3000_characters_with_line_breaks_as_browsers_send_them(client):
    article = ArticleFactory()
    typed = "\n".join(["y" * 99] * 30) + "z"
    assert len(typed) == 3000  # what the textarea's maxlength and counter see
    data = filled_form(client, article, body=typed.replace("\n", "\r\n"))

    response = post_comment(client, article, data)

    assert_redirects_to_comments(response, article)
    assert Comment.objects.get().body == typed


def test_name_over_80_characters(client):
    article = ArticleFactory()
    data = filled_form(client, article, name="N" * 81)

    soup = refused(post_comment(client, article, data))

    assert "at most 80 characters" in error_for(soup, "name")
    assert_kept(soup, data)
    assert not Comment.objects.exists()


def test_control_characters_in_name_and_comment(client):
    article = ArticleFactory()
    data = filled_form(
        client, article, name="Sam\x01ira", body="Looks \x1b[31mred\x1b[0m to me"
    )

    soup = refused(post_comment(client, article, data))

    assert CONTROL_CHARACTERS_ERROR in error_for(soup, "name")
    assert CONTROL_CHARACTERS_ERROR in error_for(soup, "body")
    assert invalid_fields(soup) == {"name", "body"}
    assert_kept(soup, data)
    assert not Comment.objects.exists()


def test_tabs_and_line_breaks_are_not_control_characters(client):
    article = ArticleFactory()
    data = filled_form(client, article, body="Column\tvalue\nNext line")

    assert_redirects_to_comments(post_comment(client, article, data), article)
    assert Comment.objects.get().body == "Column\tvalue\nNext line"


def test_a_comment_of_a_megabyte(client):
    article = ArticleFactory()
    data = filled_form(client, article, body="x" * 1_000_000)

    soup = refused(post_comment(client, article, data))

    message = error_for(soup, "body")
    assert "at most 3000 characters" in message
    assert_kept(soup, data)
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [
        b"name=%ZZ%&email=%%41&body=100%+sure%G1",
        b"name=%ff%fe%fd&email=a%C0%AF%40example.com&body=%E2%82",
        b"name=\xff\xfe\xc3(&email=\x80@example.com&body=caf\xe9",
        b"&&==&name&body=%00%1b",
    ],
    ids=["bad-escapes", "escaped-invalid-utf8", "raw-invalid-utf8", "odd-separators"],
)
def test_malformed_form_encoding(client, raw):
    article = ArticleFactory()
    data = get_form_data(client, article)
    token = data["form_token"].encode()

    response = client.generic(
        "POST",
        submit_url(article),
        data=raw + b"&form_token=" + token,
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    soup = soup_of(response)
    assert form_values(soup)["form_token"]
    assert invalid_fields(soup)
    assert not Comment.objects.exists()


# The signed form token: which article, how old, once only.


def expired_token(article, monkeypatch):
    """A token signed seven hours ago, past COMMENTS_FORM_MAX_AGE_SECONDS (6 h)."""
    with monkeypatch.context() as patch:
        seven_hours_ago = int(time.time()) - 7 * 3600
        patch.setattr(
            signing.TimestampSigner,
            "timestamp",
            lambda self: signing.b62_encode(seven_hours_ago),
        )
        return make_form_token(article)


def tampered_token(article):
    token = make_form_token(article)
    return token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")


def other_article_token(article):
    return make_form_token(ArticleFactory())


TOKEN_CASES = {
    "tampered": (lambda article, monkeypatch: tampered_token(article), "expired"),
    "expired": (expired_token, "expired"),
    "other-article": (
        lambda article, monkeypatch: other_article_token(article),
        "other",
    ),
}


@pytest.mark.parametrize("case", TOKEN_CASES)
def test_a_bad_form_token_gives_a_new_token_that_works(client, monkeypatch, case):
    article = ArticleFactory()
    data = filled_form(client, article)
    make_token, _kind = TOKEN_CASES[case]
    data["form_token"] = make_token(article, monkeypatch)

    soup = refused(post_comment(client, article, data))

    assert not Comment.objects.exists()
    again = assert_kept(soup, data)
    assert again["form_token"]
    assert again["form_token"] != data["form_token"]
    response = post_comment(client, article, solve_captcha(again))
    assert_redirects_to_comments(response, article)
    assert Comment.objects.get().article == article


def test_an_expired_token_is_refused_by_the_settings_limit(client, settings):
    article = ArticleFactory()
    data = filled_form(client, article)
    settings.COMMENTS_FORM_MAX_AGE_SECONDS = -1

    refused(post_comment(client, article, data))

    assert not Comment.objects.exists()


@pytest.mark.parametrize("case", TOKEN_CASES)
def test_a_bad_form_token_is_explained(client, monkeypatch, case):
    article = ArticleFactory()
    data = filled_form(client, article)
    make_token, kind = TOKEN_CASES[case]
    data["form_token"] = make_token(article, monkeypatch)

    soup = refused(post_comment(client, article, data))

    expected = EXPIRED_FORM_ERROR if kind == "expired" else OTHER_ARTICLE_ERROR
    assert expected in form_error_text(soup)


def test_a_missing_form_token_gives_a_message_and_a_new_token(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    del data["form_token"]

    soup = refused(post_comment(client, article, data))

    again = assert_kept(soup, data)
    assert again["form_token"]
    response = post_comment(client, article, solve_captcha(again))
    assert_redirects_to_comments(response, article)
    # And the reader was told why, beyond the general "correct what is marked".
    shown = form_error_text(soup).replace(GENERAL_WARNING, "")
    assert shown.strip()
