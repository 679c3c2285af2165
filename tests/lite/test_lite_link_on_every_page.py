"""Every full page's masthead links its edition's lite front page."""

import pytest
from django.urls import reverse
from django.utils import translation


@pytest.mark.parametrize("language", ["en", "ar"])
def test_full_pages_link_the_lite_edition(client, lite_story, language):
    article = lite_story.english if language == "en" else lite_story.arabic
    with translation.override(language):
        lite = reverse("lite:front")
        pages = [
            reverse("articles:home"),
            article.get_absolute_url(),
            article.section.get_absolute_url(),
        ]
    for url in pages:
        html = client.get(url).content.decode()
        assert f'<a href="{lite}">' in html, url
