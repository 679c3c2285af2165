"""``manage.py load_demo``: an invented newsroom for a fresh site, loaded once."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

from articles.models import Article, Keyword, Section, SiteSettings
from comments.models import Comment
from tests.articles.pages import soup_of, text_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def test_load_demo_fills_an_empty_database_with_both_editions():
    output = load_demo()

    english = Article.objects.in_edition("en")
    arabic = Article.objects.in_edition("ar")
    assert 35 <= english.count() <= 45
    assert english.published().count() >= 30
    assert 12 <= arabic.count() <= 16
    assert arabic.published().count() >= 12
    assert english.count() + arabic.count() == Article.objects.count()
    assert Section.objects.count() >= 3
    assert Keyword.objects.count() >= 10
    assert SiteSettings.load().name == "The Orontes Dispatch"
    assert (
        f"Loaded {english.count()} English and {arabic.count()} Arabic articles"
        in output
    )


def test_arabic_articles_are_written_in_arabic_and_english_ones_are_not():
    load_demo()

    for article in Article.objects.all():
        in_arabic = bool(ARABIC_LETTER.search(article.title))
        assert in_arabic == (article.language == "ar"), article.title
        if in_arabic:
            assert ARABIC_LETTER.search(article.lead)
            assert ARABIC_LETTER.search(article.body)
            assert ARABIC_LETTER.search(article.reporter_credit)
    arabic = Article.objects.in_edition("ar")
    assert arabic.breaking().exists()
    # Spread over the sections, not all in one.
    assert arabic.values("section").distinct().count() == Section.objects.count()


def test_arabic_images_are_described_and_credited_in_arabic():
    load_demo()

    illustrated = Article.objects.in_edition("ar").exclude(image="")
    assert illustrated.count() >= 8
    for article in illustrated:
        assert article.image_alt.startswith("رسم توضيحي: ")
        assert ARABIC_LETTER.search(article.image_caption)
        assert article.image_credit == "رسم: رسالة العاصي"


def test_translations_are_linked_both_ways_across_editions():
    load_demo()

    linked = list(
        Article.objects.filter(translation__isnull=False).select_related("translation")
    )
    assert len(linked) >= 12  # six pairs or more, each counted from both sides
    for article in linked:
        other = article.translation
        assert other.translation_id == article.pk
        assert {article.language, other.language} == {"en", "ar"}
        assert other.section_id == article.section_id
        # Only the translated piece credits a translator.
        assert bool(article.translator_credit) != bool(other.translator_credit)
    arabic_linked = [article for article in linked if article.language == "ar"]
    # Some Arabic pieces are originals, some translations from English.
    assert any(article.translator_credit for article in arabic_linked)
    assert any(not article.translator_credit for article in arabic_linked)
    assert Article.objects.in_edition("ar").filter(translation=None).count() >= 4


def test_sections_keywords_and_masthead_have_arabic_names():
    load_demo()

    assert all(
        ARABIC_LETTER.search(name)
        for name in Section.objects.values_list("name_ar", flat=True)
    )
    for keyword in Keyword.objects.all():
        assert ARABIC_LETTER.search(keyword.name_ar), keyword.name
        assert keyword.slug_ar == slugify(keyword.name_ar, allow_unicode=True)
        assert list(Keyword.objects.with_slug(keyword.slug_ar)) == [keyword]
    site = SiteSettings.load()
    assert site.name_ar == "رسالة العاصي"
    assert ARABIC_LETTER.search(site.standing_line_ar)
    assert ARABIC_LETTER.search(site.description_ar)


def test_load_demo_creates_an_editor_and_a_moderator_in_their_groups():
    output = load_demo()

    users = {user.username: user for user in get_user_model().objects.all()}
    assert set(users) == {"editor", "moderator"}
    assert list(users["editor"].groups.values_list("name", flat=True)) == ["Editors"]
    assert list(users["moderator"].groups.values_list("name", flat=True)) == [
        "Moderators"
    ]
    assert users["editor"].is_staff and users["moderator"].is_staff
    assert not users["editor"].is_superuser
    assert users["editor"].has_perm("articles.change_article")
    assert not users["moderator"].has_perm("articles.change_article")
    # The generated passwords are shown once, in the command's output.
    assert "username editor, password " in output


def test_second_load_adds_nothing_and_does_not_fail():
    load_demo()
    counts = (
        Article.objects.count(),
        Section.objects.count(),
        Keyword.objects.count(),
        get_user_model().objects.count(),
    )

    output = load_demo()

    assert (
        Article.objects.count(),
        Section.objects.count(),
        Keyword.objects.count(),
        get_user_model().objects.count(),
    ) == counts
    assert "nothing loaded" in output


def test_load_demo_leaves_a_database_with_articles_alone():
    ArticleFactory(title="A real newsroom's story")

    load_demo()

    assert list(Article.objects.values_list("title", flat=True)) == [
        "A real newsroom's story"
    ]
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("edition", ["en", "ar"])
def test_demo_front_page_and_articles_render(client, edition):
    load_demo()
    newest = Article.objects.published().in_edition(edition).newest_first().first()

    with translation.override(edition):
        home = client.get(reverse("articles:home"))
    article = client.get(newest.get_absolute_url())

    assert home.status_code == article.status_code == 200
    assert text_of(soup_of(home).select_one(".lead-title")) == newest.title
    assert text_of(soup_of(article).find("h1")) == newest.title


def test_demo_comments_are_approved_on_several_articles_of_both_editions(client):
    load_demo()

    approved = Comment.objects.approved().select_related("article")
    for edition in ("en", "ar"):
        articles = {c.article for c in approved if c.article.language == edition}
        assert len(articles) >= 3, edition
    moderator = get_user_model().objects.get(username="moderator")
    for comment in approved:
        assert comment.decided_by == moderator
        assert comment.article.published_at < comment.created_at < comment.decided_at
    # Shown on the page, as a reader sees them.
    article = max(
        {comment.article for comment in approved},
        key=lambda a: approved.filter(article=a).count(),
    )
    page = soup_of(client.get(article.get_absolute_url()))
    shown = [text_of(body) for body in page.select(".comment .comment-body")]
    assert shown == [
        " ".join(c.body.split())
        for c in approved.filter(article=article).order_by("created_at")
    ]


def test_demo_leaves_a_few_comments_in_both_editions_for_the_moderator():
    load_demo()

    pending = Comment.objects.awaiting_moderation().select_related("article")
    assert 2 <= pending.count() <= 8
    assert {comment.article.language for comment in pending} == {"en", "ar"}
    assert all(comment.decided_at is None for comment in pending)
    assert (
        Comment.objects.count() == pending.count() + Comment.objects.approved().count()
    )


def test_a_demo_keyword_has_more_than_one_page_of_articles(client):
    load_demo()
    crowded = [
        keyword
        for keyword in Keyword.objects.all()
        if Article.objects.published().in_edition("en").filter(keywords=keyword).count()
        > 20
    ]
    assert crowded
    with translation.override("en"):
        address = reverse("articles:keyword", kwargs={"slug": crowded[0].slug})

    first, second = client.get(address), client.get(address + "?page=2")

    assert first.status_code == second.status_code == 200
    assert soup_of(first).select_one(".pagination a[rel=next]")
    assert soup_of(second).select_one(".pagination a[rel=prev]")


def test_demo_accounts_are_printed_last_in_a_frame():
    output = load_demo()

    lines = output.rstrip("\n").split("\n")
    # The frame is the last thing printed: a rule, the lines, a rule.
    assert lines[-1].startswith("+-") and lines[-1].endswith("-+")
    top = len(lines) - 1 - lines[::-1].index(lines[-1], 1)
    framed = lines[top + 1 : -1]
    assert framed and all(
        line.startswith("| ") and line.endswith(" |") for line in framed
    )
    assert len({len(line) for line in lines[top:]}) == 1
    inside = " ".join(line[2:-2].strip() for line in framed)
    assert "username editor, password " in inside
    assert "username moderator, password " in inside
    assert "/admin/" in inside
    # Set apart from what comes before it.
    assert lines[top - 1] == ""
    assert all("password" not in line for line in lines[:top])
