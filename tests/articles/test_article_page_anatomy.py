"""The article page, part by part, as ../shared/reference/page-anatomy.md lists it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from articles.models import now_to_the_second
from tests.articles.pages import soup_of, text_of, ticker_links
from tests.factories import ArticleFactory, KeywordFactory, set_site_settings

pytestmark = pytest.mark.django_db


def article_page(client, article, language="en"):
    response = client.get(
        article.get_absolute_url(), headers={"Accept-Language": language}
    )
    assert response.status_code == 200
    return soup_of(response)


def test_ticker_runs_across_the_article_page_with_links(client):
    other = ArticleFactory(title="Power cuts shorten in the suburbs")
    article = ArticleFactory(title="Schools open a second shift")

    links = ticker_links(client.get(article.get_absolute_url()))

    assert (other.title, other.get_absolute_url()) in links
    assert (article.title, article.get_absolute_url()) in links


def test_masthead_shows_site_name_and_standing_line(client):
    set_site_settings(
        name="The Valley Courier", standing_line="Established by Maha Idris 2007 - Hama"
    )

    page = article_page(client, ArticleFactory())

    masthead = page.select_one("header.masthead")
    assert text_of(masthead.select_one(".masthead-name")) == "The Valley Courier"
    assert text_of(masthead.select_one(".masthead-line")) == (
        "Established by Maha Idris 2007 - Hama"
    )


def test_headline_is_the_page_heading(client):
    page = article_page(client, ArticleFactory(title="Wheat prices fall at harvest"))

    headings = page.find_all("h1")
    assert [text_of(h1) for h1 in headings] == ["Wheat prices fall at harvest"]


def test_publication_time_is_shown_to_the_second_in_the_site_time_zone(
    client, settings
):
    settings.TIME_ZONE = "Asia/Damascus"
    published_at = now_to_the_second() - timedelta(hours=5, minutes=7, seconds=3)
    article = ArticleFactory(published_at=published_at)

    time = article_page(client, article).select_one(".article-header time")

    local = published_at.astimezone(ZoneInfo("Asia/Damascus"))
    assert text_of(time) == local.strftime("%Y-%m-%d %H:%M:%S")
    # Damascus is ahead of UTC: the shown time is not the stored UTC time.
    assert text_of(time) != published_at.astimezone(ZoneInfo("UTC")).strftime(
        "%Y-%m-%d %H:%M:%S"
    )


def test_time_element_datetime_is_the_publication_moment_with_its_offset(
    client, settings
):
    settings.TIME_ZONE = "Asia/Damascus"
    published_at = now_to_the_second() - timedelta(days=2)
    article = ArticleFactory(published_at=published_at)

    time = article_page(client, article).select_one(".article-header time")

    machine = datetime.fromisoformat(time["datetime"])
    assert machine.utcoffset() == ZoneInfo("Asia/Damascus").utcoffset(published_at)
    assert machine == published_at


def test_lead_opens_with_the_articles_source_label(client):
    article = ArticleFactory(source_label="Homs Bureau", lead="The river rose.")

    lead = article_page(client, article).select_one(".article-body > p")

    assert text_of(lead) == "(Homs Bureau)- The river rose."
    assert lead.get_text().startswith("(Homs Bureau)- ")


def test_lead_opens_with_the_site_name_when_no_source_label(client):
    set_site_settings(name="The Valley Courier")
    article = ArticleFactory(source_label="", lead="Markets were quiet.")

    lead = article_page(client, article).select_one(".article-body > p")

    assert lead.get_text().startswith("(The Valley Courier)- ")
    assert text_of(lead) == "(The Valley Courier)- Markets were quiet."


def test_body_sub_headings_are_real_heading_elements(client):
    article = ArticleFactory(
        body="<p>Opening.</p><h2>Back to school</h2><p>Text.</p><h3>Teachers</h3>"
    )

    body = article_page(client, article).select_one(".article-body")

    assert [text_of(h) for h in body.find_all("h2")] == ["Back to school"]
    assert [text_of(h) for h in body.find_all("h3")] == ["Teachers"]


def test_credits_line_names_reporter_and_translator(client):
    article = ArticleFactory(reporter_credit="Omar Tlass", translator_credit="Dana Ali")

    credits = article_page(client, article).select_one(".article-credits")

    assert text_of(credits) == "(Reporting by Omar Tlass; Translation by Dana Ali)"


def test_credits_line_names_only_the_reporter_without_a_translator(client):
    article = ArticleFactory(reporter_credit="Omar Tlass", translator_credit="")

    credits = article_page(client, article).select_one(".article-credits")

    assert text_of(credits) == "(Reporting by Omar Tlass)"


def test_no_credits_line_without_credits(client):
    article = ArticleFactory(reporter_credit="", translator_credit="")

    assert article_page(client, article).select_one(".article-credits") is None


def test_credit_names_are_escaped(client):
    article = ArticleFactory(reporter_credit="<b>Omar</b> & Co")

    credits = article_page(client, article).select_one(".article-credits")

    assert text_of(credits) == "(Reporting by <b>Omar</b> & Co)"
    assert credits.find("b") is None


def test_keywords_line_links_each_keyword_to_its_page(client):
    syria = KeywordFactory(name="Syria")
    water = KeywordFactory(name="Water")
    arabic = KeywordFactory(name="حمص")
    article = ArticleFactory(keywords=[syria, water, arabic])

    line = article_page(client, article).select_one(".article-keywords")

    assert text_of(line).startswith("Keywords:")
    links = {text_of(a): a["href"] for a in line.find_all("a")}
    assert links == {
        keyword.name: keyword.get_absolute_url() for keyword in [syria, water, arabic]
    }


def test_keyword_links_lead_to_pages_listing_the_article(client):
    keyword = KeywordFactory(name="Rents")
    article = ArticleFactory(keywords=[keyword])

    href = article_page(client, article).select_one(".article-keywords a")["href"]
    listing = client.get(href)

    assert listing.status_code == 200
    assert article.get_absolute_url() in {
        a["href"] for a in soup_of(listing).select(".teaser-title a")
    }


def test_no_keywords_line_without_keywords(client):
    assert article_page(client, ArticleFactory()).select_one(".article-keywords") is (
        None
    )


@pytest.mark.parametrize(
    ("edition", "lang", "direction"), [("en", "en", "ltr"), ("ar", "ar", "rtl")]
)
def test_html_element_declares_language_and_direction(client, edition, lang, direction):
    # The edition comes from the article (its address), whatever the browser asks.
    page = article_page(client, ArticleFactory(language=edition), language="en")

    assert page.html["lang"] == lang
    assert page.html["dir"] == direction


def test_title_and_meta_description_come_from_the_article(client):
    set_site_settings(name="The Valley Courier")
    article = ArticleFactory(title="Clinics extend their hours", lead="Longer " * 40)

    page = article_page(client, article)

    assert text_of(page.title) == "Clinics extend their hours · The Valley Courier"
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Longer Longer")
    assert len(description) <= 160


def test_page_has_semantic_landmarks(client):
    page = article_page(client, ArticleFactory(title="Landmarks"))

    assert page.find("header", class_="masthead") is not None
    assert page.find("nav") is not None
    main = page.find("main")
    assert main is not None
    article = main.find("article")
    assert article is not None
    assert text_of(article.find("h1")) == "Landmarks"
    assert page.find("footer") is not None
