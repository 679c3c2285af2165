"""An article's first view stays light: at most 100 KB in all, the HTML at most
15 KB, counted as production sends them (see scripts/browser/page_weight.py), with a
main image of a photo's weight, not a flat colour."""

import pytest
from django.core.files.base import ContentFile

from articles.demo.data import read_articles
from scripts.browser.page_weight import KB, measure_first_view
from tests.browser.conftest import DESKTOP
from tests.photos import encoded, photo_like

pytestmark = pytest.mark.browser

BUDGET = 100 * KB
HTML_BUDGET = 15 * KB
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def story(newsroom):
    """The newsroom's lead story with the longest demo body and a 1600 x 900
    photo-like JPEG as uploaded (about 310 KB)."""
    longest = max(read_articles("en"), key=lambda data: len(data.body))
    article = newsroom.breaking
    article.lead = longest.lead
    article.body = longest.body
    photo = encoded(photo_like(1600, 900), "JPEG", quality=85)
    article.image.save("street.jpg", ContentFile(photo), save=False)
    article.save()
    return article


@pytest.mark.parametrize(
    ("viewport", "scale"),
    [(PHONE, 1), (PHONE, 2), (PHONE, 3), (DESKTOP, 1), (DESKTOP, 2)],
    ids=["phone", "phone-2x", "phone-3x", "desktop", "desktop-2x"],
)
def test_article_first_view_is_at_most_100_kb(new_page, story, viewport, scale):
    page = new_page(viewport=viewport, device_scale_factor=scale)

    view = measure_first_view(page, story.get_absolute_url())
    print(view.breakdown(BUDGET))

    assert view.total <= BUDGET, view.breakdown(BUDGET)
    assert view.size_of("document") <= HTML_BUDGET, view.breakdown(BUDGET)
    images = [t.path for t in view.transfers if t.kind == "image"]
    # One rendition, chosen for the width; never the 310 KB original.
    assert len(images) == 1, view.breakdown(BUDGET)
    assert images[0].endswith("w.webp"), view.breakdown(BUDGET)
    assert {t.kind for t in view.transfers} >= {
        "document",
        "stylesheet",
        "script",
        "image",
        "favicon",
    }, view.breakdown(BUDGET)
