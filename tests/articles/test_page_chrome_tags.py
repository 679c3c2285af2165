"""The frame of every page comes from tags named for what they show: the ticker,
the section navigation (marking the section being read) and the footer."""

import pytest
from django.template import Context, Template

from tests.articles.pages import soup_of
from tests.factories import ArticleFactory, SectionFactory, set_site_settings

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load site_chrome %}" + source).render(Context(context))


def test_the_ticker_tag_shows_the_newest_headlines():
    ArticleFactory(title="Bridge reopens", is_breaking=True)

    html = render("{% ticker %}")

    assert "Bridge reopens" in html
    assert 'class="ticker' in html


def test_the_section_navigation_marks_the_section_being_read():
    culture, sport = SectionFactory(name="Culture"), SectionFactory(name="Sport")

    html = render(
        "{% section_navigation %}", current_section=sport, current_section_is_page=True
    )

    current = [a.get_text() for a in soup_of_html(html).select("[aria-current]")]
    assert current == ["Sport"]
    assert "Culture" in html
    assert culture.get_absolute_url() in html


def test_the_footer_lists_every_section_and_the_sites_name():
    SectionFactory(name="Economy")
    set_site_settings(name="The Valley Courier", standing_line="Since 2005")

    html = render("{% site_footer %}")

    assert "Economy" in html
    assert "The Valley Courier · Since 2005" in html


def test_every_page_shows_ticker_navigation_and_footer(client):
    article = ArticleFactory(title="Clinics extend hours")

    page = soup_of(client.get(article.get_absolute_url()))

    assert page.select_one(".ticker")
    assert page.select_one(".section-nav [aria-current]").get_text() == (
        article.section.local_name
    )
    assert page.select_one("footer.site-footer")


def soup_of_html(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")
