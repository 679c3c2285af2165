"""The lite edition: plain HTML for readers on slow or costly links. No image, script
or stylesheet; the same stories, through the same reader cache as the full pages."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from articles.models import Article
from articles.views import gone, paginate
from lite import selectors
from readercache import scope_of
from readercache.pages import cache_page_for_readers


@cache_page_for_readers(parameters=("page",))
def front(request):
    page = paginate(request, selectors.front_headlines(), count=selectors.front_count())
    return render(request, "lite/front.html", {"page": page})


@cache_page_for_readers(scope=lambda pk, **kwargs: scope_of(Article, pk))
def article(request, pk):
    story = selectors.article_for_readers(pk)
    if story is None:
        if selectors.is_taken_down(pk):
            return gone(request)
        raise Http404
    if story.language != get_language():
        with translation.override(story.language):
            return redirect(reverse("lite:article", args=[pk]), permanent=True)
    return render(
        request,
        "lite/article.html",
        {
            "article": story,
            "comment_count": selectors.approved_comment_count(story),
        },
    )
