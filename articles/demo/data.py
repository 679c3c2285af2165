"""The demo newsroom's data files, read with the standard library.

- ``newsroom.toml``: the masthead, the sections in their order and the keywords,
  each with its Arabic name;
- ``articles/en/*.md`` and ``articles/ar/*.md``: one article a file, loaded in the
  order of their names. A front matter of ``key: value`` lines between two ``---``
  lines, then the lead (the first paragraph) and the body (the rest, in the markup
  of ``articles.demo.markup``);
- ``comments.toml``: readers' comments on some of the articles.

Everything in them is original fiction written for the demo; the people named and
quoted do not exist.
"""

import re
import tomllib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from articles.demo.markup import render_body, smarten

DATA_DIR = Path(__file__).resolve().parent
ARTICLES_DIR = DATA_DIR / "articles"
LANGUAGES = ("en", "ar")

REQUIRED_FIELDS = {"title", "section", "reporter", "keywords", "published"}
OPTIONAL_FIELDS = {
    "translator",
    "source",
    "status",
    "breaking",
    "image",
    "caption",
    "translation_of",
}
YES, NO = "yes", "no"
_AGE = re.compile(
    r"(?P<future>in )?(?:(?P<days>\d+) days? ?)?(?:(?P<hours>[\d.]+) hours?)?"
    r"(?P<past> ago)?"
)


class DemoDataError(ValueError):
    """A data file that does not say what the loader needs, and where."""


@dataclass(frozen=True)
class DemoArticle:
    key: str  # "en/01-pumps-restart-…": the file's path under articles/, no suffix
    language: str
    title: str
    section: str
    reporter: str
    translator: str
    source: str
    keywords: list[str]
    age: timedelta  # before the load; negative for a scheduled article
    is_draft: bool
    is_breaking: bool
    image_motif: str
    image_caption: str
    lead: str
    body: str
    translation_of: str  # the key of the article this one tells the same story as

    @property
    def file_stem(self) -> str:
        return self.key.split("/", 1)[1]


@dataclass(frozen=True)
class DemoComment:
    article: str  # an article's key
    name: str
    body: str
    hours_after: float
    is_approved: bool


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between ``---`` lines, and the text after them."""
    lines = text.split("\n")
    if lines[0].strip() != "---" or "---" not in lines[1:]:
        raise DemoDataError("no front matter between two --- lines")
    end = lines.index("---", 1)
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, colon, value = line.partition(":")
        if not colon or not key.strip():
            raise DemoDataError(f"not a 'key: value' line: {line!r}")
        fields[key.strip()] = value.strip()
    return fields, "\n".join(lines[end + 1 :])


def parse_age(text: str) -> timedelta:
    """``3.2 hours ago``, ``2 days 6.4 hours ago``, ``in 2 days 1.3 hours``."""
    match = _AGE.fullmatch(text.strip())
    if (
        not match
        or not (match["days"] or match["hours"])
        or bool(match["future"]) == bool(match["past"])
    ):
        raise DemoDataError(f"not a time like '3 hours ago' or 'in 2 days': {text!r}")
    age = timedelta(days=int(match["days"] or 0), hours=float(match["hours"] or 0))
    return -age if match["future"] else age


def parse_yes_no(text: str) -> bool:
    if text not in (YES, NO):
        raise DemoDataError(f"expected yes or no: {text!r}")
    return text == YES


def parse_article(key: str, text: str) -> DemoArticle:
    fields, rest = split_front_matter(text)
    missing = REQUIRED_FIELDS - fields.keys()
    unknown = fields.keys() - REQUIRED_FIELDS - OPTIONAL_FIELDS
    if missing or unknown:
        raise DemoDataError(f"missing {sorted(missing)}, unknown {sorted(unknown)}")
    lead, _blank, body = rest.strip().partition("\n\n")
    if not body.strip():
        raise DemoDataError("needs a lead paragraph and a body after it")
    status = fields.get("status", "published")
    if status not in ("published", "draft"):
        raise DemoDataError(f"status is published or draft: {status!r}")
    return DemoArticle(
        key=key,
        language=key.split("/", 1)[0],
        title=smarten(fields["title"]),
        section=fields["section"],
        reporter=fields["reporter"],
        translator=fields.get("translator", ""),
        source=fields.get("source", ""),
        keywords=[name.strip() for name in fields["keywords"].split(",")],
        age=parse_age(fields["published"]),
        is_draft=status == "draft",
        is_breaking=parse_yes_no(fields.get("breaking", NO)),
        image_motif=fields.get("image", ""),
        image_caption=smarten(fields.get("caption", "")),
        lead=smarten(lead),
        body=render_body(body),
        translation_of=fields.get("translation_of", ""),
    )


def read_articles(language: str) -> list[DemoArticle]:
    articles = []
    for path in sorted((ARTICLES_DIR / language).glob("*.md")):
        key = f"{language}/{path.stem}"
        try:
            articles.append(parse_article(key, path.read_text(encoding="utf-8")))
        except DemoDataError as error:
            raise DemoDataError(f"{path}: {error}") from None
    return articles


def read_newsroom() -> dict[str, Any]:
    """``{"site": {...}, "sections": {English: Arabic}, "keywords": {...}}``."""
    with (DATA_DIR / "newsroom.toml").open("rb") as file:
        return tomllib.load(file)


def read_comments() -> list[DemoComment]:
    with (DATA_DIR / "comments.toml").open("rb") as file:
        entries = tomllib.load(file)["comment"]
    comments = []
    for entry in entries:
        if entry["status"] not in ("approved", "pending"):
            raise DemoDataError(f"comments.toml: status of {entry['name']!r}")
        comments.append(
            DemoComment(
                article=entry["article"],
                name=entry["name"],
                body=" ".join(entry["body"].split()),
                hours_after=float(entry["hours_after"]),
                is_approved=entry["status"] == "approved",
            )
        )
    return comments
