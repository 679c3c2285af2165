"""The parts of pages that list or frame articles: the front page's blocks,
teasers and an article's keyword line, each rendered once per version and edition
(see ``readercache.fragments``)."""

from functools import partial

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from articles import selectors
from readercache.fragments import cached_for_readers, cached_many_for_readers

register = template.Library()


@register.simple_tag
def front_page_blocks() -> SafeString:
    """The front page's lead story, latest articles and section blocks: the same for
    every reader of an edition, so rendered once per version and kept (until
    the next scheduled publication, which changes them)."""
    return cached_for_readers(
        f"front-page:{translation.get_language()}",
        lambda: render_to_string(
            "articles/_front_page.html", {"front": selectors.front_page()}
        ),
    )


@register.simple_tag
def article_keywords(article) -> SafeString:
    """The article's keyword links, rendered once per article, edition and content
    version: like its comment section, the same for every reader."""
    return cached_for_readers(
        f"keywords:{translation.get_language()}:{article.pk}",
        lambda: render_to_string(
            "articles/_keywords.html", {"keywords": list(article.keywords.all())}
        ),
        scheduled=False,
    )


@register.simple_tag
def teaser_list(
    articles, *, show_section=False, with_image=False, with_lead=False, lead_first=False
) -> SafeString:
    """Teasers of ``articles``, in order. Each teaser's HTML is the same on every page
    that lists the article, so it is rendered once per version and edition
    and kept; the listing itself (which articles, in which order) is read fresh.

    ``with_lead`` gives every teaser its summary, ``lead_first`` only the first.
    """
    language = translation.get_language()

    def variant(position: int) -> dict:
        return {
            "show_section": show_section,
            "with_image": with_image,
            "with_lead": with_lead or (lead_first and position == 0),
        }

    builds = {}
    names = []
    for position, article in enumerate(articles):
        options = variant(position)
        name = "teaser:{language}:{pk}:{flags}".format(
            language=language,
            pk=article.pk,
            flags="".join("1" if on else "0" for on in options.values()),
        )
        names.append(name)
        builds[name] = partial(
            render_to_string, "articles/_teaser.html", {"article": article, **options}
        )
    teasers = cached_many_for_readers(builds) if builds else {}
    return mark_safe("".join(teasers[name] for name in names))
