from django import template
from django.utils.html import Urlizer, linebreaks
from django.utils.safestring import SafeString, mark_safe

from comments.forms import CommentForm
from comments.models import Comment
from comments.selectors import approved_comments_page
from comments.senders import sender_hash_for

register = template.Library()


class CommentUrlizer(Urlizer):
    """Links in readers' text pass no ranking and get no hold on our page."""

    url_template = '<a href="{href}" rel="nofollow ugc noopener"{attrs}>{url}</a>'


urlize_comment = CommentUrlizer()


@register.filter
def comment_html(text: str) -> SafeString:
    """A comment's plain text as HTML: escaped, line breaks kept, addresses linked."""
    # The urlizer escapes every word it does not turn into a link, so the paragraphs
    # that linebreaks adds wrap text that is already safe.
    linked = urlize_comment(text, trim_url_limit=60, nofollow=False, autoescape=True)
    return mark_safe(linebreaks(linked, autoescape=False))


@register.inclusion_tag("comments/_section.html", takes_context=True)
def article_comments(context, article) -> dict:
    """The article page's comment section: count, approved comments and the form."""
    request = context["request"]
    form = None
    if article.comments_open:
        form = CommentForm(article=article, sender_hash=sender_hash_for(request))
    return {
        "article": article,
        "comments_page": approved_comments_page(
            article=article, number=request.GET.get("comments")
        ),
        "form": form,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def comments_awaiting_moderation() -> int:
    return Comment.objects.awaiting_moderation().count()
