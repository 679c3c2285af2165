""" "How to reach us if we are blocked", in both editions: the onion address, the
mirrors, the newsletter and other channels as the editors set them, and all of it
as plain text; linked from every page's footer."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from mirrors.models import Mirror, ReachPage
from tests.mirrors.hosts import MAIN, MIRROR, ONION

pytestmark = pytest.mark.django_db


def reach_path(language: str, name: str = "mirrors:reach") -> str:
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def newsroom_text():
    Mirror.objects.create(
        url="https://copy.example.com/", note="Hourly", note_ar="كل ساعة"
    )
    return ReachPage.objects.create(
        intro="Blocked? Read on.",
        intro_ar="محجوبون؟ تابعوا القراءة.",
        newsletter="Write to news@example.com",
        newsletter_ar="اكتبوا إلى news@example.com",
        channels="Radio Orontes, 98.1 FM",
        channels_ar="راديو العاصي، 98.1",
    )


@pytest.mark.parametrize(
    ("language", "intro", "note", "newsletter"),
    [
        ("en", "Blocked? Read on.", "Hourly", "Write to news@example.com"),
        ("ar", "محجوبون؟ تابعوا القراءة.", "كل ساعة", "اكتبوا إلى news@example.com"),
    ],
)
@pytest.mark.usefixtures("newsroom_text")
def test_the_page_lists_every_way_in_each_edition(
    client, language, intro, note, newsletter
):
    response = client.get(reach_path(language), HTTP_HOST=MAIN)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    text = soup.get_text()
    assert intro in text and note in text and newsletter in text
    links = [a["href"] for a in soup.select("main a[href]")]
    assert f"http://{ONION}/" in links
    assert "https://copy.example.com/" in links
    assert f"https://{MIRROR}/" in links
    plain = soup.select_one("textarea#reach-text").get_text()
    for address in (
        f"http://{ONION}/",
        "https://copy.example.com/",
        f"https://{MIRROR}/",
    ):
        assert address in plain
    assert newsletter in plain


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.usefixtures("newsroom_text")
def test_the_plain_text_copy(client, language):
    response = client.get(reach_path(language, "mirrors:reach_text"), HTTP_HOST=MAIN)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert f"http://{ONION}/" in text
    assert "https://copy.example.com/" in text
    assert f"http://{MAIN}{reach_path(language)}" in text


def test_an_editors_change_shows_at_once(
    client, newsroom_text, django_capture_on_commit_callbacks
):
    client.get(reach_path("en"), HTTP_HOST=MAIN)
    with django_capture_on_commit_callbacks(execute=True):
        newsroom_text.newsletter = "Write to letters@example.com"
        newsroom_text.save()
        Mirror.objects.create(url="https://second.example.com/")
    text = client.get(reach_path("en"), HTTP_HOST=MAIN).content.decode()
    assert "letters@example.com" in text
    assert "https://second.example.com/" in text


def test_an_unpublished_mirror_is_not_shown(client):
    Mirror.objects.create(url="https://secret.example.com/", is_listed=False)
    Mirror.objects.create(url=f"https://{MIRROR}/", is_listed=False)
    text = client.get(reach_path("en"), HTTP_HOST=MAIN).content.decode()
    assert "secret.example.com" not in text
    assert MIRROR not in text


def test_without_text_from_the_editors_the_page_still_says_what_to_do(client):
    soup = BeautifulSoup(client.get(reach_path("ar")).content, "html.parser")
    assert soup.select_one(".page-intro").get_text(strip=True)
    assert "لا توجد" in soup.get_text() or soup.select(".reach-list a")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_footer_links_the_reach_and_tips_pages(client, language):
    for path in (f"/{language}/", reach_path(language), f"/{language}/corrections/"):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        footer_links = [a["href"] for a in soup.select("footer a[href]")]
        assert reach_path(language) in footer_links
        assert reach_path(language, "mirrors:tips") in footer_links


def test_the_page_on_a_mirror_speaks_of_the_mirror(client):
    text = client.get(reach_path("en", "mirrors:reach_text"), HTTP_HOST=MIRROR)
    assert f"http://{MIRROR}/en/reach-us/" in text.content.decode()
    assert MAIN not in text.content.decode()


def test_editors_text_is_plain_text_and_numbers_read_left_to_right(client):
    ReachPage.objects.create(
        channels_ar="<script>alert(1)</script>\nسيغنال: +961 70 000 000"
    )
    response = client.get(reach_path("ar"))
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert '<bdi dir="ltr">+961 70 000 000</bdi>' in body
