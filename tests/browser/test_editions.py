"""The two editions in a real browser: a reader crosses from an English article to
its Arabic translation and back; Arabic pages are laid out right to left (the page,
the ticker's motion, the comment form); no page of either edition asks another host
for anything (the page guard fails the test otherwise).

Screenshots of the Arabic front page and article, at a phone's and a desktop's width,
go to /tmp/editions-shots/ for a person to look at.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from factory.django import ImageField
from playwright.sync_api import Page, expect

from articles.models import Article, Keyword, Section, now_to_the_second
from tests.factories import (
    ArticleFactory,
    KeywordFactory,
    SectionFactory,
    set_site_settings,
)

pytestmark = pytest.mark.browser

READ_IN_ARABIC = "اقرأ بالعربية"
READ_IN_ENGLISH = "Read in English"
SHOTS = Path("/tmp/editions-shots")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

ARABIC_BODY = (
    "<h2>ماذا حدث؟</h2>"
    "<p>قال مدير المحطة، المهندس سامر الخطيب، إن المضخات الثلاث عادت إلى العمل "
    "عند الساعة 7:30 صباحاً بعد إصلاح خط الكهرباء الرئيسي.</p>"
    "<p>وأضاف أن منظمة UNICEF موّلت قطع الغيار بقيمة 250,000 دولار، وأن المياه "
    "ستصل إلى ستة أحياء «لأربع ساعات يومياً» اعتباراً من نهاية الأسبوع.</p>"
    "<h2>ما التالي؟</h2>"
    "<p>يتوقع السكان أن تنخفض أسعار صهاريج المياه الخاصة (نحو 50 ألف ليرة للصهريج) "
    "خلال الشهر المقبل.</p>"
)


@dataclass
class Editions:
    sections: list[Section]
    keywords: list[Keyword]
    english: Article  # the English lead story, with a published Arabic translation
    arabic: Article
    english_articles: list[Article]
    arabic_articles: list[Article]


def photo(color: str) -> ImageField:
    return ImageField(width=1200, height=675, color=color, format="JPEG")


@pytest.fixture
def editions(transactional_db) -> Editions:
    """Both editions, published: a lead story told in both, linked both ways, and
    more news in each; the masthead in both languages. Made in the test's thread
    with transactional_db (which also empties the data migrations' rows), so the
    live server sees it."""
    set_site_settings(
        name="Newsportal",
        standing_line="Established 2013 - Amman",
        name_ar="البوابة الإخبارية",
        standing_line_ar="تأسست عام 2013 - عمّان",
    )
    sections = [
        SectionFactory(name=name, name_ar=name_ar)
        for name, name_ar in [
            ("News", "أخبار"),
            ("Economy", "اقتصاد"),
            ("Society", "مجتمع"),
            ("Culture", "ثقافة"),
            ("Opinion", "رأي"),
        ]
    ]
    homs = KeywordFactory(name="Homs", slug="homs", name_ar="حمص", slug_ar="حمص")
    water = KeywordFactory(name="Water", slug="water", name_ar="المياه", slug_ar="مياه")
    keywords = [homs, water]
    english_articles, arabic_articles = [], []
    for number in range(1, 9):
        common = {
            "section": sections[number % len(sections)],
            "keywords": [keywords[number % len(keywords)]],
            "published_at": now_to_the_second() - timedelta(minutes=10 * number),
        }
        english_articles.append(
            ArticleFactory(
                title=f"Council publishes the district budget, part {number}",
                **common,
            )
        )
        arabic_articles.append(
            ArticleFactory(
                language="ar",
                title=f"المجلس ينشر ميزانية الحي، الجزء {number}",
                lead="نشر مجلس المدينة ميزانية العام المقبل، وفيها بنود جديدة للمدارس.",
                body="<p>قال رئيس المجلس إن الميزانية زادت 12% عن العام الماضي.</p>",
                reporter_credit="لينا صالح",
                **common,
            )
        )
    english = ArticleFactory(
        title="Pumps restart at the western water station after eight months",
        lead=(
            "Engineers restarted the main pumps this morning; taps in six districts "
            "should run for four hours a day from the end of the week."
        ),
        section=sections[0],
        keywords=[homs, water],
        is_breaking=True,
        published_at=now_to_the_second() - timedelta(seconds=30),
        image=photo("#8aa1b1"),
        image_alt="The pumping station by the river",
        image_caption="The western pumping station draws from the river.",
        image_credit="Photo: Newsroom",
    )
    arabic = ArticleFactory(
        language="ar",
        title="عودة المضخات إلى العمل في محطة المياه الغربية بعد ثمانية أشهر",
        lead=(
            "أعاد المهندسون تشغيل المضخات الرئيسية صباح اليوم، ويُتوقع أن تصل المياه "
            "إلى ستة أحياء أربع ساعات يومياً اعتباراً من نهاية الأسبوع."
        ),
        body=ARABIC_BODY,
        section=sections[0],
        keywords=[homs, water],
        is_breaking=True,
        published_at=now_to_the_second() - timedelta(seconds=20),
        reporter_credit="لينا صالح",
        translator_credit="سامر حداد",
        image=photo("#8aa1b1"),
        image_alt="محطة الضخ على ضفة النهر",
        image_caption="تسحب محطة الضخ الغربية المياه من النهر.",
        image_credit="تصوير: غرفة الأخبار",
    )
    english.translation = arabic
    english.save(update_fields=["translation"])
    arabic.translation = english
    arabic.save(update_fields=["translation"])
    return Editions(
        sections=sections,
        keywords=keywords,
        english=english,
        arabic=arabic,
        english_articles=[english, *english_articles],
        arabic_articles=[arabic, *arabic_articles],
    )


def path_of(page: Page) -> str:
    return unquote(urlsplit(page.url).path)


def computed(page: Page, selector: str, name: str) -> str:
    return page.locator(selector).first.evaluate(
        "(el, name) => getComputedStyle(el)[name]", name
    )


def test_reader_crosses_to_the_arabic_translation_and_back(page, editions):
    page.goto(editions.english.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", "en")

    switch = page.locator(".edition-switch").get_by_role("link", name=READ_IN_ARABIC)
    expect(switch).to_have_attribute("lang", "ar")
    switch.click()

    page.wait_for_url(re.compile(r"/ar/articles/"))
    assert path_of(page) == unquote(editions.arabic.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text(editions.arabic.title)

    back = page.locator(".edition-switch").get_by_role("link", name=READ_IN_ENGLISH)
    expect(back).to_have_attribute("lang", "en")
    back.click()

    page.wait_for_url(re.compile(r"/en/articles/"))
    assert path_of(page) == editions.english.get_absolute_url()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(editions.english.title)


def test_arabic_page_is_right_to_left_and_its_ticker_runs_the_other_way(page, editions):
    page.goto("/ar/")

    direction = page.evaluate("getComputedStyle(document.documentElement).direction")
    assert direction == "rtl"
    ticker = page.locator("[data-ticker]")
    expect(ticker).to_have_class(re.compile(r"\bis-animated\b"))
    expect(ticker.locator(".ticker-track")).to_have_css(
        "animation-name", "np-ticker-rtl"
    )
    # Only Arabic headlines, the breaking translation first.
    headlines = ticker.get_by_role("link")
    expect(headlines.first).to_have_text(editions.arabic.title)
    for text in headlines.all_inner_texts():
        assert not re.search(r"[A-Za-z]{3,}", text), text


def test_english_page_is_left_to_right_and_its_ticker_runs_leftwards(page, editions):
    page.goto("/en/")

    direction = page.evaluate("getComputedStyle(document.documentElement).direction")
    assert direction == "ltr"
    expect(page.locator("[data-ticker] .ticker-track")).to_have_css(
        "animation-name", "np-ticker"
    )


def test_arabic_ticker_moves_to_the_right(page, editions):
    page.goto("/ar/")
    first = page.locator("[data-ticker]").get_by_role("link").first
    expect(page.locator("[data-ticker]")).to_have_class(re.compile(r"\bis-animated\b"))

    before = first.bounding_box()
    page.wait_for_timeout(700)
    after = first.bounding_box()

    assert before and after
    assert after["x"] > before["x"], (before, after)


def test_comment_form_on_an_arabic_page_is_right_to_left(page, editions):
    page.goto(editions.arabic.get_absolute_url())
    form = page.locator("form.comment-form")
    expect(form).to_be_visible()

    textarea = form.locator("textarea")
    expect(textarea).to_have_count(1)
    assert textarea.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert textarea.evaluate("el => getComputedStyle(el).textAlign") in {
        "start",
        "right",
    }
    name = form.locator("input[name='name']")
    assert name.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # The label sits at the right, where an Arabic reader starts.
    label = form.locator("label[for]").first
    label_box, form_box = label.bounding_box(), form.bounding_box()
    assert label_box and form_box
    assert (
        abs((label_box["x"] + label_box["width"]) - (form_box["x"] + form_box["width"]))
        < 30
    ), (label_box, form_box)


def test_comment_form_on_an_english_page_is_left_to_right(page, editions):
    page.goto(editions.english.get_absolute_url())

    textarea = page.locator("form.comment-form textarea")
    assert textarea.evaluate("el => getComputedStyle(el).direction") == "ltr"


def edition_pages(editions: Editions) -> list[tuple[str, str]]:
    homs, water = editions.keywords
    section = editions.sections[1]
    return [
        ("en", "/en/"),
        ("en", editions.english.get_absolute_url()),
        ("en", editions.english_articles[3].get_absolute_url()),
        ("en", f"/en/sections/{section.slug}/"),
        ("en", "/en/keywords/homs/"),
        ("ar", "/ar/"),
        ("ar", editions.arabic.get_absolute_url()),
        ("ar", editions.arabic_articles[3].get_absolute_url()),
        ("ar", f"/ar/sections/{section.slug}/"),
        ("ar", "/ar/keywords/حمص/"),
        ("ar", f"/ar/keywords/{water.slug_ar}/"),
    ]


def test_every_page_of_both_editions_stays_on_this_site(page, editions):
    # The page guard fails this test on any request to another host, console error
    # or CSP violation; here every public page of each edition is opened.
    for language, path in edition_pages(editions):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("load")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator(".masthead-name")).to_be_visible()


def test_arabic_keyword_page_reached_from_an_arabic_article(page, editions):
    page.goto(editions.arabic.get_absolute_url())

    page.locator(".article-keywords").get_by_role("link", name="حمص").click()

    page.wait_for_url(re.compile(r"/ar/keywords/"))
    assert path_of(page) == "/ar/keywords/حمص/"
    expect(page.get_by_role("heading", level=1)).to_have_text("حمص")


OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)
        && !el.closest(".ticker-viewport");
    })
    .slice(0, 10)
    .map((el) => el.tagName.toLowerCase() + "." + el.className);
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: str(v["width"]))
@pytest.mark.parametrize("kind", ["front", "article"])
def test_arabic_pages_fit_the_screen_and_are_photographed(
    new_page, editions, viewport, kind
):
    page = new_page(viewport=viewport, locale="ar")
    path = "/ar/" if kind == "front" else editions.arabic.get_absolute_url()
    page.goto(path)
    page.wait_for_load_state("load")
    # Pause the ticker so the picture shows where its line starts.
    page.locator(".ticker-toggle").click()
    page.mouse.move(0, viewport["height"] - 1)

    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, page.evaluate(OVERFLOWING)
    # The masthead name starts at the right in a right-to-left page.
    name = page.locator(".masthead-name").bounding_box()
    assert name and name["x"] + name["width"] > inner_width / 2

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"ar-{kind}-{viewport['width']}.png", full_page=True)


def test_arabic_pagination_reads_right_to_left(page, editions):
    section = editions.sections[2]
    for number in range(45):
        ArticleFactory(
            language="ar",
            title=f"خبر قديم رقم {number}",
            section=section,
            published_at=now_to_the_second() - timedelta(days=number + 1),
        )
    page.goto(f"/ar/sections/{section.slug}/?page=2")

    newer = page.locator(".pagination a[rel='prev']")
    older = page.locator(".pagination a[rel='next']")
    newer_box, older_box = newer.bounding_box(), older.bounding_box()
    assert newer_box and older_box
    # Newer pages are back towards the start of the line: the right.
    assert newer_box["x"] > older_box["x"]
    # Each arrow points the way its link leads.
    assert "\u2192" in newer.evaluate("a => getComputedStyle(a, '::before').content")
    assert "\u2190" in older.evaluate("a => getComputedStyle(a, '::after').content")
