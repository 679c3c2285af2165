"""A newsroom in both editions for the browser tests of issue 13 ("Reader pages,
polished"), and the screenshots each test leaves for a person to look at.

Screenshots go to /tmp/polished-shots/<name>-<edition>-<width>.png (not committed).
"""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from factory.django import ImageField
from playwright.sync_api import Page

from articles.models import ArabicMonths, Article, Keyword, Section, now_to_the_second
from people.models import Person
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    KeywordFactory,
    PersonFactory,
    SectionFactory,
    set_site_settings,
)

SHOTS = Path("/tmp/polished-shots")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = [PHONE, DESKTOP]
EDITIONS = ["en", "ar"]


def viewport_id(viewport: dict) -> str:
    return f"{viewport['width']}px"


def shoot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save what the page shows, named for the test, the edition and the width."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    language = page.locator("html").get_attribute("lang")
    width = page.viewport_size["width"]
    path = SHOTS / f"{name}-{language}-{width}.png"
    page.screenshot(path=path, full_page=full_page)
    return path


def photo(color: str, width: int = 600, height: int = 338) -> ImageField:
    # Small photos: enough for their shape, quick to store with their renditions.
    return ImageField(width=width, height=height, color=color, format="JPEG")


@dataclass
class Newsdesk:
    sections: list[Section]
    keyword: Keyword
    reporter: Person
    lead: dict[str, Article]  # per edition: the front page's lead story
    articles: dict[str, list[Article]]  # per edition, newest first


ARABIC_BODY = (
    "<p>قال مدير المحطة، المهندس سامر الخطيب، إن المضخات الثلاث عادت إلى العمل.</p>"
    "<blockquote><p>«المياه ستصل إلى ستة أحياء لأربع ساعات يومياً»</p></blockquote>"
    "<p>وأضاف أن <em>منظمة محلية</em> موّلت قطع الغيار.</p>"
)
ENGLISH_BODY = (
    "<p>The station manager said the three pumps were running again.</p>"
    "<blockquote><p>“Water will reach six districts for four hours a day.”</p>"
    "</blockquote><p>A <em>local charity</em> paid for the spare parts, see "
    '<a href="https://example.org/report">the report</a>.</p>'
)


@pytest.fixture
def newsdesk(transactional_db) -> Newsdesk:
    """Both editions: a portrait lead photo, teasers with 3:2 and 16:9 photos, and in
    Arabic a few more stories than the front page's lead and latest hold, so that
    its section blocks have one story each. The Arabic edition names the months the
    Levantine way. Made with transactional_db, so the live server sees it."""
    set_site_settings(
        name="The Orontes Dispatch",
        name_ar="رسالة العاصي",
        arabic_months=ArabicMonths.LEVANTINE,
    )
    sections = [
        SectionFactory(name=name, name_ar=name_ar, position=position)
        for position, (name, name_ar) in enumerate(
            [
                ("News", "أخبار"),
                ("Economy", "اقتصاد"),
                ("Society", "مجتمع"),
                ("Culture", "ثقافة"),
                ("Opinion", "رأي"),
            ]
        )
    ]
    keyword = KeywordFactory(
        name="Water", slug="water", name_ar="المياه", slug_ar="مياه"
    )
    reporter = PersonFactory(
        name="Lina Saleh", slug="lina-saleh", name_ar="لينا صالح", slug_ar="لينا-صالح"
    )
    lead, articles = {}, {}
    for language, count in [("en", 12), ("ar", 14)]:
        arabic = language == "ar"
        stories = []
        for number in range(1, count + 1):
            shape = (600, 400) if number % 3 == 0 else (600, 338)
            stories.append(
                ArticleFactory(
                    language=language,
                    title=(
                        f"المجلس ينشر ميزانية الحي، الجزء {number}"
                        if arabic
                        else f"Council publishes the district budget, part {number}"
                    ),
                    lead=(
                        "نشر مجلس المدينة ميزانية العام المقبل."
                        if arabic
                        else "The council published next year's budget."
                    ),
                    section=sections[number % len(sections)],
                    keywords=[keyword],
                    published_at=now_to_the_second()
                    - timedelta(days=number, minutes=7),
                    # Photos where the front page shows them (Latest), none below.
                    **({"image": photo("#b1a58a", *shape)} if number <= 10 else {}),
                    reporter_credit="لينا صالح" if arabic else "Lina Saleh",
                )
            )
        lead[language] = ArticleFactory(
            language=language,
            title=(
                "عودة المضخات إلى العمل في محطة المياه الغربية"
                if arabic
                else "Pumps restart at the western water station"
            ),
            lead=(
                "أعاد المهندسون تشغيل المضخات الرئيسية صباح اليوم."
                if arabic
                else "Engineers restarted the main pumps this morning."
            ),
            body=ARABIC_BODY if arabic else ENGLISH_BODY,
            section=sections[0],
            keywords=[keyword],
            published_at=now_to_the_second() - timedelta(seconds=30),
            # A portrait photo, as the issue found it: 3:4.
            image=photo("#8aa1b1", 450, 600),
            image_alt="محطة الضخ" if arabic else "The pumping station",
            image_caption=(
                "تسحب محطة الضخ الغربية المياه من النهر."
                if arabic
                else "The western pumping station draws from the river."
            ),
            image_credit="تصوير: غرفة الأخبار" if arabic else "Photo: Newsroom",
            reporter_credit="لينا صالح" if arabic else "Lina Saleh",
        )
        articles[language] = [lead[language], *stories]
        CreditFactory(article=lead[language], person=reporter)
    return Newsdesk(
        sections=sections,
        keyword=keyword,
        reporter=reporter,
        lead=lead,
        articles=articles,
    )
