from django import template
from django.template.loader import render_to_string
from django.utils.html import Urlizer, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from articles.models import Article
from comments.forms import CommentForm
from comments.models import Comment
from comments.selectors import approved_comments_page
from readercache import scope_of
from readercache.fragments import cached_for_readers
from readercache.pages import page_number_shown

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


@register.simple_tag(takes_context=True)
def article_comments(context, article) -> SafeString:
    """The article page's comment section: count, approved comments and the form.

    The same for every reader (the form's per-visitor parts load separately), so it
    is rendered once per article, comment page and edition, and kept until the next
    change of the site or of this article's comments. A number beyond the last page
    shows the last one, and the page cache sends the reader to its address
    (``readercache.pages.page_number_shown``) rather than keep another copy.
    """
    request = context["request"]
    number = request.GET.get("comments", "")
    if not (number == "" or (number.isdigit() and len(number) <= 4)):
        html, shown = render_comment_section(article, number)
    else:
        html, shown = cached_for_readers(
            f"comments:{article.pk}:{get_language()}:{number or 1}",
            lambda: render_comment_section(article, number),
            scope=scope_of(Article, article.pk),
            scheduled=False,
            keep=lambda section: section[1] == int(number or 1),
        )
    page_number_shown(request, "comments", shown)
    return html


def render_comment_section(article, number) -> tuple[SafeString, int]:
    """The section's HTML and the number of the comment page it shows."""
    form = (
        CommentForm(article=article, sender_hash="") if article.comments_open else None
    )
    page = approved_comments_page(article=article, number=number)
    html = render_to_string(
        "comments/_section.html",
        {"article": article, "comments_page": page, "form": form},
    )
    return html, page.number


@register.simple_tag
def comments_awaiting_moderation() -> int:
    return Comment.objects.awaiting_moderation().count()
