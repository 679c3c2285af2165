"""The lite front page: the edition's latest stories, newest first, paginated, under
15 KB with the longest headlines, with no image, script or stylesheet."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ArticleFactory
from tests.lite.conftest import LONG_ARABIC_TITLE, LONG_ENGLISH_TITLE, counted

BUDGET_BYTES = 15 * 1024


def front_url(language: str, page: int = 1) -> str:
    with translation.override(language):
        url = reverse("lite:front")
    return url if page == 1 else f"{url}?page={page}"


@pytest.fixture
def full_editions(db):
    """The demo's size and more: 30 stories in each edition, every headline as long
    as the field allows."""
    for n in range(30):
        ArticleFactory(title=f"{n:02d} {LONG_ENGLISH_TITLE}"[:200])
        ArticleFactory(
            language="ar",
            title=f"{n:02d} {LONG_ARABIC_TITLE}"[:200],
            slug=f"arabic-story-{n}",
        )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_front_page_is_under_its_byte_budget_and_plain(client, full_editions, language):
    response = client.get(front_url(language))
    assert response.status_code == 200
    print(language, len(response.content), "bytes")
    assert len(response.content) < BUDGET_BYTES, len(response.content)
    page = counted(response.content.decode())
    assert page.forbidden == []
    assert page.html_attrs["dir"] == ("rtl" if language == "ar" else "ltr")
    assert page.html_attrs["lang"] == language


def test_front_page_lists_the_edition_newest_first_and_pages_on(client, full_editions):
    first = client.get(front_url("en")).content.decode()
    assert "29 " not in first.split("<h1>")[1][:60]
    assert first.index("00 Residents") < first.index("01 Residents")
    assert LONG_ARABIC_TITLE[:20] not in first
    assert 'href="?page=2"' in first
    second = client.get(front_url("en", 2)).content.decode()
    assert "29 Residents" in second and "00 Residents" not in second
    # Back to the first page without a redirect: a round trip saved on a slow link.
    assert f'rel="prev" href="{front_url("en")}"' in second
    assert client.get(front_url("en", 3)).status_code == 404


def test_front_page_leaves_out_drafts_and_scheduled_stories(client, db):
    ArticleFactory(title="Published story")
    ArticleFactory(title="Draft story", draft=True)
    ArticleFactory(title="Scheduled story", scheduled=True)
    html = client.get(front_url("en")).content.decode()
    assert "Published story" in html
    assert "Draft story" not in html and "Scheduled story" not in html


def test_front_page_links_each_story_and_the_full_site(client, db):
    article = ArticleFactory(title="A story")
    html = client.get(front_url("en")).content.decode()
    assert f'href="{reverse("lite:article", args=[article.pk])}"' in html
    assert f'href="{reverse("articles:home")}"' in html
    assert f'href="{front_url("ar")}"' in html
