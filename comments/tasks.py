"""Work done outside the reader's request: telling moderators a comment waits."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext as _

from comments.models import Comment

MODERATORS_GROUP = "Moderators"


@task
def notify_moderators(comment_pk: int) -> int:
    """E-mail every active moderator with an address; returns how many were sent to."""
    comment = Comment.objects.select_related("article").filter(pk=comment_pk).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return 0
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return 0
    queue_url = settings.SITE_URL + reverse("admin:comments_comment_changelist")
    subject = _("A comment awaits moderation: %(title)s") % {
        "title": comment.article.title
    }
    message = _(
        "%(name)s commented on “%(title)s”:\n\n%(body)s\n\n"
        "Approve or reject it in the moderation queue: %(url)s?status__exact=pending"
    ) % {
        "name": comment.name,
        "title": comment.article.title,
        "body": comment.body,
        "url": queue_url,
    }
    send_mail(subject, message, None, recipients)
    return len(recipients)
