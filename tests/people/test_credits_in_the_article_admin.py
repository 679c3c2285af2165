"""Editors credit people on the article's own form, in order, picking them from a
searchable list; people have their own admin with search and autocomplete."""

import pytest
from django.urls import reverse

from people.models import Credit
from tests.articles.test_body_sanitisation import admin_add_form
from tests.factories import ArticleFactory, CreditFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


def credits_formset(*rows, initial=0, prefix="byline_credits"):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for field, value in row.items():
            data[f"{prefix}-{index}-{field}"] = value
    return data


def test_the_article_form_adds_several_reporters_in_order(admin_client):
    lina, omar = PersonFactory(name="Lina Saleh"), PersonFactory(name="Omar Khalil")
    form = admin_add_form(SectionFactory(), "<p>Body.</p>")
    form.update(
        credits_formset(
            {"role": "reporter", "person": omar.pk, "position": "2"},
            {"role": "reporter", "person": lina.pk, "position": "1"},
            {"role": "photographer", "is_name_withheld": "on", "position": "1"},
        )
    )

    response = admin_client.post(reverse("admin:articles_article_add"), form)

    assert response.status_code == 302, response.context["inline_admin_formsets"]
    credits = Credit.objects.filter(article__title=form["title"])
    assert [(c.role, c.person and c.person.name) for c in credits] == [
        ("photographer", None),
        ("reporter", "Lina Saleh"),
        ("reporter", "Omar Khalil"),
    ]


def test_a_reporter_credit_without_a_person_is_refused(admin_client):
    form = admin_add_form(SectionFactory(), "<p>Body.</p>")
    form.update(credits_formset({"role": "reporter", "position": "1"}))

    response = admin_client.post(reverse("admin:articles_article_add"), form)

    assert response.status_code == 200
    assert not Credit.objects.exists()
    assert "Choose who is credited." in response.content.decode()


def test_an_article_form_posted_without_the_credits_part_keeps_its_credits(
    admin_client,
):
    credit = CreditFactory()
    article = credit.article
    form = admin_add_form(article.section, "<p>Edited.</p>")
    form["slug"] = article.slug

    response = admin_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), form
    )

    assert response.status_code == 302
    assert list(Credit.objects.filter(article=article)) == [credit]


def test_the_article_form_shows_the_credits_inline_with_person_autocomplete(
    admin_client,
):
    article = ArticleFactory()

    html = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()

    assert 'name="byline_credits-TOTAL_FORMS"' in html
    assert "admin-autocomplete" in html


def test_people_are_searched_by_either_name_in_the_admin(admin_client):
    PersonFactory(name="Lina Saleh", name_ar="لينا صالح")
    PersonFactory(name="Omar Khalil", name_ar="عمر خليل")

    listing = admin_client.get(reverse("admin:people_person_changelist"), {"q": "لينا"})
    found = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "omar",
            "app_label": "people",
            "model_name": "credit",
            "field_name": "person",
        },
    )

    assert listing.status_code == 200
    assert [str(p.name) for p in listing.context["cl"].result_list] == ["Lina Saleh"]
    assert found.status_code == 200
    assert [r["text"] for r in found.json()["results"]] == ["Omar Khalil"]
