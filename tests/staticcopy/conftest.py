import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.comments.helpers import CommentFactory
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    KeywordFactory,
    PersonFactory,
    SectionFactory,
)
from tests.photos import plain_jpeg, upload

SITE_URL = "https://news.example.org"


@dataclass
class Site:
    english: object
    arabic: object
    other: object
    key: Path


@pytest.fixture
def signing_key(tmp_path) -> Path:
    key = tmp_path / "keys" / "newsroom"
    key.parent.mkdir()
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", str(key)],
        check=True,
    )
    return key


@pytest.fixture
def site(db, settings, signing_key) -> Site:
    """A small published site: both editions, a section long enough for a second
    page, a keyword, a person, a photo and an approved comment."""
    settings.SITE_URL = SITE_URL
    settings.ALLOWED_HOSTS = ["news.example.org"]
    section = SectionFactory(name="Economy", name_ar="اقتصاد")
    keyword = KeywordFactory(name="Homs", slug="homs", name_ar="حمص", slug_ar="حمص")
    english = ArticleFactory(
        title="Bakeries in Homs raise the price of bread",
        section=section,
        keywords=[keyword],
        image_alt="A queue outside a bakery",
    )
    english.image = upload(plain_jpeg(800, 450), "bakery.jpg")
    english.save()
    arabic = ArticleFactory(
        language="ar",
        title="أفران حمص ترفع سعر الخبز",
        slug="أفران-حمص-ترفع-سعر-الخبز",
        section=section,
        keywords=[keyword],
        translation=english,
    )
    english.translation = arabic
    english.save(update_fields=["translation"])
    person = PersonFactory(name="Lina Saleh", name_ar="لينا صالح")
    CreditFactory(article=english, person=person)
    CreditFactory(article=arabic, person=person)
    CommentFactory(article=english)
    for n in range(22):
        ArticleFactory(title=f"Older story {n}", section=section)
    other = ArticleFactory(title="A story nobody touches", section=section)
    return Site(english=english, arabic=arabic, other=other, key=signing_key)


def export(directory: Path, key: Path, *extra: str) -> None:
    call_command("export_static", str(directory), "--key", str(key), *extra)


@pytest.fixture
def exported(site, tmp_path) -> Path:
    directory = tmp_path / "copy"
    export(directory, site.key)
    return directory
