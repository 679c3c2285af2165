"""A reader posts a comment: the form, the answer, and what readers see next."""

import json

import pytest
from captcha.models import CaptchaStore
from django.urls import reverse

from comments.models import Comment
from tests.comments.helpers import (
    assert_redirects_to_comments,
    comment_form,
    comments_heading,
    filled_form,
    form_values,
    get_form_data,
    invalid_fields,
    post_comment,
    shown_comments,
    solve_captcha,
    soup_of,
    submit_url,
    thanks_shown,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def label_text(soup, control_id):
    label = soup.find("label", attrs={"for": control_id})
    assert label is not None, f"no label for #{control_id}"
    return label.get_text(" ", strip=True)


def test_the_form_has_labelled_fields_and_notes(client):
    article = ArticleFactory()
    soup = soup_of(client.get(article.get_absolute_url()))
    form = comment_form(soup)

    assert form["method"] == "post"
    assert form["action"] == submit_url(article)
    assert label_text(soup, "id_name").startswith("Name")
    assert label_text(soup, "id_email").startswith("E-mail")
    assert label_text(soup, "id_body").startswith("Comment")

    email = form.find(attrs={"name": "email"})
    assert email["type"] == "email"
    email_notes = [
        soup.find(id=note).get_text(strip=True)
        for note in email["aria-describedby"].split()
    ]
    assert "Your e-mail address will not be shown." in email_notes

    body = form.find(attrs={"name": "body"})
    assert body.name == "textarea"
    assert body["maxlength"] == "3000"
    body_notes = " ".join(
        soup.find(id=note).get_text(strip=True)
        for note in body["aria-describedby"].split()
    )
    assert "3000 characters" in body_notes

    # The code comes with the per-visitor part of the form: here as a reader without
    # JavaScript gets it, after a first post from the cached article page.
    soup = soup_of(post_comment(client, article, {"name": "", "email": "", "body": ""}))
    form = comment_form(soup)
    # The captcha: an image with a text alternative, a box to type in, a note, and
    # the whole group named by its legend.
    captcha = form.find(attrs={"name": "captcha_1"})
    group = captcha.find_parent("fieldset")
    assert group.legend.get_text(strip=True).startswith("Code")
    image = group.select_one("img.captcha-image")
    assert image["alt"]
    key = form.find(attrs={"name": "captcha_0"})["value"]
    assert image["src"] == reverse("captcha-image", kwargs={"key": key})
    captcha_notes = " ".join(
        soup.find(id=note).get_text(strip=True)
        for note in group["aria-describedby"].split()
    )
    assert "Type the characters in the image" in captcha_notes
    assert group.find("button", attrs={"name": "new_captcha"}) is not None

    # The honeypot is there for bots and hidden from people in every browser, text
    # browsers (which ignore CSS and the hidden attribute) and screen readers too.
    honeypot = form.find(attrs={"name": "website"})
    assert honeypot["type"] == "hidden"
    assert "Leave this field empty" not in form.get_text()
    assert form.find(attrs={"name": "form_token"})["type"] == "hidden"


def test_every_box_a_reader_types_in_has_a_label(client):
    article = ArticleFactory()
    soup = soup_of(client.get(article.get_absolute_url()))
    form = comment_form(soup)

    unlabelled = []
    for control in form.select("input[name], textarea[name]"):
        if control.get("type") in {"hidden", "submit", "button"}:
            continue
        has_label = (
            soup.find("label", attrs={"for": control.get("id")}) is not None
            or control.get("aria-label")
            or control.get("aria-labelledby")
        )
        if not has_label:
            unlabelled.append(control["name"])

    assert unlabelled == []


def test_a_valid_post_redirects_to_the_comments_with_thanks(client):
    article = ArticleFactory()
    data = filled_form(
        client,
        article,
        name="  Samira   Haddad ",
        email="samira@example.com",
        body="First line\r\nSecond line",
    )

    response = post_comment(client, article, data)

    assert_redirects_to_comments(response, article)
    assert thanks_shown(client, response)
    comment = Comment.objects.get()
    assert comment.article == article
    assert comment.name == "Samira Haddad"
    assert comment.email == "samira@example.com"
    assert comment.body == "First line\nSecond line"
    assert comment.status == Comment.Status.PENDING
    assert comment.decided_at is None
    assert comment.decided_by is None


def test_a_pending_comment_is_neither_shown_nor_counted(client):
    article = ArticleFactory()
    data = filled_form(client, article, body="Waiting for a moderator")
    post_comment(client, article, data)
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1

    soup = soup_of(client.get(article.get_absolute_url()))

    assert comments_heading(soup) == "Comments (0)"
    assert shown_comments(soup) == []
    assert "Waiting for a moderator" not in soup.select_one("#comments").get_text()


def test_the_thank_you_message_is_shown_once(client):
    article = ArticleFactory()
    response = post_comment(client, article, filled_form(client, article))
    assert thanks_shown(client, response)

    assert not thanks_shown(client, response)


def test_the_new_image_button_keeps_what_was_typed(client):
    article = ArticleFactory()
    data = get_form_data(client, article)
    data.update(
        name="Omar",
        email="omar@example.com",
        body="Half-written thought",
        new_captcha=1,
    )
    data["captcha_1"] = "abcde"

    response = post_comment(client, article, data)

    assert response.status_code == 200
    soup = soup_of(response)
    again = form_values(soup)
    assert again["name"] == "Omar"
    assert again["email"] == "omar@example.com"
    assert again["body"] == "Half-written thought"
    assert again["form_token"] == data["form_token"]
    assert again["captcha_0"] != data["captcha_0"]
    assert again["captcha_1"] == ""
    assert invalid_fields(soup) == set()
    assert soup.select(".alert") == []
    assert not Comment.objects.exists()

    # The new image can be answered and the comment posted.
    response = post_comment(client, article, solve_captcha(again))
    assert_redirects_to_comments(response, article)
    assert Comment.objects.get().body == "Half-written thought"


def test_the_refresh_endpoint_gives_a_new_working_captcha(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    old_key = data["captcha_0"]

    response = client.get(
        reverse("captcha-refresh"), headers={"X-Requested-With": "XMLHttpRequest"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    payload = json.loads(response.content)
    assert payload["key"] != old_key
    assert payload["image_url"] == reverse(
        "captcha-image", kwargs={"key": payload["key"]}
    )
    assert CaptchaStore.objects.filter(hashkey=payload["key"]).exists()
    assert client.get(payload["image_url"]).status_code == 200

    # What the page's script does with it: swap the key and answer the new image.
    data["captcha_0"] = payload["key"]
    response = post_comment(client, article, solve_captcha(data))
    assert_redirects_to_comments(response, article)
    assert Comment.objects.count() == 1


def test_the_refresh_endpoint_needs_the_ajax_header(client):
    assert client.get(reverse("captcha-refresh")).status_code == 404


def test_the_submit_address_takes_posts_only(client):
    article = ArticleFactory()
    assert client.get(submit_url(article)).status_code == 405


@pytest.mark.parametrize(
    "article_kwargs", [{"draft": True}, {"scheduled": True}], ids=["draft", "scheduled"]
)
def test_posting_to_an_article_readers_cannot_see_is_not_found(client, article_kwargs):
    public = ArticleFactory()
    data = filled_form(client, public)
    hidden = ArticleFactory(**article_kwargs)

    response = post_comment(client, hidden, data)

    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_posting_to_an_unknown_article_is_not_found(client):
    public = ArticleFactory()
    data = filled_form(client, public)

    response = client.post(
        reverse("comments:submit", kwargs={"article_pk": public.pk + 1000}), data
    )

    assert response.status_code == 404
    assert not Comment.objects.exists()
