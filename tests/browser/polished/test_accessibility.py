"""The reader pages of both editions pass axe-core (the accessibility engine behind
Lighthouse's accessibility score) with no violation, at a phone's and a desktop's
width: front page, article (its comment form's code loaded), section, keyword and
person pages.

axe-core comes from the npm registry, pinned, through
scripts/ensure-page-checkers (run here when it is missing); it is injected through
the browser's debugging protocol, which the pages' Content Security Policy does not
govern, so the pages keep their policy.
"""

import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.polished.conftest import EDITIONS, VIEWPORTS, viewport_id

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[3]
AXE = ROOT / ".cache/page-checkers/node_modules/axe-core/axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: [
      "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
  });
  return result.violations.map(v => ({
    rule: v.id,
    impact: v.impact,
    where: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
    why: v.nodes[0] && v.nodes[0].failureSummary,
  }));
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        made = subprocess.run(
            ["bash", str(ROOT / "scripts/ensure-page-checkers")],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode:
            pytest.fail(f"scripts/ensure-page-checkers failed: {made.stderr}")
    return AXE.read_text()


def reader_pages(newsdesk, edition: str) -> list[str]:
    with translation.override(edition):
        return [
            f"/{edition}/",
            newsdesk.lead[edition].get_absolute_url(),
            newsdesk.sections[0].get_absolute_url(),
            newsdesk.keyword.get_absolute_url(),
            newsdesk.reporter.get_absolute_url(),
            # Results with highlighted snippets: a word of the lead's headline.
            reverse("search:results")
            + "?"
            + urlencode({"q": newsdesk.lead[edition].title.split()[0]}),
        ]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_reader_pages_have_no_axe_violations(
    new_page, newsdesk, axe_source, edition, viewport
):
    page = new_page(viewport=viewport)
    found = {}
    for path in reader_pages(newsdesk, edition):
        page.goto(path)
        page.wait_for_load_state("load")
        if page.locator("[data-comment-form]").count():
            # The code and its field arrive when the reader starts writing.
            page.locator("input[name='name']").focus()
            page.locator("input[name='captcha_1']").wait_for()
        page.evaluate(axe_source)
        violations = page.evaluate(RUN_AXE)
        if violations:
            found[path] = violations
    assert not found, found
