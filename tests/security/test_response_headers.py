"""Every HTML response carries the security headers: reader pages (cached ones
included), error pages, the comment endpoints and the admin; over HTTP and, with the
HTTPS switch on, over HTTPS with Strict-Transport-Security."""

import pytest
from django.urls import reverse

from newsportal.security import DENIED_FEATURES
from tests.comments.helpers import (
    filled_form,
    post_comment,
    submit_url,
)
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory
from tests.security.headers import assert_security_headers
from tests.staff_login import give_totp

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.9"


@pytest.fixture(params=["http", "https"])
def https(request, settings) -> bool:
    if request.param == "https":
        # What DJANGO_HTTPS=1 and DJANGO_BEHIND_TLS_PROXY=1 set (see
        # tests/security/test_https_switch.py); requests come through the TLS proxy.
        settings.SECURE_SSL_REDIRECT = True
        settings.SECURE_HSTS_SECONDS = 2 * 365 * 24 * 3600
        settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
        settings.SECURE_HSTS_PRELOAD = True
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return request.param == "https"


@pytest.fixture
def client(client, https):
    if https:
        client.defaults["HTTP_X_FORWARDED_PROTO"] = "https"
    return client


@pytest.fixture
def admin_client(admin_client, https):
    if https:
        admin_client.defaults["HTTP_X_FORWARDED_PROTO"] = "https"
    return admin_client


@pytest.fixture
def article():
    keyword = KeywordFactory(
        name="Water", slug="water", name_ar="المياه", slug_ar="مياه"
    )
    return ArticleFactory(section=SectionFactory(name="News"), keywords=[keyword])


@pytest.fixture
def arabic_article(article):
    return ArticleFactory(
        title="عودة المضخات",
        slug="عودة-المضخات",
        language="ar",
        section=article.section,
    )


def reader_paths(article, arabic_article) -> list[str]:
    return [
        "/en/",
        article.get_absolute_url(),
        f"/en/sections/{article.section.slug}/",
        "/en/keywords/water/",
        "/ar/",
        arabic_article.get_absolute_url(),
        f"/ar/sections/{article.section.slug}/",
        "/ar/keywords/مياه/",
    ]


def test_reader_pages_carry_every_header(client, https, article, arabic_article):
    for path in reader_paths(article, arabic_article):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_security_headers(response, https=https)


def test_pages_served_from_the_page_cache_carry_every_header(
    client, https, article, django_assert_num_queries
):
    client.get(article.get_absolute_url())

    with django_assert_num_queries(0):  # from the page cache
        again = client.get(article.get_absolute_url())

    assert again.status_code == 200
    assert_security_headers(again, https=https)


@pytest.mark.parametrize("path", ["/en/no-such-page/", "/ar/no-such-page/"])
def test_not_found_pages_carry_every_header(client, https, path):
    response = client.get(path)

    assert response.status_code == 404
    assert_security_headers(response, https=https)


def test_the_server_error_page_carries_every_header(client, https, settings):
    settings.ROOT_URLCONF = "tests.security.failing_urls"
    client.raise_request_exception = False

    response = client.get("/fails/")

    assert response.status_code == 500
    assert_security_headers(response, https=https)


def test_the_comment_challenge_carries_every_header(client, https, article):
    url = reverse("comments:challenge", kwargs={"article_pk": article.pk})

    response = client.get(url)

    assert response.status_code == 200
    assert_security_headers(response, https=https)


def test_comment_posts_carry_every_header(client, https, article, settings):
    settings.COMMENTS_RATE_LIMIT_POSTS = 1
    data = filled_form(client, article)

    accepted = post_comment(client, article, data, REMOTE_ADDR=ADDRESS)
    second = filled_form(client, article, body="Another comment")
    refused = post_comment(client, article, second, REMOTE_ADDR=ADDRESS)
    wrong_code = filled_form(client, article) | {"captcha_1": "wrong"}
    invalid = client.post(submit_url(article), wrong_code)

    assert [accepted.status_code, refused.status_code, invalid.status_code] == [
        302,
        429,
        400,
    ]
    for response in (accepted, refused, invalid):
        assert_security_headers(response, https=https)


def test_the_staff_sign_in_pages_carry_every_header(client, https, admin_user):
    give_totp(admin_user)
    to_sign_in = client.get(reverse("admin:login"))
    sign_in = client.get(reverse("account_login"))
    password = client.post(
        reverse("account_login"), {"login": "admin", "password": "password"}
    )
    factor_step = client.get(password["Location"])

    assert [to_sign_in.status_code, sign_in.status_code, password.status_code] == [
        302,
        200,
        302,
    ]
    assert factor_step.status_code == 200
    assert b'name="code"' in factor_step.content
    for response in (to_sign_in, sign_in, password, factor_step):
        assert_security_headers(response, staff=True, https=https)


@pytest.mark.parametrize(
    "url_name", ["admin:index", "admin:articles_article_add", "admin:no_such_page"]
)
def test_admin_pages_carry_every_header(admin_client, https, url_name):
    if url_name == "admin:no_such_page":
        path, status = reverse("admin:index") + "no/such/page/", 404
    else:
        path, status = reverse(url_name), 200

    response = admin_client.get(path)

    assert response.status_code == status
    assert_security_headers(response, staff=True, https=https)


def test_permissions_policy_denies_exactly_the_listed_features(client):
    response = client.get("/en/")

    assert response["Permissions-Policy"] == ", ".join(
        f"{feature}=()" for feature in DENIED_FEATURES
    )
    assert set(DENIED_FEATURES) == {
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "browsing-topics",
    }
