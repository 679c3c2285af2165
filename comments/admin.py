from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments import services
from comments.models import Comment, SenderBan


class AwaitingArticleFilter(admin.SimpleListFilter):
    """Articles with comments, newest activity first: never a list of every article."""

    title = _("article")
    parameter_name = "article"
    LIMIT = 30

    def lookups(self, request, model_admin):
        rows = (
            Comment.objects.order_by("-created_at")
            .values_list("article_id", "article__title")
            .distinct()[: self.LIMIT * 5]
        )
        seen = {}
        for pk, title in rows:
            seen.setdefault(str(pk), Truncator(title).chars(60))
        return list(seen.items())[: self.LIMIT]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(article_id=self.value())
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "status",
        "article",
        "name",
        "email",
        "excerpt",
        "created_at",
        "sender",
    ]
    list_display_links = ["excerpt"]
    list_filter = ["status", AwaitingArticleFilter]
    list_select_related = ["article"]
    search_fields = ["name", "email", "body", "article__title", "sender_hash"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject", "mark_spam"]
    list_per_page = 50
    readonly_fields = [
        "article", "name", "email", "body", "status", "sender", "created_at",
        "decided_at", "decided_by", "email_erased_at",
    ]  # fmt: skip
    fields = readonly_fields

    def get_ordering(self, request):
        # Pending comments first, then the newest.
        waiting_last = Case(
            When(status=Comment.Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [waiting_last.asc(), "-created_at"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(comment.body).chars(120)

    @admin.display(description=_("sender"), ordering="sender_hash")
    def sender(self, comment):
        url = (
            reverse("admin:comments_senderban_add")
            + f"?sender_hash={comment.sender_hash}"
        )
        return format_html(
            '<code>{}</code> <a href="{}">{}</a>',
            comment.sender_hash[:12],
            url,
            _("ban"),
        )

    def delete_model(self, request, obj):
        services.comment_delete(comments=[obj], moderator=request.user, request=request)

    def delete_queryset(self, request, queryset):
        services.comment_delete(
            comments=queryset, moderator=request.user, request=request
        )

    def _decide(self, request, queryset, decide, message):
        count = decide(comments=queryset, moderator=request.user, request=request)
        self.message_user(request, message(count) % count, messages.SUCCESS)

    @admin.action(
        permissions=["change"], description=_("Approve the selected comments")
    )
    def approve(self, request, queryset):
        self._decide(
            request,
            queryset,
            services.comment_approve,
            lambda n: ngettext("%d comment approved.", "%d comments approved.", n),
        )

    @admin.action(permissions=["change"], description=_("Reject the selected comments"))
    def reject(self, request, queryset):
        self._decide(
            request,
            queryset,
            services.comment_reject,
            lambda n: ngettext("%d comment rejected.", "%d comments rejected.", n),
        )

    @admin.action(
        permissions=["change"], description=_("Mark the selected comments as spam")
    )
    def mark_spam(self, request, queryset):
        self._decide(
            request,
            queryset,
            services.comment_mark_spam,
            lambda n: ngettext(
                "%d comment marked as spam.", "%d comments marked as spam.", n
            ),
        )


class SenderBanForm(forms.ModelForm):
    DURATIONS = {
        "1h": (_("one hour"), timedelta(hours=1)),
        "1d": (_("one day"), timedelta(days=1)),
        "7d": (_("one week"), timedelta(days=7)),
        "30d": (_("30 days"), timedelta(days=30)),
        "365d": (_("one year"), timedelta(days=365)),
    }
    duration = forms.ChoiceField(
        label=_("ban for"),
        choices=[(key, label) for key, (label, _delta) in DURATIONS.items()],
        initial="1d",
    )

    class Meta:
        model = SenderBan
        fields = ["sender_hash", "reason"]

    def save(self, commit=True):
        self.instance.until = (
            timezone.now() + self.DURATIONS[self.cleaned_data["duration"]][1]
        )
        return super().save(commit)


@admin.register(SenderBan)
class SenderBanAdmin(admin.ModelAdmin):
    form = SenderBanForm
    list_display = [
        "sender_hash",
        "until",
        "is_active",
        "reason",
        "created_by",
        "created_at",
    ]
    search_fields = ["sender_hash", "reason"]
    date_hierarchy = "created_at"
    list_select_related = ["created_by"]
    readonly_fields = ["created_by", "created_at"]

    @admin.display(boolean=True, description=_("active"))
    def is_active(self, ban):
        return ban.is_active

    def save_model(self, request, obj, form, change):
        services.sender_ban_save(ban=obj, by=request.user, request=request)

    def delete_model(self, request, obj):
        services.sender_ban_lift(bans=[obj], by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        services.sender_ban_lift(bans=queryset, by=request.user, request=request)
