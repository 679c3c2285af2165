"""Times as each edition writes them."""

from datetime import datetime

from django import template
from django.utils import dateformat, timezone, translation

register = template.Library()


# How times read in each edition: the reference page's "2016-04-28 13:49:48" in
# English; day, Arabic month name and year in Arabic.
TIME_FORMATS = {
    "en": {"seconds": "Y-m-d H:i:s", "minutes": "Y-m-d H:i"},
    "ar": {"seconds": "j F Y، H:i:s", "minutes": "j F Y، H:i"},
}


@register.filter
def edition_time(value: datetime | None, precision: str = "minutes") -> str:
    """``value`` in the site's time zone, written the way the edition reads it."""
    if value is None:
        return ""
    formats = TIME_FORMATS.get(translation.get_language(), TIME_FORMATS["en"])
    return dateformat.format(timezone.localtime(value), formats[precision])


@register.filter
def iso_time(value: datetime | None) -> str:
    """``value`` for a ``<time datetime>`` attribute: ISO 8601 to the second."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
