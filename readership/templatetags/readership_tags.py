"""The "Most read" block: rendered once per edition and reader-cache version (a
publication retires it, and nothing cached outlives ten minutes), so the counts it
shows are at most that old."""

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from readercache.fragments import cached_for_readers
from readership.selectors import most_read

register = template.Library()


@register.simple_tag
def most_read_block() -> SafeString:
    language = translation.get_language()
    return cached_for_readers(
        f"most-read:{language}",
        lambda: render_to_string(
            "readership/_most_read.html", {"articles": most_read(language)}
        ),
    )
