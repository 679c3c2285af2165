"""A person page runs the same number of queries with 5 articles as with 50."""

import pytest

from tests.factories import ArticleFactory, CreditFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_request_rendered(settings):
    settings.PAGE_CACHE = False


def person_with_articles(count: int):
    person = PersonFactory(slug="counted")
    for n in range(count):
        article = ArticleFactory()
        CreditFactory(article=article, person=person)
        if n % 3 == 0:
            CreditFactory(article=article, role="translator")
    return person


def last_page(count: int) -> str:
    return f"/en/people/counted/?page={(count - 1) // 20 + 1}"


# The person; the page's rows; the listing's count (cached after); and, cold, the
# chrome: site settings, sections, the next scheduled time and the ticker headlines.
COLD_QUERIES = 7


@pytest.mark.parametrize("count", [5, 50])
def test_a_person_page_costs_the_same_however_many_articles(
    client, django_assert_num_queries, count
):
    person_with_articles(count)

    with django_assert_num_queries(COLD_QUERIES):
        assert client.get("/en/people/counted/").status_code == 200
    with django_assert_num_queries(2):
        assert client.get(last_page(count)).status_code == 200


def article_with_reporters(count: int):
    article = ArticleFactory(reporter_credit="")
    for position in range(count):
        CreditFactory(article=article, position=position)
    CreditFactory(article=article, role="translator")
    CreditFactory(article=article, role="photographer")
    return article


# The article (with section and translation), its credits with their people, its
# keywords, the approved-comment count and the chrome (four queries); "Related"
# (keywords and pins; none here) and "Most read" (readership/); for its metadata
# (syndication/), its credits again and the site settings for the logo.
ARTICLE_COLD_QUERIES = 12


@pytest.mark.parametrize("reporters", [1, 6])
def test_the_article_page_costs_the_same_however_many_reporters(
    client, django_assert_num_queries, reporters
):
    article = article_with_reporters(reporters)

    with django_assert_num_queries(ARTICLE_COLD_QUERIES):
        response = client.get(article.get_absolute_url())
    assert response.content.decode().count('class="byline-name"') == reporters + 1
