"""The people behind the bylines: reporters, translators and photographers, and
their credits on articles.

A person is a byline, not an account: nothing here points at a user, so no page can
lead from a pseudonym or a collective ("Homs correspondent") to whoever writes as it.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.bilingual import BilinguallyNamed, BilingualQuerySet, reading_arabic
from articles.images import ArticleImageField, Picture, picture_of
from articles.models import Article
from readercache import WatchedQuerySet


class Person(BilinguallyNamed):
    name = models.CharField(_("name (English)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120, blank=True)
    slug = models.SlugField(
        _("slug (English)"), max_length=120, unique=True, allow_unicode=True
    )
    slug_ar = models.SlugField(
        _("slug (Arabic)"),
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        allow_unicode=True,
        help_text=_("The Arabic edition's address for this person."),
    )
    bio = models.TextField(
        _("short bio (English)"), blank=True, validators=[MaxLengthValidator(600)]
    )
    bio_ar = models.TextField(
        _("short bio (Arabic)"), blank=True, validators=[MaxLengthValidator(600)]
    )
    photo = ArticleImageField(
        _("photo"),
        upload_to="people/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        renditions_field="photo_renditions",
        help_text=_(
            "A JPEG, PNG or WebP photo. Its location, camera details and other "
            "metadata are removed when it is saved."
        ),
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_renditions = models.JSONField(default=list, blank=True, editable=False)
    is_pseudonym = models.BooleanField(
        _("pseudonym or collective"),
        default=False,
        help_text=_(
            "A byline that protects the people behind it (\u201cHoms "
            "correspondent\u201d): no page shows its photo or bio."
        ),
    )

    objects = BilingualQuerySet.as_manager()
    slug_taken_messages = {
        "slug_ar": _("Another person uses this as their English slug."),
        "slug": _("Another person uses this as their Arabic slug."),
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def get_absolute_url(self):
        return reverse("people:detail", kwargs={"slug": self.local_slug})

    @property
    def public_bio(self) -> str:
        """The bio readers may see in this edition: none for a pseudonym."""
        if self.is_pseudonym:
            return ""
        return self.bio_ar if reading_arabic() else self.bio

    @property
    def public_picture(self) -> Picture | None:
        """The photo readers may see: none for a pseudonym."""
        if self.is_pseudonym or not self.photo:
            return None
        return picture_of(
            self.photo,
            widths=self.photo_renditions,
            width=self.photo_width,
            height=self.photo_height,
        )


class Credit(models.Model):
    class Role(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        TRANSLATOR = "translator", _("Translator")
        PHOTOGRAPHER = "photographer", _("Photographer")

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        # Not "credits": Article has a property of that name (its free-text parts).
        related_name="byline_credits",
        verbose_name=_("article"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credits",
        verbose_name=_("person"),
    )
    is_name_withheld = models.BooleanField(
        _("photographer withheld"),
        default=False,
        help_text=_(
            "Credit the image \u201cPhotographer withheld\u201d instead of a person."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Names in a role are listed by this, smallest first."),
    )

    objects = WatchedQuerySet.as_manager()

    class Meta:
        ordering = ["role", "position", "pk"]
        verbose_name = _("credit")
        verbose_name_plural = _("credits")
        indexes = [models.Index(fields=["person", "article"], name="credit_person_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=["reporter", "translator", "photographer"]),
                name="credit_role_valid",
            ),
            # A credit names a person, or (for a photographer only) withholds one.
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, is_name_withheld=False)
                    | Q(person__isnull=True, is_name_withheld=True, role="photographer")
                ),
                name="credit_person_or_withheld",
            ),
            models.UniqueConstraint(
                fields=["article", "role", "person"],
                name="credit_once_per_role",
            ),
        ]

    def __str__(self):
        if self.is_name_withheld:
            return str(_("Photographer withheld"))
        return f"{self.get_role_display()}: {self.person}"

    def clean(self):
        if self.is_name_withheld and self.person_id:
            raise ValidationError(
                {"person": _("A withheld photographer is credited without a name.")}
            )
        if self.is_name_withheld and self.role != self.Role.PHOTOGRAPHER:
            raise ValidationError(
                {"is_name_withheld": _("Only a photographer's name can be withheld.")}
            )
        if not self.is_name_withheld and not self.person_id:
            raise ValidationError({"person": _("Choose who is credited.")})
