from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from articles import selectors
from articles.models import Article, Correction, Keyword, KeywordListing, Section
from articles.preview import article_pk_of
from readercache import scope_of
from readercache.pages import cache_page_for_readers

PAGE_SIZE = 20


def paginate(request, queryset, *, count: int):
    """The requested page of ``queryset``, which holds ``count`` items; a bad or
    out-of-range number is a 404."""
    paginator = Paginator(queryset, PAGE_SIZE)
    paginator.count = count
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error


@cache_page_for_readers
def home(request):
    return render(request, "articles/home.html")


def gone(request):
    """What a taken-down article's address answers: 410 Gone, not 404."""
    return render(request, "articles/gone.html", status=410)


@cache_page_for_readers(
    parameters=("comments",), scope=lambda pk, **kwargs: scope_of(Article, pk)
)
def article_detail(request, pk, slug):
    articles = Article.objects.for_detail().exclude(status=Article.Status.REMOVED)
    if not request.user.has_perm("articles.change_article"):
        articles = articles.published()
    article = articles.filter(pk=pk).first()
    if article is None:
        if Article.objects.filter(pk=pk, status=Article.Status.REMOVED).exists():
            return gone(request)
        raise Http404
    if slug != article.slug or article.language != get_language():
        return redirect(article, permanent=True)
    return render(
        request,
        "articles/detail.html",
        {"article": article, "current_section": article.section},
    )


@cache_page_for_readers(parameters=("page",))
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    articles = Article.objects.published().in_current_edition().in_section(section)
    page = paginate(
        request,
        articles.for_listing(),
        count=selectors.listing_count(f"section:{section.pk}", articles),
    )
    return render(
        request,
        "articles/section.html",
        {
            "section": section,
            "page": page,
            "current_section": section,
            "current_section_is_page": True,
        },
    )


@cache_page_for_readers(parameters=("page",))
def keyword_detail(request, slug):
    keyword = Keyword.objects.for_address(slug)
    if keyword is None:
        raise Http404
    if slug != keyword.local_slug:
        # Each edition names the keyword in its own language.
        return redirect(keyword, permanent=True)
    listing = KeywordListing.objects.for_keyword(
        keyword=keyword, language=get_language()
    ).values_list("article_id", flat=True)
    page = paginate(
        request,
        listing,
        count=selectors.listing_count(f"keyword:{keyword.pk}", listing),
    )
    page.object_list = list(
        Article.objects.filter(pk__in=list(page.object_list)).for_listing()
    )
    return render(request, "articles/keyword.html", {"keyword": keyword, "page": page})


def article_by_number(request, pk):
    """An article's address without its slug (cut short, or typed from print):
    a permanent redirect to its full address."""
    article = get_object_or_404(
        Article.objects.published().only("pk", "slug", "language"), pk=pk
    )
    return redirect(article, permanent=True)


# Never stored by the reader cache (no cache_page_for_readers) nor by a browser or
# proxy: the page is for the one person the link was sent to.
@cache_control(private=True, no_store=True)
def article_preview(request, token):
    pk = article_pk_of(token)
    if pk is None:
        raise Http404
    articles = Article.objects.for_detail().exclude(status=Article.Status.REMOVED)
    article = get_object_or_404(articles, pk=pk, language=get_language())
    return render(
        request,
        "articles/detail.html",
        {"article": article, "current_section": article.section, "is_preview": True},
    )


@cache_page_for_readers
def corrections(request):
    notes = Correction.objects.for_readers()
    page = paginate(request, notes, count=selectors.listing_count("corrections", notes))
    return render(request, "articles/corrections.html", {"page": page})
