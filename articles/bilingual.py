"""Records named in both editions with an address of each (keywords, people): which
one an address names, and the name and address the current edition shows."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language

from readercache import WatchedQuerySet

ARABIC = "ar"


def reading_arabic() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).startswith(ARABIC)


class BilingualQuerySet(WatchedQuerySet):
    def with_slug(self, slug: str):
        """Records whose English or Arabic slug this is."""
        return self.filter(Q(slug=slug) | Q(slug_ar=slug))

    def for_address(self, slug: str):
        """The record an address names, the edition's own slug first."""
        matches = list(self.with_slug(slug)[:2])
        own = "slug_ar" if reading_arabic() else "slug"
        matches.sort(key=lambda record: getattr(record, own) != slug)
        return matches[0] if matches else None


class BilinguallyNamed(models.Model):
    """Abstract: the model declares ``name``, ``name_ar``, ``slug`` and ``slug_ar``
    (their lengths differ) and the messages for a slug another record uses."""

    # {"slug": "... uses this as its Arabic slug.", "slug_ar": "... English slug."}
    slug_taken_messages: dict[str, str] = {}

    class Meta:
        abstract = True

    def __str__(self):
        return self.local_name

    def clean(self):
        # One address must name one record, whichever edition's slug it is.
        clashes = type(self)._default_manager.exclude(pk=self.pk)
        if self.slug_ar and clashes.filter(slug=self.slug_ar).exists():
            raise ValidationError({"slug_ar": self.slug_taken_messages["slug_ar"]})
        if clashes.filter(slug_ar=self.slug).exists():
            raise ValidationError({"slug": self.slug_taken_messages["slug"]})

    @property
    def local_name(self) -> str:
        return self.name_ar if reading_arabic() and self.name_ar else self.name

    @property
    def local_slug(self) -> str:
        return self.slug_ar if reading_arabic() and self.slug_ar else self.slug
