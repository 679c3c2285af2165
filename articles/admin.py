import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles import history, services
from articles.models import ARABIC, Article, Correction, Keyword, Section, SiteSettings
from articles.preview import preview_url
from articles.richtext import sanitize_body

# Written in the article's own language, so they take its direction whatever the
# admin's language is: an Arabic headline typed into a left-to-right box puts its
# punctuation at the wrong end and hides its start. static/js/article_direction.js
# follows a change of the edition field before saving.
IN_ARTICLE_LANGUAGE = [
    "title",
    "lead",
    "body",
    "source_label",
    "reporter_credit",
    "translator_credit",
    "image_alt",
    "image_caption",
    "image_credit",
]


def direction_of(language: str) -> str:
    return "rtl" if language == ARABIC else "ltr"


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_ar", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_ar"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Keyword)
class KeywordAdmin(admin.ModelAdmin):
    list_display = ["name", "name_ar", "slug", "slug_ar"]
    search_fields = ["name", "name_ar"]
    prepopulated_fields = {"slug": ["name"], "slug_ar": ["name_ar"]}


class KeepsUnpostedChoices(forms.ModelForm):
    """Choice fields named in ``kept_when_not_posted`` are optional in the form: a
    post without them (an older form, a script) keeps the record's value, or the
    model's default for a new record, instead of failing."""

    kept_when_not_posted: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.kept_when_not_posted:
            if name in self.fields:
                self.fields[name].required = False

    def _post_clean(self):
        for name in self.kept_when_not_posted:
            if name in self.cleaned_data and not self.cleaned_data[name]:
                self.cleaned_data[name] = getattr(self.instance, name)
        super()._post_clean()


class ArticleAdminForm(KeepsUnpostedChoices):
    kept_when_not_posted = ("image_focus",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.article_language
        for name in IN_ARTICLE_LANGUAGE:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    lang=language, dir=direction_of(language), spellcheck="true"
                )
        if "title" in self.fields:
            self.fields["title"].widget.attrs["class"] = "vLargeTextField"

    @property
    def article_language(self) -> str:
        """The edition being written: as posted, else as saved, else the default."""
        languages = dict(settings.LANGUAGES)
        posted = self.data.get(self.add_prefix("language")) if self.is_bound else None
        if posted in languages:
            return posted
        return self.initial.get("language") or self.instance.language

    def validate_unique(self):
        # Linking a translation that was linked elsewhere moves it; the service
        # unlinks the old pair, so uniqueness of the link is not the editor's problem.
        exclude = self._get_validation_exclusions()
        exclude.add("translation")
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)


class TakeDownForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is taken down"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit trail with your name."),
    )


class ReviewQueueFilter(admin.SimpleListFilter):
    title = _("review queue")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for review"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.awaiting_review()
        return queryset


class CorrectionFormSet(BaseInlineFormSet):
    @cached_property
    def management_form(self):
        # A post without the corrections' part (an older form, a script that
        # saves an article) changes no correction, instead of failing the save.
        if self.is_bound and self.add_prefix(TOTAL_FORM_COUNT) not in self.data:
            form = ManagementForm(
                auto_id=self.auto_id,
                prefix=self.prefix,
                data={
                    self.add_prefix(TOTAL_FORM_COUNT): 0,
                    self.add_prefix(INITIAL_FORM_COUNT): 0,
                },
            )
            form.full_clean()
            return form
        return super().management_form


class CorrectionInline(admin.StackedInline):
    model = Correction
    formset = CorrectionFormSet
    extra = 0
    fields = ["kind", "note", "noted_at"]
    verbose_name = _("correction or update")
    verbose_name_plural = _(
        "Corrections and updates (shown at the end of the article, dated)"
    )

    def _is_editor(self, request):
        return services.can_publish(request.user)

    def has_add_permission(self, request, obj=None):
        return self._is_editor(request)

    def has_change_permission(self, request, obj=None):
        return self._is_editor(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_editor(request)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [CorrectionInline]
    list_display = [
        "headline",
        "language",
        "section",
        "state",
        "published_at",
        "waiting_since",
        "is_breaking",
        "is_live",
    ]
    list_display_links = ["headline"]
    list_filter = [ReviewQueueFilter, "language", "status", "section"]
    list_select_related = ["section"]
    search_fields = ["title", "lead", "reporter_credit", "translator_credit"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section", "keywords", "translation", "related_pins"]
    readonly_fields = ["created_at", "updated_at", "submitted_at", "created_by"]
    actions = ["submit_for_review", "publish", "withdraw", "take_down"]
    fieldsets = [
        (None, {"fields": ["language", "title", "slug", "section", "lead", "body"]}),
        (
            _("Credits"),
            {"fields": ["source_label", "reporter_credit", "translator_credit"]},
        ),
        (_("Keywords"), {"fields": ["keywords"]}),
        (_("Related articles"), {"fields": ["related_pins"]}),
        (
            _("Translation"),
            {
                "fields": ["translation"],
                "description": _(
                    "Link the same story in the other edition; the other article is "
                    "linked back to this one."
                ),
            },
        ),
        (
            _("Main image"),
            {
                "fields": [
                    "image",
                    "image_focus",
                    "image_alt",
                    "image_caption",
                    "image_credit",
                ]
            },
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "breaking_until",
                    "comments_open",
                    "created_by",
                    "submitted_at",
                    "created_at",
                    "updated_at",
                ],
                "description": _(
                    "Set a future publication time to schedule an article: it appears "
                    "to readers at that time, with nothing else to do. Publishing "
                    "without choosing a time publishes it now."
                ),
            },
        ),
    ]

    class Media:
        css = {"all": ["css/article_admin.css"]}
        js = ["js/article_direction.js"]

    # Who may do what: the services decide the same, so a forged post meets it too.

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def get_queryset(self, request):
        articles = super().get_queryset(request)
        if self.has_publish_permission(request) or not request.user.has_perm(
            "articles.change_article"
        ):
            return articles
        return articles.written_by(request.user)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or services.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(
            request, obj
        ) and self.has_publish_permission(request)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += sorted(services.PUBLICATION_FIELDS)
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Those who may only read (moderators, a reporter on a published story) see
        # the article as readers do, not its HTML source.
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "rendered_body" if field == "body" else field
                        for field in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description=_("body"))
    def rendered_body(self, article):
        language = article.language
        return format_html(
            '<div class="article-body-as-read" lang="{}" dir="{}">{}</div>',
            language,
            direction_of(language),
            mark_safe(sanitize_body(article.body)),  # noqa: S308 - allow-listed HTML
        )

    # The list.

    def get_ordering(self, request):
        if request.GET.get(ReviewQueueFilter.parameter_name) == "waiting":
            return ["submitted_at", "pk"]  # longest waiting first
        return super().get_ordering(request)

    @admin.display(description=_("title"), ordering="title")
    def headline(self, article):
        return format_html(
            '<span lang="{}" dir="{}">{}</span>',
            article.language,
            direction_of(article.language),
            article.title,
        )

    @admin.display(description=_("status"), ordering="status")
    def state(self, article):
        if article.is_scheduled:
            return _("Scheduled for %(time)s") % {
                "time": date_format(
                    timezone.localtime(article.published_at), "DATETIME_FORMAT"
                )
            }
        return article.get_status_display()

    @admin.display(description=_("waiting since"), ordering="submitted_at")
    def waiting_since(self, article):
        if article.status != Article.Status.REVIEW or article.submitted_at is None:
            return ""
        return _("%(time)s (%(age)s)") % {
            "time": date_format(
                timezone.localtime(article.submitted_at), "DATETIME_FORMAT"
            ),
            "age": timesince(article.submitted_at),
        }

    @admin.display(boolean=True, description=_("breaking now"))
    def is_breaking(self, article):
        return article.is_breaking

    @admin.display(boolean=True, description=_("visible to readers"))
    def is_live(self, article):
        return article.is_published

    # Saving.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # One version per save, recorded after the keywords and corrections are
        # saved too (the services' own revision blocks join this one).
        with reversion.create_revision():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        services.article_save(
            article=obj,
            by=request.user,
            changed_fields=form.changed_data,
            created=not change,
            request=request,
            published_at_chosen="published_at" in form.changed_data,
        )
        if obj.is_scheduled:
            self.message_user(
                request,
                _("Scheduled: readers will see it from %(time)s.")
                % {
                    "time": date_format(
                        timezone.localtime(obj.published_at), "DATETIME_FORMAT"
                    )
                },
                messages.INFO,
            )
        elif obj.is_published:
            self.message_user(
                request, _("Published: readers see it now."), messages.INFO
            )

    def delete_model(self, request, obj):
        services.article_delete(articles=[obj], by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        services.article_delete(articles=queryset, by=request.user, request=request)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("source_label", SiteSettings.load().name)
        return initial

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        article = context.get("original")
        if article is not None and self.has_publish_permission(request):
            context["preview_url"] = request.build_absolute_uri(preview_url(article))
            context["preview_days"] = settings.ARTICLE_PREVIEW_DAYS
            context["versions_url"] = reverse(
                "admin:articles_article_versions", args=[article.pk]
            )
        return super().render_change_form(request, context, add, change, **kwargs)

    # Actions.

    @admin.action(
        permissions=["change"], description=_("Submit the selected drafts for review")
    )
    def submit_for_review(self, request, queryset):
        count = services.article_submit_for_review(
            articles=queryset, by=request.user, request=request
        )
        self.message_user(
            request,
            ngettext(
                "%d draft submitted for review.",
                "%d drafts submitted for review.",
                count,
            )
            % count,
            messages.SUCCESS,
        )

    @admin.action(
        permissions=["publish"], description=_("Publish the selected articles")
    )
    def publish(self, request, queryset):
        count = services.article_publish(
            articles=queryset, by=request.user, request=request
        )
        self.message_user(
            request,
            ngettext("%d article published.", "%d articles published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(
        permissions=["publish"], description=_("Withdraw the selected articles")
    )
    def withdraw(self, request, queryset):
        count = services.article_withdraw(
            articles=queryset, by=request.user, request=request
        )
        self.message_user(
            request,
            ngettext("%d article withdrawn.", "%d articles withdrawn.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(
        permissions=["publish"],
        description=_("Take down everywhere now (emergency withdrawal)"),
    )
    def take_down(self, request, queryset):
        articles = list(queryset)
        form = TakeDownForm(request.POST if "confirm" in request.POST else None)
        if form.is_valid():
            for article in articles:
                services.article_take_down(
                    article=article,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
            self.message_user(
                request,
                ngettext(
                    "%d article taken down: its page answers 410 Gone and its "
                    "images are deleted.",
                    "%d articles taken down: their pages answer 410 Gone and their "
                    "images are deleted.",
                    len(articles),
                )
                % len(articles),
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/articles/article/take_down.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Take down everywhere"),
                "opts": self.opts,
                "articles": articles,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    # Versions: list, compare, restore.

    def get_urls(self):
        return [
            path(
                "<int:pk>/versions/",
                self.admin_site.admin_view(self.versions_view),
                name="articles_article_versions",
            ),
            path(
                "<int:pk>/versions/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="articles_article_restore",
            ),
            *super().get_urls(),
        ]

    def _article_for_versions(self, request, pk):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def versions_view(self, request, pk):
        article = self._article_for_versions(request, pk)
        versions = list(history.versions_of(article))
        by_id = {version.pk: version for version in versions}
        newer = by_id.get(_int(request.GET.get("b"))) or (versions[:1] or [None])[0]
        older = by_id.get(_int(request.GET.get("a"))) or (
            versions[1] if len(versions) > 1 else None
        )
        diffs = history.compare(older, newer) if older and newer else []
        return TemplateResponse(
            request,
            "admin/articles/article/versions.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Versions of “%(title)s”") % {"title": article.title},
                "opts": self.opts,
                "original": article,
                "versions": versions,
                "older": older,
                "newer": newer,
                "diffs": diffs,
            },
        )

    def restore_view(self, request, pk, version_id):
        article = self._article_for_versions(request, pk)
        version = get_object_or_404(history.versions_of(article), pk=version_id)
        if request.method == "POST":
            services.article_version_restore(
                article=article, version=version, by=request.user, request=request
            )
            self.message_user(
                request,
                _("The earlier version's text is back; the article stays %(state)s.")
                % {"state": article.get_status_display().lower()},
                messages.SUCCESS,
            )
            return redirect("admin:articles_article_change", article.pk)
        return TemplateResponse(
            request,
            "admin/articles/article/restore.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Restore this version?"),
                "opts": self.opts,
                "original": article,
                "version": version,
                "diffs": history.compare(history.versions_of(article).first(), version),
            },
        )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class SiteSettingsAdminForm(KeepsUnpostedChoices):
    kept_when_not_posted = ("arabic_months",)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    form = SiteSettingsAdminForm
    list_display = ["name", "standing_line"]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
