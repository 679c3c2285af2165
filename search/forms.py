from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    # No maxlength on the input: a longer query is answered with a message that
    # keeps what was typed, rather than cut short by the browser unseen.
    q = forms.CharField(label=_("Search"), required=False, strip=True)

    def clean_q(self):
        query = self.cleaned_data["q"]
        limit = settings.SEARCH_MAX_QUERY_LENGTH
        if len(query) > limit:
            raise forms.ValidationError(
                _(
                    "Please shorten your search to %(limit)d characters or fewer "
                    "(it has %(length)d)."
                ),
                params={"limit": limit, "length": len(query)},
                code="too_long",
            )
        return query
