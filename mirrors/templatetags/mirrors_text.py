"""Editors' plain text on the reach and tips pages: paragraphs and lines, with every
run of Latin letters and digits (a phone number, an address, a key fingerprint)
isolated left-to-right in the Arabic edition, so that "+961 70 000 000" keeps its
order inside Arabic text."""

import re

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language_bidi

register = template.Library()

LATIN_RUN = re.compile(
    r"[+@#]?[0-9A-Za-z][0-9A-Za-z +@#./:_\-]*[0-9A-Za-z/]|[0-9A-Za-z]"
)


@register.filter
def reach_field(record, field: str) -> str:
    """A record's text field in the edition being read (English fills in)."""
    return record.local(field).strip()


def _line(line: str) -> SafeString:
    if not get_language_bidi():
        return format_html("{}", line)
    parts, last = [], 0
    for match in LATIN_RUN.finditer(line):
        parts.append(format_html("{}", line[last : match.start()]))
        parts.append(format_html('<bdi dir="ltr">{}</bdi>', match.group()))
        last = match.end()
    parts.append(format_html("{}", line[last:]))
    return SafeString("".join(parts))


@register.filter
def plain_text(text: str) -> SafeString:
    """Paragraphs (an empty line between) and line breaks of plain text, escaped."""
    paragraphs = [part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return format_html_join(
        "\n",
        "<p>{}</p>",
        (
            (
                SafeString(
                    "<br>".join(_line(line.strip()) for line in part.splitlines())
                ),
            )
            for part in paragraphs
        ),
    )
