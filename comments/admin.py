from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

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


def earlier_from_sender(status: str) -> Coalesce:
    """How many comments of this status the same sender had before this one: one
    indexed count per row of a page of 50."""
    earlier = (
        Comment.objects.filter(
            sender_hash=OuterRef("sender_hash"),
            created_at__lt=OuterRef("created_at"),
            status=status,
        )
        .order_by()
        .values("sender_hash")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(earlier, output_field=IntegerField()), Value(0))


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """The moderation queue: each comment whole, with what a moderator needs to
    decide, and the decision buttons on the comment itself."""

    list_display_links = None
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
    change_form_template = "admin/comments/comment/change_form.html"
    DECISIONS = {
        "approve": services.comment_approve,
        "reject": services.comment_reject,
        "spam": services.comment_mark_spam,
    }

    class Media:
        css = {"all": ["css/moderation.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                approved_before=earlier_from_sender(Comment.Status.APPROVED),
                rejected_before=earlier_from_sender(Comment.Status.REJECTED),
            )
        )

    def get_urls(self):
        decide = self.admin_site.admin_view(require_POST(self.decide_view))
        return [
            path("<int:pk>/decide/", decide, name="comments_comment_decide"),
            *super().get_urls(),
        ]

    def get_list_display(self, request):
        may_decide = self.has_change_permission(request)

        @admin.display(description=_("comment"))
        def moderation_card(comment):
            decisions = self.decisions_for(comment) if may_decide else []
            return mark_safe(  # the template escapes everything it shows
                render_to_string(
                    "admin/comments/comment/_moderation_card.html",
                    {"comment": comment, "decisions": decisions},
                )
            )

        return [moderation_card]

    @staticmethod
    def decisions_for(comment: Comment) -> list[tuple[str, str]]:
        """The decisions that would change the comment's status."""
        buttons = [
            ("approve", Comment.Status.APPROVED, _("Approve")),
            ("reject", Comment.Status.REJECTED, _("Reject")),
            ("spam", Comment.Status.SPAM, _("Spam")),
        ]
        return [
            (value, label)
            for value, status, label in buttons
            if status != comment.status
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        comment = self.get_object(request, object_id)
        extra_context = {**(extra_context or {})}
        if comment is not None and self.has_change_permission(request, comment):
            extra_context["decisions"] = self.decisions_for(comment)
        return super().change_view(request, object_id, form_url, extra_context)

    def decide_view(self, request, pk):
        comment = get_object_or_404(Comment, pk=pk)
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        decision = request.POST.get("decision", "")
        decide = self.DECISIONS.get(decision)
        if decide is None:
            self.message_user(
                request, _("Choose approve, reject or spam."), messages.ERROR
            )
            return redirect("admin:comments_comment_change", pk)
        decide(comments=[comment], moderator=request.user, request=request)
        self.message_user(request, self.decided_message(decision), messages.SUCCESS)
        return self.to_next_pending(request, comment)

    @staticmethod
    def decided_message(decision: str) -> str:
        return {
            "approve": _("Comment approved."),
            "reject": _("Comment rejected."),
            "spam": _("Comment marked as spam."),
        }[decision]

    def to_next_pending(self, request, comment):
        """Back where the moderator was, with the next comment waiting in view."""
        following = (
            Comment.objects.filter(status=Comment.Status.PENDING)
            .filter(created_at__lt=comment.created_at)
            .order_by("-created_at")
            .values_list("pk", flat=True)
            .first()
        ) or Comment.objects.filter(status=Comment.Status.PENDING).order_by(
            "-created_at"
        ).values_list("pk", flat=True).first()
        if request.POST.get("from") == "change" and following:
            return redirect("admin:comments_comment_change", following)
        back = request.POST.get("back", "")
        if not back.startswith(reverse("admin:comments_comment_changelist")):
            back = (
                reverse("admin:comments_comment_changelist") + "?status__exact=pending"
            )
        return redirect(back + (f"#comment-{following}" if following else ""))

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
