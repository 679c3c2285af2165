from dataclasses import dataclass

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from articles.bilingual import (
    ARABIC,
    BilinguallyNamed,
    BilingualQuerySet,
    reading_arabic,
)
from articles.images import ArticleImageField, Picture, picture_of
from articles.richtext import RichTextField
from readercache import WatchedQuerySet


def now_to_the_second():
    """Publication times are shown to the second; storing them so keeps them equal."""
    return timezone.now().replace(microsecond=0)


class Section(models.Model):
    name = models.CharField(_("name (English)"), max_length=80, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Sections are listed by this, smallest first."),
    )

    objects = WatchedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.local_name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})

    @property
    def local_name(self) -> str:
        """The name in the edition being read (English when no Arabic is given)."""
        return self.name_ar if reading_arabic() and self.name_ar else self.name


class Keyword(BilinguallyNamed):
    name = models.CharField(_("name (English)"), max_length=80, unique=True)
    slug = models.SlugField(
        _("slug (English)"), max_length=80, unique=True, allow_unicode=True
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=80, blank=True)
    slug_ar = models.SlugField(
        _("slug (Arabic)"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        allow_unicode=True,
        help_text=_("The Arabic edition's address for this keyword, e.g. حمص."),
    )

    objects = BilingualQuerySet.as_manager()
    slug_taken_messages = {
        "slug_ar": _("Another keyword uses this as its English slug."),
        "slug": _("Another keyword uses this as its Arabic slug."),
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")

    def get_absolute_url(self):
        return reverse("articles:keyword", kwargs={"slug": self.local_slug})


class ArticleQuerySet(WatchedQuerySet):
    def published(self):
        """What readers may see: published, and the publication time has come."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def scheduled(self):
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def breaking(self):
        """Articles whose breaking time has not run out: they lead the ticker."""
        return self.filter(breaking_until__gt=timezone.now())

    def awaiting_review(self):
        """The review queue: submitted by reporters, longest waiting first."""
        return self.filter(status=Article.Status.REVIEW).order_by("submitted_at", "pk")

    def written_by(self, user):
        return self.filter(created_by=user)

    def in_edition(self, language: str):
        return self.filter(language=language)

    def in_current_edition(self):
        return self.in_edition(ARABIC if reading_arabic() else settings.LANGUAGE_CODE)

    def in_section(self, section):
        return self.filter(section=section)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """Columns and relations a teaser needs, without the body."""
        return self.select_related("section").defer("body").newest_first()

    def for_detail(self):
        """The article with its section, and of its translation only what a link to
        it needs: every column read costs the ORM time on each rendered page."""
        return self.select_related("section", "translation").defer(
            *(
                f"translation__{field.name}"
                for field in Article._meta.concrete_fields
                if field.name not in TRANSLATION_LINK_FIELDS
            )
        )


# What the article page reads of an article's translation: its address and whether
# readers may see it.
TRANSLATION_LINK_FIELDS = {"id", "language", "slug", "status", "published_at"}


class ImageFocus(models.TextChoices):
    """The part of a photo that stays in view when a teaser or the front page's lead
    crops it to their common shape (site.css, "Cropped photos")."""

    CENTRE = "center", _("Centre")
    TOP = "top", _("Top")
    BOTTOM = "bottom", _("Bottom")
    LEFT = "left", _("Left")
    RIGHT = "right", _("Right")
    TOP_LEFT = "top-left", _("Top left")
    TOP_RIGHT = "top-right", _("Top right")
    BOTTOM_LEFT = "bottom-left", _("Bottom left")
    BOTTOM_RIGHT = "bottom-right", _("Bottom right")


@reversion.register(exclude=["created_at", "updated_at", "last_note_at"])
class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Ready for review")
        PUBLISHED = "published", _("Published")
        # Taken down everywhere at once (emergency withdrawal): the page answers
        # 410 Gone, and the image files are deleted.
        REMOVED = "removed", _("Taken down")

    # What a reporter may still change: nothing readers have seen.
    UNPUBLISHED = (Status.DRAFT, Status.REVIEW)

    language = models.CharField(
        _("edition"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Every article belongs to one edition."),
    )
    translation = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("translation"),
        help_text=_(
            "The same story in the other edition. Linking one side links both."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        allow_unicode=True,
        help_text=_("Part of the address. Old addresses keep working if it changes."),
    )
    lead = models.TextField(
        _("lead"),
        validators=[MaxLengthValidator(600)],
        help_text=_("One or two sentences: shown under the headline and in listings."),
    )
    body = RichTextField(_("body"), blank=True)
    source_label = models.CharField(
        _("source label"),
        max_length=100,
        blank=True,
        help_text=_(
            "Opens the first paragraph, like a dateline. Empty: the site name."
        ),
    )
    reporter_credit = models.CharField(_("reporting by"), max_length=200, blank=True)
    translator_credit = models.CharField(
        _("translation by"), max_length=200, blank=True
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("section"),
    )
    keywords = models.ManyToManyField(
        Keyword, blank=True, related_name="articles", verbose_name=_("keywords")
    )
    # Related articles (articles.selectors.related_articles): editors' pins come
    # first, then articles sharing the most keywords.
    related_pins = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        verbose_name=_("pinned related articles"),
        help_text=_(
            'Shown first under "Related" on this article\'s page, when published '
            "in the same edition. The rest are found by shared keywords."
        ),
    )
    image = ArticleImageField(
        _("main image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        renditions_field="image_renditions",
        help_text=_(
            "A JPEG, PNG or WebP photo. Its location, camera details and other "
            "metadata are removed when it is saved."
        ),
    )
    image_width = models.PositiveIntegerField(
        _("image width"), null=True, blank=True, editable=False
    )
    image_height = models.PositiveIntegerField(
        _("image height"), null=True, blank=True, editable=False
    )
    image_renditions = models.JSONField(
        _("image renditions"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The widths of the WebP copies stored beside the image."),
    )
    image_focus = models.CharField(
        _("image focal point"),
        max_length=12,
        choices=ImageFocus.choices,
        default=ImageFocus.CENTRE,
        help_text=_(
            "Front-page and listing teasers show the photo cropped to one shape; "
            "this part of it stays in view. The article page shows it whole."
        ),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=150, blank=True)
    image_alt = models.CharField(
        _("image alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        default=now_to_the_second,
        help_text=_(
            "A future time schedules the article: readers see it from then on."
        ),
    )
    breaking_until = models.DateTimeField(
        _("breaking until"),
        null=True,
        blank=True,
        help_text=_(
            "Until this time the article leads the latest-news ticker, marked "
            "Breaking; afterwards it takes its normal place. Empty: not breaking."
        ),
    )
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Untick to close comments: the form is replaced by a notice."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("written by"),
    )
    submitted_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True, editable=False
    )
    last_note_at = models.DateTimeField(
        _("updated (for readers)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The time of its newest correction or update, shown as Updated."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(
                fields=["language", "status", "-published_at"],
                name="article_edition_pub_idx",
            ),
            models.Index(
                fields=["section", "language", "status", "-published_at"],
                name="article_section_pub_idx",
            ),
            # Only articles that were ever breaking, by when that ends: the ticker
            # reads the few whose time has not run out, however large the archive.
            models.Index(
                fields=["language", "breaking_until"],
                condition=Q(breaking_until__isnull=False),
                name="article_breaking_until_idx",
            ),
            models.Index(
                fields=["status", "submitted_at"],
                condition=Q(status="review"),
                name="article_review_queue_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "review", "published", "removed"]),
                name="article_status_valid",
            ),
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule and withdraw articles")),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # An article's address is always in its own edition.
        with translation.override(self.language):
            return reverse("articles:detail", kwargs={"pk": self.pk, "slug": self.slug})

    def clean(self):
        if self.translation_id and self.translation.language == self.language:
            raise ValidationError(
                {"translation": _("A translation must be in the other edition.")}
            )
        if self.translation_id and self.translation_id == self.pk:
            raise ValidationError(
                {"translation": _("An article cannot be its own translation.")}
            )

    @property
    def picture(self) -> Picture | None:
        """The main image as pages show it: its renditions, or the original when
        it has none."""
        if not self.image:
            return None
        return picture_of(
            self.image,
            widths=self.image_renditions,
            width=self.image_width,
            height=self.image_height,
        )

    @property
    def published_translation(self) -> "Article | None":
        """The linked article in the other edition, if readers may see it."""
        if self.translation_id and self.translation.is_published:
            return self.translation
        return None

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED and self.published_at > timezone.now()
        )

    @property
    def is_breaking(self) -> bool:
        """Breaking now: its breaking time has not run out."""
        return self.breaking_until is not None and self.breaking_until > timezone.now()

    @property
    def is_taken_down(self) -> bool:
        return self.status == self.Status.REMOVED

    @cached_property
    def notes(self) -> list["Correction"]:
        """Its corrections and updates, oldest first: read only for an article that
        has some, so an uncorrected page costs no query for them."""
        if self.last_note_at is None:
            return []
        return list(self.corrections.all())

    @property
    def credits_line(self) -> str:
        """The credits joined the way the edition punctuates a list."""
        return pgettext("separator between credits", "; ").join(self.credits)

    @property
    def credits(self) -> list[str]:
        """The credits line's parts: "Reporting by X", "Translation by Y"."""
        parts = []
        if self.reporter_credit:
            parts.append(_("Reporting by %(name)s") % {"name": self.reporter_credit})
        if self.translator_credit:
            parts.append(
                _("Translation by %(name)s") % {"name": self.translator_credit}
            )
        return parts


class KeywordListingQuerySet(models.QuerySet):
    def for_keyword(self, *, keyword: Keyword, language: str):
        """A keyword's published articles in one edition, newest first: one index
        range, in order, whatever the page number."""
        return self.filter(
            keyword=keyword,
            language=language,
            status=Article.Status.PUBLISHED,
            published_at__lte=timezone.now(),
        ).order_by("-published_at", "-article_id")

    def rebuild_all(self) -> None:
        """Rebuild the whole listing in one statement (after a bulk load)."""
        links = Article.keywords.through._meta.db_table
        article = Article._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.model._meta.db_table}")
            cursor.execute(
                f"INSERT INTO {self.model._meta.db_table}"
                " (article_id, keyword_id, language, status, published_at)"
                " SELECT link.article_id, link.keyword_id, a.language, a.status,"
                f" a.published_at FROM {links} AS link"
                f" JOIN {article} AS a ON a.id = link.article_id"
            )

    def rebuild_for(self, article_ids) -> None:
        """Make the rows of these articles match their keywords and fields again."""
        article_ids = list(article_ids)
        self.filter(article_id__in=article_ids).delete()
        links = Article.keywords.through.objects.filter(
            article_id__in=article_ids
        ).values_list(
            "article_id",
            "keyword_id",
            "article__language",
            "article__status",
            "article__published_at",
        )
        self.bulk_create(
            KeywordListing(
                article_id=article_id,
                keyword_id=keyword_id,
                language=language,
                status=status,
                published_at=published_at,
            )
            for article_id, keyword_id, language, status, published_at in links
        )


class KeywordListing(models.Model):
    """Which articles carry a keyword, with copies of each article's edition, status
    and publication time, so a keyword's page reads one index in order instead of
    sorting every article that carries the keyword. Derived data: rebuilt after every
    change to an article or its keywords (see articles.signals)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    keyword = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=5)
    status = models.CharField(max_length=10)
    published_at = models.DateTimeField()

    objects = KeywordListingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "keyword"], name="keyword_listing_unique"
            ),
        ]
        indexes = [
            models.Index(
                fields=["keyword", "language", "status", "-published_at", "-article"],
                name="keyword_listing_idx",
            ),
        ]

    def __str__(self):
        return f"{self.keyword_id}: {self.article_id}"


class CorrectionQuerySet(WatchedQuerySet):
    def for_readers(self):
        """Corrections of articles readers may see, in the current edition,
        newest first."""
        return (
            self.filter(
                kind=Correction.Kind.CORRECTION,
                article__in=Article.objects.published().in_current_edition(),
            )
            .select_related("article")
            .defer("article__body")
            .order_by("-noted_at", "-pk")
        )


class Correction(models.Model):
    """A dated note at the end of an article: what was corrected, or what is new.
    It never changes the article's publication time."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("article"),
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.CORRECTION
    )
    note = models.TextField(
        _("note"),
        validators=[MaxLengthValidator(1000)],
        help_text=_("What was wrong and what is right now, or what is new."),
    )
    noted_at = models.DateTimeField(_("time"), default=now_to_the_second)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["noted_at", "pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        indexes = [
            models.Index(fields=["kind", "-noted_at"], name="correction_newest_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["correction", "update"]),
                name="correction_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.note[:60]}"


class ArabicMonths(models.TextChoices):
    """How the Arabic edition names the months: the Levantine names (Syria, Lebanon,
    Jordan, Palestine, Iraq) or the Egyptian ones (Egypt, the Gulf, the Maghreb's
    press), or both."""

    LEVANTINE = "levantine", _("Levantine (كانون الثاني، شباط، آذار…)")
    EGYPTIAN = "egyptian", _("Egyptian (يناير، فبراير، مارس…)")
    BOTH = "both", _("Both (كانون الثاني/يناير…)")


@dataclass(frozen=True)
class Masthead:
    name: str
    standing_line: str
    description: str
    # The same in both editions. A default, so that a masthead cached before this
    # field existed still reads.
    arabic_months: str = ArabicMonths.EGYPTIAN


class SiteSettings(models.Model):
    """The masthead: one record, edited in the admin."""

    name = models.CharField(_("site name"), max_length=100, default="Newsportal")
    standing_line = models.CharField(
        _("standing line"),
        max_length=200,
        blank=True,
        help_text=_(
            'Shown under the name, e.g. "Established by <founder> <year> - <city>".'
        ),
    )
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_(
            "The home page's description for search engines and link previews."
        ),
    )

    name_ar = models.CharField(_("site name (Arabic)"), max_length=100, blank=True)
    standing_line_ar = models.CharField(
        _("standing line (Arabic)"), max_length=200, blank=True
    )
    description_ar = models.CharField(
        _("description (Arabic)"), max_length=300, blank=True
    )
    arabic_months = models.CharField(
        _("Arabic month names"),
        max_length=10,
        choices=ArabicMonths.choices,
        default=ArabicMonths.EGYPTIAN,
        help_text=_("How dates in the Arabic edition name the month."),
    )
    # The publisher's logo in articles' structured data (syndication).
    logo = ArticleImageField(
        _("logo"),
        upload_to="site/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text=_(
            "The masthead's logo for search engines and link previews: a PNG, JPEG "
            "or WebP, at least 112 pixels wide."
        ),
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    objects = WatchedQuerySet.as_manager()

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="site_settings_singleton"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def for_edition(self) -> "Masthead":
        """The masthead in the edition being read; English fills what Arabic lacks."""
        if reading_arabic():
            return Masthead(
                name=self.name_ar or self.name,
                standing_line=self.standing_line_ar or self.standing_line,
                description=self.description_ar or self.description,
                arabic_months=self.arabic_months,
            )
        return Masthead(
            self.name, self.standing_line, self.description, self.arabic_months
        )

    @classmethod
    def load(cls) -> "SiteSettings":
        """The site's settings (defaults until an editor saves them); readers' pages
        keep them as a cached fragment (see the ``site_settings`` tag)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)
