"""Editions in the newsroom admin: an edition filter on the article list; linking a
translation from either side links both; a same-edition link is refused; relinking
unlinks the old pair; and the admin itself can be read in Arabic, outside the
readers' /en/ and /ar/ prefixes."""

import pytest
from django.urls import reverse

from tests.editions.conftest import link_both_ways
from tests.editions.pages import soup_of, text_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def change_form_data(client, article) -> dict:
    """What the browser would send back from the article's change form, unchanged."""
    form = soup_of(client.get(change_url(article))).select_one("form#article_form")
    assert form is not None
    data: dict = {}
    for element in form.select("input[name]"):
        kind = element.get("type", "text")
        if kind in {"submit", "button", "image", "file"}:
            continue
        if kind in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                data[element["name"]] = element.get("value", "on")
            continue
        data[element["name"]] = element.get("value", "")
    for element in form.select("textarea[name]"):
        data[element["name"]] = element.get_text().removeprefix("\n")
    for element in form.select("select[name]"):
        chosen = [o.get("value", "") for o in element.select("option[selected]")]
        if element.has_attr("multiple"):
            data[element["name"]] = chosen
        elif chosen:
            data[element["name"]] = chosen[0]
    data["_save"] = "Save"
    return data


def save_with_translation(client, article, translation):
    data = change_form_data(client, article)
    data["translation"] = translation.pk if translation else ""
    return client.post(change_url(article), data)


def refreshed(*articles):
    for article in articles:
        article.refresh_from_db()


def listed_titles(response) -> set[str]:
    return {text_of(a) for a in soup_of(response).select("#result_list tbody th a")}


def test_changelist_filters_by_edition(admin_client):
    english = ArticleFactory(title="An English story")
    arabic = ArticleFactory(language="ar", title="خبر عربي")

    everything = admin_client.get(CHANGELIST)
    only_arabic = admin_client.get(CHANGELIST, {"language__exact": "ar"})
    only_english = admin_client.get(CHANGELIST, {"language__exact": "en"})

    assert listed_titles(everything) == {english.title, arabic.title}
    assert listed_titles(only_arabic) == {arabic.title}
    assert listed_titles(only_english) == {english.title}
    filters = soup_of(everything).select_one("#changelist-filter")
    links = {a["href"] for a in filters.select("a[href]")}
    assert "?language__exact=ar" in links
    assert "?language__exact=en" in links


def test_changelist_shows_each_article_edition(admin_client):
    ArticleFactory(language="ar", title="خبر عربي")

    row = soup_of(admin_client.get(CHANGELIST)).select_one("#result_list tbody tr")

    assert "Arabic" in text_of(row.select_one(".field-language"))


def test_linking_a_translation_in_the_admin_links_both_ways(admin_client):
    english = ArticleFactory(title="An English story")
    arabic = ArticleFactory(language="ar", title="خبر عربي")

    response = save_with_translation(admin_client, english, arabic)

    assert response.status_code == 302, soup_of(response).select(".errorlist")
    refreshed(english, arabic)
    assert english.translation == arabic
    assert arabic.translation == english


def test_linking_from_the_arabic_side_links_both_ways(admin_client):
    english = ArticleFactory(title="An English story")
    arabic = ArticleFactory(language="ar", title="خبر عربي")

    response = save_with_translation(admin_client, arabic, english)

    assert response.status_code == 302, soup_of(response).select(".errorlist")
    refreshed(english, arabic)
    assert arabic.translation == english
    assert english.translation == arabic


def test_linked_translation_shows_on_the_site_after_saving(admin_client, client):
    english = ArticleFactory(title="An English story")
    arabic = ArticleFactory(language="ar", title="خبر عربي")

    save_with_translation(admin_client, english, arabic)

    page = soup_of(client.get(arabic.get_absolute_url()))
    switch = page.select_one(".edition-switch a")
    assert switch["href"] == english.get_absolute_url()


def test_linking_an_article_of_the_same_edition_is_refused(admin_client):
    first = ArticleFactory(title="First English story")
    second = ArticleFactory(title="Second English story")

    response = save_with_translation(admin_client, first, second)

    assert response.status_code == 200
    errors = soup_of(response).select(".field-translation .errorlist li")
    assert [text_of(e) for e in errors] == [
        "A translation must be in the other edition."
    ]
    refreshed(first, second)
    assert first.translation is None
    assert second.translation is None


def test_a_refused_link_leaves_an_existing_pair_alone(admin_client, story):
    other_english = ArticleFactory(title="Another English story")

    response = save_with_translation(admin_client, story.english, other_english)

    assert response.status_code == 200
    refreshed(story.english, story.arabic, other_english)
    assert story.english.translation == story.arabic
    assert story.arabic.translation == story.english
    assert other_english.translation is None


def test_relinking_to_another_partner_unlinks_the_old_pair(admin_client, story):
    new_arabic = ArticleFactory(language="ar", title="ترجمة جديدة")

    response = save_with_translation(admin_client, story.english, new_arabic)

    assert response.status_code == 302, soup_of(response).select(".errorlist")
    refreshed(story.english, story.arabic, new_arabic)
    assert story.english.translation == new_arabic
    assert new_arabic.translation == story.english
    assert story.arabic.translation is None


def test_taking_a_partner_from_another_pair_unlinks_that_pair(admin_client, story):
    # The Arabic article of one pair is linked from a third article: its old
    # English partner is left without translation.
    third = ArticleFactory(title="A rewritten English story")

    response = save_with_translation(admin_client, third, story.arabic)

    assert response.status_code == 302, soup_of(response).select(".errorlist")
    refreshed(story.english, story.arabic, third)
    assert third.translation == story.arabic
    assert story.arabic.translation == third
    assert story.english.translation is None


def test_relinking_two_pairs_crosswise(admin_client):
    english_a = ArticleFactory(title="English A")
    english_b = ArticleFactory(title="English B")
    arabic_a = ArticleFactory(language="ar", title="عربي أ")
    arabic_b = ArticleFactory(language="ar", title="عربي ب")
    link_both_ways(english_a, arabic_a)
    link_both_ways(english_b, arabic_b)

    response = save_with_translation(admin_client, english_a, arabic_b)

    assert response.status_code == 302, soup_of(response).select(".errorlist")
    refreshed(english_a, english_b, arabic_a, arabic_b)
    assert (english_a.translation, arabic_b.translation) == (arabic_b, english_a)
    assert arabic_a.translation is None
    assert english_b.translation is None


def test_clearing_the_translation_unlinks_both(admin_client, story):
    response = save_with_translation(admin_client, story.arabic, None)

    assert response.status_code == 302, soup_of(response).select(".errorlist")
    refreshed(story.english, story.arabic)
    assert story.arabic.translation is None
    assert story.english.translation is None


def test_saving_other_changes_keeps_the_pair(admin_client, story):
    data = change_form_data(admin_client, story.english)
    data["title"] = "Bakeries in Homs raise the price of bread again"

    response = admin_client.post(change_url(story.english), data)

    assert response.status_code == 302, soup_of(response).select(".errorlist")
    refreshed(story.english, story.arabic)
    assert story.english.title.endswith("again")
    assert story.english.translation == story.arabic
    assert story.arabic.translation == story.english


def test_translation_autocomplete_finds_the_other_edition_article(admin_client):
    english = ArticleFactory(title="Bakeries in Homs")
    arabic = ArticleFactory(language="ar", title="أفران حمص")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "translation",
            "term": "حمص",
        },
    )

    assert response.status_code == 200
    ids = {int(result["id"]) for result in response.json()["results"]}
    assert arabic.pk in ids
    assert english.pk not in ids


@pytest.mark.parametrize(
    "how",
    [{"cookie": "ar"}, {"accept_language": "ar"}],
    ids=["language-cookie", "accept-language"],
)
def test_admin_can_be_read_in_arabic(admin_client, how):
    if "cookie" in how:
        admin_client.cookies["django_language"] = how["cookie"]
    headers = {"Accept-Language": how.get("accept_language", "en")}

    response = admin_client.get("/admin/", headers=headers)

    assert response.status_code == 200
    page = soup_of(response)
    html = page.find("html")
    assert (html["lang"], html["dir"]) == ("ar", "rtl")
    assert "تسجيل الخروج" in text_of(page)  # Django's "Log out"
    assert "إدارة" in text_of(page.find("title"))  # "Newsroom admin"


def test_admin_login_page_can_be_read_in_arabic(client):
    response = client.get(
        "/admin/login/", headers={"Accept-Language": "ar"}, follow=True
    )

    assert response.status_code == 200
    assert "كلمة المرور" in text_of(soup_of(response))  # "Password"


def test_admin_article_form_can_be_read_in_arabic(admin_client, story):
    admin_client.cookies["django_language"] = "ar"

    response = admin_client.get(change_url(story.arabic))

    assert response.status_code == 200
    page = soup_of(response)
    assert page.find("html")["dir"] == "rtl"
    assert page.select_one('input[name="_save"]')["value"] == "احفظ"  # Django's "Save"


def test_admin_is_outside_the_edition_prefixes(admin_client):
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get("/en/admin/").status_code == 404
    assert admin_client.get("/ar/admin/").status_code == 404
    english = admin_client.get("/admin/", headers={"Accept-Language": "en"})
    assert soup_of(english).find("html")["lang"] == "en"
