from django.contrib import admin
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from articles.admin import ArticleAdmin
from people.models import Credit, Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "name_ar", "slug", "is_pseudonym", "has_photo"]
    list_filter = ["is_pseudonym"]
    search_fields = ["name", "name_ar", "slug", "slug_ar"]
    prepopulated_fields = {"slug": ["name"], "slug_ar": ["name_ar"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "name_ar", "slug_ar", "is_pseudonym"]}),
        (_("About"), {"fields": ["bio", "bio_ar", "photo"]}),
    ]

    @admin.display(boolean=True, description=_("photo"))
    def has_photo(self, person):
        return bool(person.photo)


class CreditFormSet(BaseInlineFormSet):
    """The article form's credits. A post of the article form without the credits'
    part (a script, an older form, another app's tests) leaves them as they are
    instead of failing the whole form for the missing management data."""

    def __init__(self, data=None, *args, prefix=None, **kwargs):
        prefix = prefix or self.get_default_prefix()
        if data is not None and f"{prefix}-{TOTAL_FORM_COUNT}" not in data:
            data = data.copy()
            data[f"{prefix}-{TOTAL_FORM_COUNT}"] = "0"
            data[f"{prefix}-{INITIAL_FORM_COUNT}"] = "0"
        super().__init__(data, *args, prefix=prefix, **kwargs)


class CreditInline(admin.TabularInline):
    model = Credit
    formset = CreditFormSet
    fields = ["role", "person", "is_name_withheld", "position"]
    autocomplete_fields = ["person"]
    ordering = ["role", "position", "pk"]
    extra = 1
    verbose_name = _("credit")
    verbose_name_plural = _(
        "Credits (people): when a role has none, the free-text credit above is shown"
    )


# Credits are edited on the article's own form. The inline is added from here so
# that articles never imports people.
ArticleAdmin.inlines = [*ArticleAdmin.inlines, CreditInline]
