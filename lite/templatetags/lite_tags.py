"""The lite edition's parts: its body text without pictures, and the masthead's link
to it."""

import nh3
from django import template
from django.utils.safestring import SafeString, mark_safe

from articles.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES

register = template.Library()

# Whatever the editor may one day embed (figures, images, video), the lite body
# keeps only text and links; a figure's caption goes with its picture.
_PICTURE_TAGS = {"img", "picture", "figure", "video", "audio", "iframe", "svg"}
_text_only = nh3.Cleaner(
    tags=ALLOWED_TAGS - _PICTURE_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    clean_content_tags={
        *_PICTURE_TAGS,
        "script",
        "style",
        "object",
        "embed",
        "noscript",
    },
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


@register.filter
def lite_body(html: str) -> SafeString:
    """The article body as the lite page shows it: text and links only."""
    return mark_safe(_text_only.clean(html or ""))  # noqa: S308 (cleaned above)


@register.inclusion_tag("lite/_link.html")
def lite_link() -> dict:
    """The masthead's link to the lite edition, for readers on slow links."""
    return {}
