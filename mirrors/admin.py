from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import (
    AdminTextareaWidget,
    AdminTextInputWidget,
    AdminURLFieldWidget,
)
from django.utils.translation import gettext_lazy as _

from mirrors.models import Mirror, ReachPage, TipsPage

RTL = {"dir": "rtl", "lang": "ar"}
LTR = {"dir": "ltr"}


def bilingual_widgets(model, *, ltr=()) -> dict:
    """Arabic fields are typed right-to-left; addresses left-to-right."""
    widgets = {}
    for field in model._meta.get_fields():
        name = getattr(field, "name", "")
        if name.endswith("_ar"):
            is_text = field.get_internal_type() == "TextField"
            kind = AdminTextareaWidget if is_text else AdminTextInputWidget
            widgets[name] = kind(attrs=RTL)
    for name in ltr:
        widgets[name] = AdminTextInputWidget(attrs=LTR)
    return widgets


class MirrorForm(forms.ModelForm):
    class Meta:
        model = Mirror
        fields = ["url", "note", "note_ar", "is_listed", "position"]
        widgets = {
            "url": AdminURLFieldWidget(attrs=LTR),
            "note_ar": AdminTextInputWidget(attrs=RTL),
        }


@admin.register(Mirror)
class MirrorAdmin(admin.ModelAdmin):
    form = MirrorForm
    list_display = ["url", "note", "is_listed", "served_here", "position"]
    list_editable = ["is_listed", "position"]
    list_filter = ["is_listed"]
    search_fields = ["url", "note", "note_ar"]
    date_hierarchy = "created_at"

    @admin.display(
        boolean=True,
        description=_("served by this site"),
    )
    def served_here(self, mirror):
        # A mirror hosted elsewhere (a static copy) is not: that is fine. A reverse
        # proxy in front of this site must also be in MIRROR_HOSTS, or it gets 400.
        return mirror.is_served_here


class SingletonAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        # One record: added once, by someone allowed to add it.
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class ReachPageForm(forms.ModelForm):
    class Meta:
        model = ReachPage
        fields = [
            "intro", "intro_ar", "newsletter", "newsletter_ar",
            "channels", "channels_ar",
        ]  # fmt: skip
        widgets = bilingual_widgets(ReachPage)


@admin.register(ReachPage)
class ReachPageAdmin(SingletonAdmin):
    form = ReachPageForm
    list_display = ["__str__", "updated_at"]
    fieldsets = [
        (None, {"fields": ["intro", "intro_ar"]}),
        (_("Newsletter"), {"fields": ["newsletter", "newsletter_ar"]}),
        (_("Other channels"), {"fields": ["channels", "channels_ar"]}),
    ]


class TipsPageForm(forms.ModelForm):
    class Meta:
        model = TipsPage
        fields = [
            "intro", "intro_ar", "securedrop_onion", "channels", "channels_ar",
            "advice", "advice_ar",
        ]  # fmt: skip
        widgets = bilingual_widgets(TipsPage, ltr=["securedrop_onion"])


@admin.register(TipsPage)
class TipsPageAdmin(SingletonAdmin):
    form = TipsPageForm
    list_display = ["__str__", "securedrop_onion", "updated_at"]
    fieldsets = [
        (None, {"fields": ["intro", "intro_ar"]}),
        (_("Channels"), {"fields": ["securedrop_onion", "channels", "channels_ar"]}),
        (_("Safety advice"), {"fields": ["advice", "advice_ar"]}),
    ]
