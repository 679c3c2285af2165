"""Editors keep the mirrors and the two pages' text in the admin; Arabic fields are
typed right-to-left, addresses left-to-right."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from mirrors.models import Mirror, ReachPage
from tests.factories import make_staff_user
from tests.mirrors.hosts import MAIN, MIRROR

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_staff_user("amal", "Editors"))
    return client


def test_an_editor_writes_the_reach_page(editor_client):
    response = editor_client.post(
        reverse("admin:mirrors_reachpage_add"),
        {
            "newsletter": "Write to us",
            "newsletter_ar": "راسلونا",
            "intro": "",
            "intro_ar": "",
            "channels": "",
            "channels_ar": "",
        },  # fmt: skip
    )
    assert response.status_code == 302
    assert ReachPage.load().newsletter_ar == "راسلونا"


@pytest.mark.parametrize(
    "url_name", ["admin:mirrors_reachpage_add", "admin:mirrors_tipspage_add"]
)
def test_arabic_inputs_are_right_to_left(editor_client, url_name):
    soup = BeautifulSoup(editor_client.get(reverse(url_name)).content, "html.parser")
    arabic = soup.select('[name$="_ar"]')
    assert arabic
    assert all(field["dir"] == "rtl" and field["lang"] == "ar" for field in arabic)
    english = soup.select('textarea[name="intro"]')[0]
    assert "dir" not in english.attrs


def test_an_editor_adds_a_mirror_and_its_address_is_left_to_right(editor_client):
    add = reverse("admin:mirrors_mirror_add")
    soup = BeautifulSoup(editor_client.get(add).content, "html.parser")
    assert soup.select_one('input[name="url"]')["dir"] == "ltr"
    assert soup.select_one('input[name="note_ar"]')["dir"] == "rtl"
    response = editor_client.post(
        add,
        {
            "url": "https://copy.example.com/",
            "note": "",
            "note_ar": "",
            "is_listed": "on",
            "position": "0",
        },  # fmt: skip
    )
    assert response.status_code == 302
    assert Mirror.objects.get().url == "https://copy.example.com/"


@pytest.mark.parametrize("url", [f"https://{MAIN}/", "ftp://copy.example.com/"])
def test_the_main_domain_or_another_scheme_is_no_mirror(editor_client, url):
    response = editor_client.post(
        reverse("admin:mirrors_mirror_add"),
        {"url": url, "note": "", "note_ar": "", "is_listed": "on", "position": "0"},
    )
    assert response.status_code == 200
    assert not Mirror.objects.exists()
    field = BeautifulSoup(response.content, "html.parser").select_one(
        'input[name="url"]'
    )
    assert field["value"] == url


def test_the_list_says_which_mirrors_this_site_serves(editor_client):
    Mirror.objects.create(url=f"https://{MIRROR}/")
    Mirror.objects.create(url="https://copy.example.com/")
    response = editor_client.get(reverse("admin:mirrors_mirror_changelist"))
    soup = BeautifulSoup(response.content, "html.parser")
    served = [img["alt"] for img in soup.select("td.field-served_here img")]
    assert sorted(served) == ["False", "True"]


def test_a_moderator_cannot_change_them(client):
    client.force_login(make_staff_user("omar", "Moderators"))
    assert client.get(reverse("admin:mirrors_reachpage_add")).status_code == 403
