from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from readercache import WatchedQuerySet

ARABIC = "ar"


def _reading_arabic() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).startswith(ARABIC)


def _in_edition(record: models.Model, field: str) -> str:
    """A text field in the edition being read; English fills what Arabic lacks."""
    if _reading_arabic():
        return getattr(record, f"{field}_ar") or getattr(record, field)
    return getattr(record, field)


class MirrorQuerySet(WatchedQuerySet):
    def listed(self):
        return self.filter(is_listed=True)


class Mirror(models.Model):
    """Another address where readers find the site: a reverse proxy in front of it
    (its host name must also be in MIRROR_HOSTS for the site to answer there) or a
    copy hosted elsewhere."""

    url = models.URLField(
        _("address"),
        unique=True,
        validators=[URLValidator(schemes=["https", "http"])],
        help_text=_("The full address readers type, e.g. https://mirror.example.net/"),
    )
    note = models.CharField(
        _("note (English)"),
        max_length=200,
        blank=True,
        help_text=_('Shown beside the address, e.g. "a copy updated every hour".'),
    )
    note_ar = models.CharField(_("note (Arabic)"), max_length=200, blank=True)
    is_listed = models.BooleanField(
        _("published"),
        default=True,
        help_text=_(
            "Untick to keep a mirror off the reach page and mirrors.json, for one"
            " handed out privately. A mirror from MIRROR_HOSTS with this unticked"
            " is hidden too."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Listed by this, smallest first.")
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = MirrorQuerySet.as_manager()

    class Meta:
        ordering = ["position", "url"]
        verbose_name = _("mirror")
        verbose_name_plural = _("mirrors")

    def __str__(self):
        return self.url

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()

    @property
    def local_note(self) -> str:
        return _in_edition(self, "note")

    @property
    def is_served_here(self) -> bool:
        """Whether this site answers on the mirror's host name (MIRROR_HOSTS)."""
        return self.host in settings.MIRROR_HOSTS

    def clean(self):
        main = (urlsplit(settings.SITE_URL).hostname or "").lower()
        if self.host and self.host == main:
            raise ValidationError(
                {"url": _("This is the site's own address, not a mirror.")}
            )
        if self.host and self.host == settings.ONION_HOST:
            raise ValidationError(
                {"url": _("The onion address is listed by itself (ONION_HOST).")}
            )


class SingletonQuerySet(WatchedQuerySet):
    pass


class Singleton(models.Model):
    """One record, edited in the admin."""

    objects = SingletonQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The record (defaults until an editor saves it)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class ReachPage(Singleton):
    """The text of "How to reach us if we are blocked"; the onion address, mirrors
    and feeds are added by the page itself."""

    intro = models.TextField(
        _("introduction (English)"),
        blank=True,
        help_text=_("Shown first. Plain text; an empty line starts a paragraph."),
    )
    intro_ar = models.TextField(_("introduction (Arabic)"), blank=True)
    newsletter = models.TextField(
        _("newsletter (English)"),
        blank=True,
        help_text=_(
            "How to get the newsletter, e.g. an address to write to. Plain text."
        ),
    )
    newsletter_ar = models.TextField(_("newsletter (Arabic)"), blank=True)
    channels = models.TextField(
        _("other channels (English)"),
        blank=True,
        help_text=_(
            "Other places readers find us (messaging channels, radio), one a line."
        ),
    )
    channels_ar = models.TextField(_("other channels (Arabic)"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reach page")
        verbose_name_plural = _("reach page")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="reach_page_singleton"),
        ]

    def __str__(self):
        return str(_("How to reach us if we are blocked"))

    def local(self, field: str) -> str:
        return _in_edition(self, field)


class TipsPage(Singleton):
    """The text of the page for sources: how to reach the newsroom safely."""

    intro = models.TextField(
        _("introduction (English)"),
        blank=True,
        help_text=_("Shown first. Plain text; an empty line starts a paragraph."),
    )
    intro_ar = models.TextField(_("introduction (Arabic)"), blank=True)
    securedrop_onion = models.CharField(
        _("SecureDrop onion address"),
        max_length=100,
        blank=True,
        help_text=_("e.g. abcdef...xyz.onion; leave empty if you have none."),
    )
    channels = models.TextField(
        _("other channels (English)"),
        blank=True,
        help_text=_(
            "Other ways to reach the newsroom (Signal number, PGP key fingerprint,"
            " postal address), one a line."
        ),
    )
    channels_ar = models.TextField(_("other channels (Arabic)"), blank=True)
    advice = models.TextField(
        _("safety advice (English)"),
        blank=True,
        help_text=_("Leave empty to show the standard advice."),
    )
    advice_ar = models.TextField(_("safety advice (Arabic)"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("tips page")
        verbose_name_plural = _("tips page")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="tips_page_singleton"),
        ]

    def __str__(self):
        return str(_("Send us a tip safely"))

    def local(self, field: str) -> str:
        return _in_edition(self, field)

    def clean(self):
        address = self.securedrop_onion.strip().lower()
        address = address.removeprefix("http://").removeprefix("https://").strip("/")
        if address and not address.endswith(".onion"):
            raise ValidationError(
                {"securedrop_onion": _("An onion address ends in .onion.")}
            )
        self.securedrop_onion = address
