from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article
from comments import services
from comments.forms import RATE_LIMITED, CommentForm
from newsportal.senders import sender_hash_for

THANKS = _("Thank you. Your comment will appear once a moderator approves it.")
# Where the article page shows the thanks: just above its comment section, so that
# the reader, taken there, reads it (rather than at the top of a long page).
THANKS_ANCHOR = "#comment-status"


def open_article(article_pk) -> Article:
    return get_object_or_404(Article.objects.published(), pk=article_pk)


@never_cache
@require_GET
def comment_challenge(request, article_pk):
    """The per-visitor part of the form: a fresh captcha and once-only token."""
    article = open_article(article_pk)
    if not article.comments_open:
        raise Http404
    form = CommentForm(article=article, sender_hash=sender_hash_for(request))
    return render(request, "comments/_form.html#challenge", {"form": form})


# Comment posts carry no session and change nothing a visitor is logged in for; the
# captcha and the signed once-only token are their protection. Exempting them from
# CSRF lets the form live on pages cached for every reader, with JavaScript off too.
@csrf_exempt
@require_POST
def comment_submit(request, article_pk):
    article = open_article(article_pk)
    if not article.comments_open:
        return render(request, "comments/closed.html", {"article": article}, status=403)
    sender = sender_hash_for(request)
    form = CommentForm(data=request.POST, article=article, sender_hash=sender)
    if form.is_bot or form.previous_submission():
        # Bots get the same answer as people and learn nothing; a repeated post of a
        # stored comment is answered as the first one was.
        messages.success(request, THANKS)
        return redirect(article.get_absolute_url() + THANKS_ANCHOR)
    if "new_captcha" in request.POST or form.awaits_challenge:
        # The no-JavaScript way to the code, or to a new image: the same form with a
        # fresh captcha, nothing the reader typed lost.
        asking_for_code = form.awaits_challenge
        form = CommentForm.keeping(request.POST, article=article, sender_hash=sender)
        return render(
            request,
            "comments/post.html",
            {"article": article, "form": form, "asking_for_code": asking_for_code},
        )
    if form.is_valid():
        try:
            services.comment_submit(
                article=article,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                body=form.cleaned_data["body"],
                sender_hash=sender,
                token=form.submission_token,
            )
        except services.SenderRateLimited as refused:
            form.retry_after = refused.retry_after
            form.add_error(None, RATE_LIMITED)
        else:
            messages.success(request, THANKS)
            return redirect(article.get_absolute_url() + THANKS_ANCHOR)
    # Refused by the rate limit: 429 says "later, not never", and when.
    status = 400 if form.retry_after is None else 429
    response = render(
        request, "comments/post.html", {"article": article, "form": form}, status=status
    )
    if form.retry_after is not None:
        response["Retry-After"] = str(form.retry_after)
    return response
