"""The demo's data files: Markdown with front matter and TOML, read with the
standard library, and consistent with one another."""

from datetime import timedelta

import pytest

from articles.demo.data import (
    DemoDataError,
    parse_age,
    parse_article,
    read_articles,
    read_comments,
    read_newsroom,
    split_front_matter,
)

ARTICLE = """---
title: Pumps restart at "the" station -- at last
section: News
reporter: Lina Khoury
keywords: Homs, Water
published: 2 days 6.4 hours ago
breaking: yes
---

The lead, on
two lines.

## A sub-heading

A paragraph with **bold** text.

- one
- two
"""


def test_front_matter_is_read_as_key_value_lines_before_the_text():
    fields, rest = split_front_matter("---\na: 1\nb: x: y\n---\ntext\n")

    assert fields == {"a": "1", "b": "x: y"}
    assert rest == "text\n"


@pytest.mark.parametrize(
    "text",
    ["a: 1\n---\ntext", "---\na: 1\ntext", "---\nnot a field\n---\ntext"],
    ids=["no opening line", "no closing line", "a line without a colon"],
)
def test_malformed_front_matter_is_refused(text):
    with pytest.raises(DemoDataError):
        split_front_matter(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("3.2 hours ago", timedelta(hours=3.2)),
        ("2 days 6.4 hours ago", timedelta(days=2, hours=6.4)),
        ("1 day ago", timedelta(days=1)),
        ("in 2 days 1.3 hours", -timedelta(days=2, hours=1.3)),
    ],
)
def test_publication_times_are_read_relative_to_the_load(text, age):
    assert parse_age(text) == age


@pytest.mark.parametrize("text", ["yesterday", "3 hours", "in 3 hours ago", "ago"])
def test_a_time_that_is_neither_past_nor_future_is_refused(text):
    with pytest.raises(DemoDataError):
        parse_age(text)


def test_an_article_file_gives_its_fields_lead_and_rendered_body():
    article = parse_article("en/01-pumps", ARTICLE)

    assert article.title == "Pumps restart at “the” station – at last"
    assert article.language == "en"
    assert article.keywords == ["Homs", "Water"]
    assert article.is_breaking and not article.is_draft
    assert article.lead == "The lead, on two lines."
    assert article.body == (
        "<h2>A sub-heading</h2>\n"
        "<p>A paragraph with <strong>bold</strong> text.</p>\n"
        "<ul><li>one</li><li>two</li></ul>"
    )


def test_an_unknown_field_is_refused_rather_than_ignored():
    with pytest.raises(DemoDataError, match="unknown.*'breakng'"):
        parse_article("en/x", ARTICLE.replace("breaking:", "breakng:"))


def test_every_demo_file_names_sections_keywords_and_articles_that_exist():
    newsroom = read_newsroom()
    english, arabic = read_articles("en"), read_articles("ar")
    keys = {article.key: article for article in english + arabic}

    for article in english + arabic:
        assert article.section in newsroom["sections"], article.key
        assert set(article.keywords) <= set(newsroom["keywords"]), article.key
        if article.translation_of:
            assert keys[article.translation_of].language == "en", article.key
    for comment in read_comments():
        article = keys[comment.article]
        # A comment arrives after its article was published, before the load.
        assert 0 < comment.hours_after < article.age / timedelta(hours=1)
        assert not article.is_draft
