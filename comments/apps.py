from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        import readercache
        from comments.models import Comment

        # A comment shows on its article's page only: a change of one retires that
        # page and its comment section, not the whole site; a new comment awaits
        # moderation and retires nothing until a moderator decides.
        readercache.watch(
            Comment,
            shown_on="article",
            shown_if=lambda comment: comment.status == Comment.Status.APPROVED,
        )
