"""An article's versions (kept by django-reversion on every save) and what changed
between two of them, as a word diff for editors."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from articles.models import Article

COMPARED_FIELDS = [("title", _("title")), ("lead", _("lead")), ("body", _("body"))]
# Words and the spaces between them are tokens of their own, so a diff of words
# reads back exactly as the text was.
TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class FieldDiff:
    label: str
    html: SafeString
    changed: bool


def versions_of(article: Article):
    """The article's versions, newest first, with who saved each."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def _text(version: Version, name: str) -> str:
    value = version.field_dict.get(name) or ""
    if name == "body":
        # Paragraph ends become spaces so that words of two paragraphs stay apart.
        value = strip_tags(re.sub(r"</(p|h2|h3|li|blockquote)>", " ", value))
    return value


def word_diff(old: str, new: str) -> SafeString:
    """``new`` with what was removed since ``old`` in <del> and what was added in
    <ins>; everything escaped."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(after[b1:b2])))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", "".join(before[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", "".join(after[b1:b2])))
    # Every part is escaped or built with format_html above.
    return mark_safe("".join(parts))  # noqa: S308


def compare(older: Version, newer: Version) -> list[FieldDiff]:
    diffs = []
    for name, label in COMPARED_FIELDS:
        old, new = _text(older, name), _text(newer, name)
        diffs.append(
            FieldDiff(label=str(label), html=word_diff(old, new), changed=old != new)
        )
    return diffs
