"""Times as each edition writes them, and the zone they are in."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import ArabicMonths
from articles.templatetags.site_chrome import site_settings

register = template.Library()


# How times read in each edition: the reference page's "2016-04-28 13:49:48" in
# English; day, Arabic month name and year in Arabic ("{month}" is filled in from
# the site's choice of month names, see ``ARABIC_MONTHS``).
TIME_FORMATS = {
    "en": {"seconds": "Y-m-d H:i:s", "minutes": "Y-m-d H:i"},
    "ar": {"seconds": "j {month} Y، H:i:s", "minutes": "j {month} Y، H:i"},
}

LEVANTINE_MONTHS = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
EGYPTIAN_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "إبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
ARABIC_MONTHS = {
    ArabicMonths.LEVANTINE: LEVANTINE_MONTHS,
    ArabicMonths.EGYPTIAN: EGYPTIAN_MONTHS,
    ArabicMonths.BOTH: [
        f"{levantine}/{egyptian}"
        for levantine, egyptian in zip(LEVANTINE_MONTHS, EGYPTIAN_MONTHS, strict=True)
    ],
}

# Zones named the way readers say them; any other zone is shown by its offset.
ZONE_NAMES = {
    "Asia/Damascus": _("Damascus time"),
    "Asia/Beirut": _("Beirut time"),
    "Asia/Amman": _("Amman time"),
    "Asia/Baghdad": _("Baghdad time"),
    "Asia/Jerusalem": _("Jerusalem time"),
    "Africa/Cairo": _("Cairo time"),
    "Europe/Istanbul": _("Istanbul time"),
    "Europe/Berlin": _("Berlin time"),
    "Europe/Paris": _("Paris time"),
    "Europe/London": _("London time"),
}


def arabic_month_names() -> list[str]:
    """The month names the site chose for its Arabic edition: a site setting, read
    with the masthead (one cached read that every page makes anyway)."""
    return ARABIC_MONTHS.get(site_settings().arabic_months, EGYPTIAN_MONTHS)


@register.filter
def edition_time(value: datetime | None, precision: str = "minutes") -> str:
    """``value`` in the site's time zone, written the way the edition reads it."""
    if value is None:
        return ""
    language = translation.get_language()
    local = timezone.localtime(value)
    pattern = TIME_FORMATS.get(language, TIME_FORMATS["en"])[precision]
    if "{month}" not in pattern:
        return dateformat.format(local, pattern)
    before, after = pattern.split("{month}")
    month = arabic_month_names()[local.month - 1]
    return f"{dateformat.format(local, before)}{month}{dateformat.format(local, after)}"


@register.filter
def iso_time(value: datetime | None) -> str:
    """``value`` for a ``<time datetime>`` attribute: ISO 8601 to the second."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


def utc_offset(moment: datetime) -> str:
    """ "UTC+3", "UTC+5:30", "UTC-4" or "UTC" for ``moment``'s offset."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@register.simple_tag
def site_time_zone() -> str:
    """The site's zone as readers know it: "Damascus time (UTC+3)", or its offset
    alone ("UTC+2") for a zone without a name here."""
    now = timezone.localtime(timezone.now(), ZoneInfo(settings.TIME_ZONE))
    offset = utc_offset(now)
    name = ZONE_NAMES.get(settings.TIME_ZONE)
    if name is None or offset == "UTC" and settings.TIME_ZONE == "UTC":
        return offset
    return gettext("%(zone)s (%(offset)s)") % {"zone": name, "offset": offset}
