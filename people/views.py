from django.http import Http404
from django.shortcuts import redirect, render

from articles import selectors as article_selectors
from articles.views import paginate
from people import selectors
from people.models import Person


def person_detail(request, slug):
    person = Person.objects.for_address(slug)
    if person is None:
        raise Http404
    if slug != person.local_slug:
        # Each edition names the person in its own language.
        return redirect(person, permanent=True)
    articles = selectors.articles_credited_to(person=person)
    page = paginate(
        request,
        articles,
        count=article_selectors.listing_count(f"person:{person.pk}", articles),
    )
    return render(
        request,
        "people/detail.html",
        {"person": person, "page": page, "show_section": True},
    )
