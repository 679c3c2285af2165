from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.models import Article
from comments import services
from comments.forms import CommentForm
from comments.senders import sender_hash_for

THANKS = _("Thank you. Your comment will appear once a moderator approves it.")


@require_POST
def comment_submit(request, article_pk):
    article = get_object_or_404(Article.objects.published(), pk=article_pk)
    if not article.comments_open:
        return render(request, "comments/closed.html", {"article": article}, status=403)
    sender = sender_hash_for(request)
    form = CommentForm(data=request.POST, article=article, sender_hash=sender)
    if form.is_bot or form.previous_submission():
        # Bots get the same answer as people and learn nothing; a repeated post of a
        # stored comment is answered as the first one was.
        messages.success(request, THANKS)
        return redirect(article.get_absolute_url() + "#comments")
    if "new_captcha" in request.POST:
        # The no-JavaScript way to a new captcha image: the same form, nothing lost.
        form = CommentForm.keeping(request.POST, article=article, sender_hash=sender)
        return render(request, "comments/post.html", {"article": article, "form": form})
    if form.is_valid():
        services.comment_submit(
            article=article,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            body=form.cleaned_data["body"],
            sender_hash=sender,
            token=form.submission_token,
        )
        messages.success(request, THANKS)
        return redirect(article.get_absolute_url() + "#comments")
    return render(
        request, "comments/post.html", {"article": article, "form": form}, status=400
    )
