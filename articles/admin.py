from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles import services
from articles.models import Article, Keyword, Section, SiteSettings


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


class ArticleAdminForm(forms.ModelForm):
    def validate_unique(self):
        # Linking a translation that was linked elsewhere moves it; the service
        # unlinks the old pair, so uniqueness of the link is not the editor's problem.
        exclude = self._get_validation_exclusions()
        exclude.add("translation")
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "language",
        "section",
        "status",
        "published_at",
        "is_breaking",
        "is_live",
    ]
    list_filter = ["language", "status", "is_breaking", "section"]
    list_select_related = ["section"]
    search_fields = ["title", "lead", "reporter_credit", "translator_credit"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section", "keywords", "translation"]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "withdraw"]
    fieldsets = [
        (None, {"fields": ["language", "title", "slug", "section", "lead", "body"]}),
        (
            _("Credits"),
            {"fields": ["source_label", "reporter_credit", "translator_credit"]},
        ),
        (_("Keywords"), {"fields": ["keywords"]}),
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
            {"fields": ["image", "image_alt", "image_caption", "image_credit"]},
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_breaking",
                    "comments_open",
                    "created_at",
                    "updated_at",
                ],
                "description": _(
                    "Set a future publication time to schedule an article: it appears "
                    "to readers at that time, with nothing else to do."
                ),
            },
        ),
    ]

    @admin.display(boolean=True, description=_("visible to readers"))
    def is_live(self, article):
        return article.is_published

    def save_model(self, request, obj, form, change):
        services.article_save(
            article=obj,
            by=request.user,
            changed_fields=form.changed_data,
            created=not change,
            request=request,
        )

    def delete_model(self, request, obj):
        services.article_delete(articles=[obj], by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        services.article_delete(articles=queryset, by=request.user, request=request)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("source_label", SiteSettings.load().name)
        return initial

    @admin.action(
        permissions=["change"], description=_("Publish the selected articles")
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
        permissions=["change"], description=_("Withdraw the selected articles")
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


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    list_display = ["name", "standing_line"]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
