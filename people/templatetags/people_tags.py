"""The article page's credits: the names in its credits line and on its image, each
a link to the person's page in the edition being read."""

from collections.abc import Iterable
from dataclasses import dataclass

from django import template
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from articles.models import Article
from people.models import Credit
from people.selectors import credits_of
from readercache.fragments import cached_for_readers

register = template.Library()


@dataclass(frozen=True)
class ArticleCredits:
    # "Reporting by X and Y; Translation by Z", without the brackets.
    line: SafeString
    # "Photo: X", "Photographer withheld", or the image's free-text credit.
    image: SafeString


def joined_names(names: list[SafeString]) -> SafeString:
    """Names as the edition lists them: "X", "X and Y", "X, Y and Z"."""
    if len(names) < 2:
        return mark_safe("".join(names))
    separator = escape(pgettext("separator between names", ", "))
    return mark_safe(
        escape(gettext("%(names)s and %(last)s"))
        % {"names": separator.join(names[:-1]), "last": names[-1]}
    )


def _phrase(text: str, names: SafeString) -> SafeString:
    # The translation is ours, escaped anyway; the names are HTML already.
    return mark_safe(escape(text) % {"name": names})


def _linked_names(credits: Iterable[Credit]) -> list[SafeString]:
    return [
        format_html(
            '<a class="byline-name" href="{}">{}</a>',
            credit.person.get_absolute_url(),
            credit.person.local_name,
        )
        for credit in credits
        if credit.person_id
    ]


def _credits_line(article: Article, credits: list[Credit]) -> SafeString:
    by_role = {
        role: [credit for credit in credits if credit.role == role]
        for role in Credit.Role
    }
    reporters = _linked_names(by_role[Credit.Role.REPORTER])
    translators = _linked_names(by_role[Credit.Role.TRANSLATOR])
    # Articles without credit records keep their free-text credits.
    if not reporters and article.reporter_credit:
        reporters = [escape(article.reporter_credit)]
    if not translators and article.translator_credit:
        translators = [escape(article.translator_credit)]
    parts = []
    if reporters:
        parts.append(_phrase(gettext("Reporting by %(name)s"), joined_names(reporters)))
    if translators:
        parts.append(
            _phrase(gettext("Translation by %(name)s"), joined_names(translators))
        )
    separator = escape(pgettext("separator between credits", "; "))
    return mark_safe(separator.join(parts))


def _image_credit(article: Article, credits: list[Credit]) -> SafeString:
    photographers = [c for c in credits if c.role == Credit.Role.PHOTOGRAPHER]
    if not photographers:
        return escape(article.image_credit)
    parts = []
    names = _linked_names(photographers)
    if names:
        parts.append(_phrase(gettext("Photo: %(name)s"), joined_names(names)))
    if any(credit.is_name_withheld for credit in photographers):
        parts.append(escape(gettext("Photographer withheld")))
    separator = escape(pgettext("separator between credits", "; "))
    return mark_safe(separator.join(parts))


def build_article_credits(article: Article) -> ArticleCredits:
    credits = credits_of(article=article)
    return ArticleCredits(
        line=_credits_line(article, credits), image=_image_credit(article, credits)
    )


@register.simple_tag
def article_credits(article: Article) -> ArticleCredits:
    """The article's credits, built once per article, edition and content version:
    the same for every reader."""
    return cached_for_readers(
        f"credits:{translation.get_language()}:{article.pk}",
        lambda: build_article_credits(article),
        scheduled=False,
    )
