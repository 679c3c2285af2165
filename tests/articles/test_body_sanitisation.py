"""No script, handler, style or dangerous URL in an article body reaches a reader."""

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import Comment
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from tests.articles.pages import soup_of, text_of
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

# Each hostile snippet sits between two harmless paragraphs, which must survive.
HOSTILE = {
    "script": "<script>alert('x')</script>",
    "script-uppercase": "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "img-onerror": '<img src=x onerror="alert(1)">',
    "onclick": '<p onclick="alert(1)">Click me</p>',
    "javascript-link": '<a href="javascript:alert(1)">Link</a>',
    "mixed-case-javascript": '<a href="JaVaScRiPt:alert(1)">Link</a>',
    "entity-javascript": '<a href="&#106;avascript:alert(1)">Link</a>',
    "tab-in-javascript": '<a href="java&#x09;script:alert(1)">Link</a>',
    "spaced-javascript": '<a href="  javascript:alert(1)">Link</a>',
    "style-attribute": '<p style="position:fixed;top:0">Styled</p>',
    "style-element": "<style>body{display:none}</style>",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "svg-onload": '<svg onload="alert(1)"><circle r="4"></circle></svg>',
    "data-url-link": '<a href="data:text/html;base64,PHNjcmlwdD4=">Link</a>',
    "vbscript-link": '<a href="vbscript:msgbox(1)">Link</a>',
    "comment": "<!-- editors' note: call the source back -->",
    "conditional-comment": "<!--[if IE]><script>alert(1)</script><![endif]-->",
    "object-embed": '<object data="x.swf"></object><embed src="x.swf">',
    "form": '<form action="https://evil.example/"><input name="q"></form>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
}
BEFORE = "<p>Before the snippet.</p>"
AFTER = "<p>After the snippet.</p>"

# What must not be in the stored body, whatever the snippet.
FORBIDDEN_IN_STORED_BODY = re.compile(
    r"<script|<style|<iframe|<svg|<img|<object|<embed|<form|<input|<meta|<!--"
    r"|\son\w+\s*=|\sstyle\s*=|javascript:|vbscript:|data:|alert\(",
    re.IGNORECASE,
)
ALLOWED_TAGS = {"p", "br", "h2", "h3", "blockquote", "ul", "ol", "li", "a"} | {
    "strong",
    "b",
    "em",
    "i",
}
SAFE_SCHEMES = {"http", "https", "mailto"}

ALLOWED_MARKUP = (
    "<h2>Sub-heading</h2>"
    "<p>Plain <strong>strong</strong> and <em>emphasis</em> text.</p>"
    "<h3>Smaller heading</h3>"
    "<blockquote><p>A quote from a named person.</p></blockquote>"
    "<ul><li>First bullet</li><li>Second bullet</li></ul>"
    "<ol><li>Step one</li></ol>"
    '<p><a href="https://example.org/report">the full report</a></p>'
)


def assert_only_safe_markup(body) -> None:
    """``body`` (a parsed element) holds only allowed tags, attributes and URLs."""
    assert not body.find_all(string=lambda text: isinstance(text, Comment))
    for element in body.find_all(True):
        assert element.name in ALLOWED_TAGS, element
        for attribute in element.attrs:
            assert not attribute.lower().startswith("on"), element
            assert attribute.lower() != "style", element
    for link in body.find_all("a", href=True):
        assert urlsplit(link["href"].strip()).scheme in SAFE_SCHEMES, link


def rendered_body(client, article):
    """The article body as rendered, without the lead paragraph the page adds."""
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    body = soup_of(response).select_one(".article-body")
    body.select_one(".article-lead").decompose()
    return body


def assert_allowed_markup_kept(body) -> None:
    assert text_of(body.find("h2")) == "Sub-heading"
    assert text_of(body.find("h3")) == "Smaller heading"
    assert text_of(body.find("strong")) == "strong"
    assert text_of(body.find("em")) == "emphasis"
    assert text_of(body.find("blockquote")) == "A quote from a named person."
    assert [text_of(li) for li in body.select("ul > li")] == [
        "First bullet",
        "Second bullet",
    ]
    assert [text_of(li) for li in body.select("ol > li")] == ["Step one"]
    link = body.find("a", string="the full report")
    assert link["href"] == "https://example.org/report"


@pytest.mark.parametrize("snippet", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markup_is_removed_before_it_is_stored(snippet):
    article = ArticleFactory(body=BEFORE + snippet + AFTER)

    article.refresh_from_db()

    assert not FORBIDDEN_IN_STORED_BODY.search(article.body), article.body
    assert article.body.startswith(BEFORE)
    assert article.body.endswith(AFTER)


@pytest.mark.parametrize("snippet", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markup_never_reaches_the_rendered_page(client, snippet):
    article = ArticleFactory(body=BEFORE + snippet + AFTER)

    body = rendered_body(client, article)

    assert_only_safe_markup(body)
    assert "alert(" not in str(body)
    assert text_of(body).startswith("Before the snippet.")
    assert text_of(body).endswith("After the snippet.")


def test_allowed_markup_survives_storage_and_rendering(client):
    article = ArticleFactory(body=ALLOWED_MARKUP)
    article.refresh_from_db()

    body = rendered_body(client, article)

    assert_allowed_markup_kept(body)
    assert_only_safe_markup(body)


def test_links_get_a_rel_that_withholds_the_referrer_and_rank():
    article = ArticleFactory(body='<p><a href="https://example.org/">x</a></p>')

    article.refresh_from_db()

    assert 'rel="noopener noreferrer nofollow"' in article.body


def test_an_empty_editor_paragraph_is_stored_as_an_empty_body():
    article = ArticleFactory(body="<p></p>")

    article.refresh_from_db()

    assert article.body == ""


def test_editing_an_article_sanitises_the_new_body():
    article = ArticleFactory(body="<p>Clean.</p>")

    article.body = '<p onclick="steal()">Edited.</p><script>steal()</script>'
    article.save()
    article.refresh_from_db()

    assert article.body == "<p>Edited.</p>"


def test_bulk_create_sanitises_every_body():
    section = SectionFactory()
    Article.objects.bulk_create(
        [
            Article(
                title=f"Imported {n}",
                slug=f"imported-{n}",
                lead="Imported lead.",
                body=BEFORE + snippet + AFTER,
                section=section,
            )
            for n, snippet in enumerate(HOSTILE.values())
        ]
    )

    bodies = list(Article.objects.values_list("body", flat=True))

    assert len(bodies) == len(HOSTILE)
    for body in bodies:
        assert not FORBIDDEN_IN_STORED_BODY.search(body), body
        assert body.startswith(BEFORE)


def admin_add_form(section, body: str) -> dict:
    return {
        "language": "en",
        "comments_open": "on",
        "title": "Posted through the admin",
        "slug": "posted-through-the-admin",
        "section": section.pk,
        "lead": "A lead written in the admin.",
        "body": body,
        "source_label": "",
        "reporter_credit": "",
        "translator_credit": "",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "status": Article.Status.PUBLISHED,
        "published_at_0": "2024-03-01",
        "published_at_1": "10:30:00",
        "_save": "Save",
    }


def test_admin_add_form_stores_a_sanitised_body(admin_client, client):
    section = SectionFactory()
    hostile = "".join(HOSTILE.values())

    response = admin_client.post(
        reverse("admin:articles_article_add"),
        admin_add_form(section, ALLOWED_MARKUP + hostile),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="posted-through-the-admin")
    assert not FORBIDDEN_IN_STORED_BODY.search(article.body), article.body
    body = rendered_body(client, article)
    assert_allowed_markup_kept(body)
    assert_only_safe_markup(body)


def test_markup_in_title_and_lead_is_shown_as_text(client):
    title = '<script>alert("title")</script> Headline'
    lead = '<img src=x onerror="alert(1)"> Lead <b>text</b>'
    article = ArticleFactory(title=title, lead=lead, slug="escaped")

    response = client.get(article.get_absolute_url())

    page = soup_of(response)
    assert text_of(page.find("h1")) == title
    assert text_of(page.select_one(".article-lead")).endswith(lead)
    assert page.select_one(".article-lead img, .article-lead b") is None
    assert title in text_of(page.title)
    assert title in [text_of(a) for a in page.select(".ticker a")]
    # The only scripts that run are the site's own files; none carries the
    # article's text. The JSON-LD data block (syndication/) holds the title with
    # every "<" escaped, so it cannot end its element.
    scripts = page.find_all("script")
    data = [s for s in scripts if s.get("type") == "application/ld+json"]
    assert all(script.get("src") for script in scripts if script not in data)
    assert len(data) == 1 and "<" not in data[0].text
    assert "alert(" not in "".join(s.text for s in scripts if s not in data)


# The field's docstring promises that sanitising in pre_save covers "every path that
# writes the field: the admin, scripts, fixtures and bulk_create". These paths skip
# pre_save, and the page renders the stored body with |safe.


def load_fixture(tmp_path, section, body):
    fixture = tmp_path / "articles.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "articles.article",
                    "pk": 4242,
                    "fields": {
                        "title": "From a fixture",
                        "slug": "from-a-fixture",
                        "lead": "Loaded.",
                        "body": body,
                        "section": section.pk,
                        "status": "published",
                        "published_at": "2024-01-01T00:00:00Z",
                        "created_at": "2024-01-01T00:00:00Z",
                        "updated_at": "2024-01-01T00:00:00Z",
                    },
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    return Article.objects.get(pk=4242)


def test_body_loaded_from_a_fixture_is_sanitised(tmp_path, client):
    article = load_fixture(tmp_path, SectionFactory(), BEFORE + HOSTILE["script"])

    assert not FORBIDDEN_IN_STORED_BODY.search(article.body), article.body
    assert_only_safe_markup(rendered_body(client, article))


def test_body_written_by_bulk_update_is_sanitised():
    article = ArticleFactory()

    article.body = BEFORE + HOSTILE["img-onerror"]
    Article.objects.bulk_update([article], ["body"])
    article.refresh_from_db()

    assert not FORBIDDEN_IN_STORED_BODY.search(article.body), article.body
