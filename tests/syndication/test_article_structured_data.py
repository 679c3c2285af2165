"""The article page tells crawlers and link previews about itself: an absolute
canonical address, Open Graph and Twitter tags, and NewsArticle JSON-LD with every
field, safe from what a title holds."""

import json

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from articles.images import crop_name
from articles.models import Article, SiteSettings
from tests.factories import ArticleFactory, set_site_settings
from tests.photos import encoded, plain_jpeg
from tests.syndication.helpers import full_article, head_of, json_ld_of

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
# Every address but the canonical one is on the host the page was asked on (the
# site, its onion address, a mirror): the test client's.
HERE = "http://testserver"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def og(head, name):
    return [tag["content"] for tag in head.find_all("meta", property=name)]


def test_the_canonical_address_is_absolute_on_the_main_domain(client):
    article = ArticleFactory()

    head = head_of(client.get(article.get_absolute_url(), HTTP_HOST="localhost"))

    canonical = head.find("link", rel="canonical")["href"]
    assert canonical == SITE + article.get_absolute_url()
    assert og(head, "og:url") == ["http://localhost" + article.get_absolute_url()]


def test_open_graph_and_twitter_tags_are_all_there(client):
    article = full_article()

    head = head_of(client.get(article.get_absolute_url()))

    assert og(head, "og:type") == ["article"]
    assert og(head, "og:title") == [article.title]
    assert og(head, "og:description") == [article.lead]
    assert og(head, "og:site_name") == [SiteSettings.load().name]
    assert og(head, "og:locale") == ["en_US"]
    assert og(head, "og:locale:alternate") == ["ar_AR"]
    image_url = "http://testserver" + article.image.storage.url(
        crop_name(article.image.name, (16, 9))
    )
    assert og(head, "og:image") == [image_url]
    assert og(head, "og:image:width") == ["1200"]
    assert og(head, "og:image:height") == ["675"]
    assert og(head, "og:image:alt") == ["The pumping station at dawn"]
    assert og(head, "article:published_time") == [article.published_at.isoformat()]
    assert og(head, "article:modified_time") == [article.last_note_at.isoformat()]
    assert og(head, "article:section") == [article.section.name]
    assert og(head, "article:tag") == ["Water"]
    twitter = {
        t["name"]: t["content"]
        for t in head.find_all("meta", attrs={"name": True})
        if t["name"].startswith("twitter:")
    }
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:title"] == article.title
    assert twitter["twitter:image"] == image_url
    assert head.find("meta", attrs={"name": "description"})["content"] == article.lead


def test_json_ld_carries_every_field(client):
    article = full_article()
    translation = article.translation

    data = json_ld_of(client.get(article.get_absolute_url()))

    here = HERE + article.get_absolute_url()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["@id"] == data["url"] == here
    assert data["mainEntityOfPage"]["@id"] == here
    assert data["headline"] == article.title
    assert data["description"] == article.lead
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] == article.last_note_at.isoformat()
    assert data["inLanguage"] == "en"
    assert data["articleSection"] == article.section.name
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Lina Saleh",
            "url": f"{HERE}/en/people/lina-saleh/",
        },
        {
            "@type": "Person",
            "name": "Omar Haddad",
            "url": f"{HERE}/en/people/omar-haddad/",
        },
    ]
    assert data["translator"] == [
        {"@type": "Person", "name": "Rami Aziz", "url": f"{HERE}/en/people/rami-aziz/"}
    ]
    # The English side has a translator: it is the translation of the Arabic one.
    assert data["translationOfWork"] == {
        "@type": "NewsArticle",
        "@id": HERE + translation.get_absolute_url(),
        "inLanguage": "ar",
    }
    sizes = {(image["width"], image["height"]) for image in data["image"]}
    assert sizes == {(1200, 675), (1200, 900), (900, 900)}
    for image in data["image"]:
        assert image["width"] * image["height"] >= 50_000
        assert (
            image["width"] * 9 == image["height"] * 16
            or image["width"] * 3 == image["height"] * 4
            or image["width"] == image["height"]
        )
    assert data["keywords"] == ["Water"]
    assert data["publisher"]["@type"] == "NewsMediaOrganization"
    assert data["publisher"]["name"] == SiteSettings.load().name
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/")
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version gave the wrong date.",
            "datePublished": article.last_note_at.isoformat(),
        }
    ]


def test_the_original_names_its_translation_as_work_translation(client):
    article = full_article()
    original = article.translation

    data = json_ld_of(client.get(original.get_absolute_url()))

    assert data["inLanguage"] == "ar"
    assert data["workTranslation"]["@id"] == HERE + article.get_absolute_url()
    assert "translationOfWork" not in data


def test_the_crops_named_exist_at_their_sizes(client):
    article = full_article()

    data = json_ld_of(client.get(article.get_absolute_url()))

    storage = article.image.storage
    for ratio, image in zip(((16, 9), (4, 3), (1, 1)), data["image"], strict=True):
        name = crop_name(article.image.name, ratio)
        assert image["url"].endswith(storage.url(name))
        with storage.open(name) as file:
            assert Image.open(file).size == (image["width"], image["height"])


def test_the_publisher_logo_comes_from_the_site_settings(client):
    site = set_site_settings(name="The Orontes Dispatch")
    site.logo.save(
        "logo.png", ContentFile(encoded(Image.new("RGB", (600, 60), "#123"), "PNG"))
    )
    article = ArticleFactory()

    logo = json_ld_of(client.get(article.get_absolute_url()))["publisher"]["logo"]

    assert logo["url"] == "http://testserver" + SiteSettings.load().logo.url
    assert (logo["width"], logo["height"]) == (600, 60)


def test_a_hostile_title_cannot_end_the_script(client):
    hostile = '</script><script>alert("x")</script><!--'
    article = ArticleFactory(title=hostile, lead="A & B < C")

    response = client.get(article.get_absolute_url())

    assert b'</script><script>alert("x")' not in response.content
    data = json_ld_of(response)
    assert data["headline"] == hostile
    assert data["description"] == "A & B < C"


def test_a_small_image_gets_no_crop_under_50000_pixels(client):
    article = ArticleFactory()
    article.image.save("small.jpg", ContentFile(plain_jpeg(400, 100)))

    data = json_ld_of(client.get(article.get_absolute_url()))

    # 16:9 of 400x100 is 177x99 (17,523 px); 4:3 and 1:1 are smaller still.
    assert "image" not in data


def test_an_article_without_credit_records_names_its_free_text_author(client):
    article = ArticleFactory(reporter_credit="Homs correspondent")

    data = json_ld_of(client.get(article.get_absolute_url()))

    assert data["author"] == [{"@type": "Person", "name": "Homs correspondent"}]
    assert "translator" not in data


def test_a_preview_carries_no_structured_data(client, admin_user):
    from articles.preview import preview_url

    article = ArticleFactory(status=Article.Status.DRAFT)

    response = client.get(preview_url(article))

    assert response.status_code == 200
    assert b"application/ld+json" not in response.content
    assert b'name="robots" content="noindex"' in response.content


def test_the_page_makes_no_third_party_request(client):
    article = full_article()

    head = head_of(client.get(article.get_absolute_url()))

    for tag in head.find_all(["link", "script", "img"]):
        address = tag.get("href") or tag.get("src") or ""
        if tag.get("rel") == ["canonical"]:
            continue
        assert not address.startswith("http") or address.startswith(
            "http://testserver/"
        ), address
    assert json.loads(head.find("script", type="application/ld+json").string)
