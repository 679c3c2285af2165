"""Shared helpers for the comment tests: a factory, and a reader who fills the form.

The reader reads the article page like a browser would: the comment form is parsed
out of the HTML, the per-visitor challenge (captcha and once-only token) is fetched
from the address the form names, as comments.js does, every field is sent back
(hidden token, captcha key, honeypot), and the captcha is answered with the real
answer stored for the key shown. No test mode.
"""

from urllib.parse import urlsplit

import factory
from bs4 import BeautifulSoup
from captcha.models import CaptchaStore
from django.urls import reverse

from comments.models import Comment
from tests.factories import ArticleFactory

FORM_SELECTOR = "form.comment-form"
THANKS = "will appear once a moderator approves it"
CONTROL_CHARACTERS_ERROR = "invisible control characters"
EXPIRED_FORM_ERROR = "This form has expired or does not belong to this article"
OTHER_ARTICLE_ERROR = EXPIRED_FORM_ERROR
CAPTCHA_ERROR = "The code was wrong or has expired"
REQUIRED_ERROR = "This field is required."
RATE_LIMIT_ERROR = "You have posted several comments in the last few minutes"
DUPLICATE_ERROR = "You have already posted this comment"
BANNED_ERROR = "Comments from your network are paused by the moderators"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    name = factory.Sequence(lambda n: f"Reader {n}")
    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    body = factory.Sequence(lambda n: f"Comment number {n}.")
    status = Comment.Status.APPROVED
    sender_hash = factory.Sequence(lambda n: f"{n:032x}")
    submission_token = factory.Sequence(lambda n: f"token-{n}")

    class Params:
        pending = factory.Trait(status=Comment.Status.PENDING)
        rejected = factory.Trait(status=Comment.Status.REJECTED)
        spam = factory.Trait(status=Comment.Status.SPAM)


def submit_url(article) -> str:
    return reverse("comments:submit", kwargs={"article_pk": article.pk})


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def comment_form(soup: BeautifulSoup):
    return soup.select_one(FORM_SELECTOR)


def form_values(soup: BeautifulSoup) -> dict[str, str]:
    """What a browser would send for the comment form, as the page shows it."""
    form = comment_form(soup)
    assert form is not None, "the page has no comment form"
    data = {}
    for element in form.select("input[name], textarea[name]"):
        if element.get("type") in {"submit", "button", "image"}:
            continue
        if element.name == "textarea":
            text = element.get_text()
            # HTML drops the one line break that directly follows <textarea>.
            data[element["name"]] = text.removeprefix("\r\n").removeprefix("\n")
        else:
            data[element["name"]] = element.get("value", "")
    return data


def captcha_answer(key: str) -> str:
    return CaptchaStore.objects.get(hashkey=key).response


def solve_captcha(data: dict[str, str]) -> dict[str, str]:
    data["captcha_1"] = captcha_answer(data["captcha_0"])
    return data


def challenge_values(client, soup: BeautifulSoup) -> dict[str, str]:
    """Fetch the form's challenge (captcha key and token) as the page's script does."""
    response = client.get(comment_form(soup)["data-challenge-url"])
    assert response.status_code == 200
    fragment = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        element["name"]: element.get("value", "")
        for element in fragment.select("input[name]")
    }


def get_form_data(client, article) -> dict[str, str]:
    """GET the article page and its form's challenge; return what a browser would
    send (captcha unsolved)."""
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    soup = soup_of(response)
    return form_values(soup) | challenge_values(client, soup)


def filled_form(
    client,
    article,
    *,
    name: str = "Samira Haddad",
    email: str = "samira@example.com",
    body: str = "A thoughtful comment about the story.",
) -> dict[str, str]:
    """The article page's form, filled in and with its captcha solved."""
    data = get_form_data(client, article)
    data.update(name=name, email=email, body=body)
    return solve_captcha(data)


def post_comment(client, article, data, **extra):
    return client.post(submit_url(article), data, **extra)


def assert_redirects_to_comments(response, article) -> None:
    assert response.status_code == 302, response.status_code
    location = urlsplit(response["Location"])
    assert location.path == article.get_absolute_url()
    # The thanks is shown just above the comment section, and the reader taken there.
    assert location.fragment == "comment-status"


def thanks_shown(client, response) -> bool:
    """Follow a redirect answer and tell whether the thank-you message is shown."""
    page = client.get(response["Location"])
    assert page.status_code == 200
    messages = soup_of(page).select("#comment-status .site-messages")
    return any(THANKS in message.get_text() for message in messages)


def error_for(soup: BeautifulSoup, field: str) -> str:
    """The error text tied to ``field``: the control is marked invalid and described
    by an error element that exists in the page. Returns that element's text."""
    form = comment_form(soup)
    control = form.find(attrs={"name": field})
    assert control is not None, f"no {field!r} control in the form"
    assert control.get("aria-invalid") == "true", f"{field!r} is not marked invalid"
    described = control.get("aria-describedby", "").split()
    # A field of several inputs (the captcha) is described by its group.
    group = control.find_parent("fieldset")
    if group is not None:
        described += group.get("aria-describedby", "").split()
    texts = []
    for element_id in described:
        element = soup.find(id=element_id)
        assert element is not None, f"{field!r} is described by missing #{element_id}"
        if element_id.endswith("_error"):
            texts.append(element.get_text(" ", strip=True))
    assert texts, f"{field!r} is not described by an error element"
    return " ".join(texts)


def invalid_fields(soup: BeautifulSoup) -> set[str]:
    form = comment_form(soup)
    return {
        element["name"]
        for element in form.select('[aria-invalid="true"][name]')
        if element["name"] != "captcha_0"
    }


def form_error_text(soup: BeautifulSoup) -> str:
    """Every error the reader sees in and above the form, as text."""
    parts = [alert.get_text(" ", strip=True) for alert in soup.select(".alert")]
    form = comment_form(soup)
    if form is not None:
        parts += [
            feedback.get_text(" ", strip=True)
            for feedback in form.select(".invalid-feedback")
        ]
    return " ".join(parts)


def comments_heading(soup: BeautifulSoup) -> str:
    return soup.select_one("#comments-title").get_text(strip=True)


def shown_comments(soup: BeautifulSoup) -> list[str]:
    """The bodies of the comments shown under the article, in page order."""
    return [
        body.get_text(" ", strip=True)
        for body in soup.select("#comments .comment .comment-body")
    ]
