"""No page breaks its own Content Security Policy.

Chromium is made to report every violation two ways: a ``securitypolicyviolation``
listener installed before any page script runs (an init script, which the page's
policy does not govern), and the console, where Chromium also logs what it refused.
Public pages of both editions and the admin's main pages are opened; each must end
with nothing refused.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import BrowserContext, ConsoleMessage, Page

from articles.models import Article, now_to_the_second
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory
from tests.staff_login import SignedInClient, give_totp, totp_code

pytestmark = pytest.mark.browser

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
    + (event.sample ? ` (${event.sample})` : "")
  );
}, true);
"""

# Violation events are queued as tasks: let the page's queue run before reading.
SETTLE = "() => new Promise((done) => setTimeout(done, 150))"


@dataclass
class ViolationLog:
    violations: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.expose_function("__reportCspViolation", self.record)
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self.on_console)

    def record(self, violation: str) -> None:
        self.violations.append(violation)

    def on_console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.violations.append(f"console: {message.text}")


def visit(page: Page, path: str, log: ViolationLog, status: int = 200) -> None:
    response = page.goto(path)
    assert response is not None and response.status == status, path
    page.wait_for_load_state("networkidle")
    page.evaluate(SETTLE)
    assert log.violations == [], f"{path}: {log.violations}"


def log_in_to_admin(context: BrowserContext, base_url: str, user) -> None:
    """Give the browser the session a staff member has after signing in: password
    and second factor passed."""
    client = SignedInClient()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
    )


@dataclass
class WatchedPage:
    page: Page
    log: ViolationLog


@pytest.fixture
def watched(new_page) -> WatchedPage:
    """A page in a fresh context whose policy violations are recorded."""
    log = ViolationLog()
    page = new_page()
    log.watch(page.context)
    return WatchedPage(page, log)


@dataclass
class Site:
    english: Article
    arabic: Article
    section_slug: str
    keyword_slug: str
    keyword_slug_ar: str


@pytest.fixture
def site(transactional_db) -> Site:
    section = SectionFactory(name="News", name_ar="أخبار")
    keyword = KeywordFactory(
        name="Water", slug="water", name_ar="المياه", slug_ar="مياه"
    )
    published = now_to_the_second() - timedelta(minutes=5)
    english = ArticleFactory(
        title="Pumps restart at the western water station",
        section=section,
        keywords=[keyword],
        is_breaking=True,
        published_at=published,
    )
    arabic = ArticleFactory(
        title="عودة المضخات إلى العمل في محطة المياه الغربية",
        slug="عودة-المضخات",
        language="ar",
        section=section,
        keywords=[keyword],
        published_at=published,
    )
    CommentFactory(article=english, body="Thank you for this report.")
    CommentFactory(article=arabic, body="شكراً على هذا التقرير.")
    return Site(english, arabic, section.slug, keyword.slug, keyword.slug_ar)


def public_pages(site: Site) -> list[str]:
    return [
        "/en/",
        site.english.get_absolute_url(),
        f"/en/sections/{site.section_slug}/",
        f"/en/keywords/{site.keyword_slug}/",
        "/ar/",
        site.arabic.get_absolute_url(),
        f"/ar/sections/{site.section_slug}/",
        f"/ar/keywords/{site.keyword_slug_ar}/",
    ]


def test_public_pages_of_both_editions_break_no_policy(watched, site):
    page, log = watched.page, watched.log

    for path in public_pages(site):
        visit(page, path, log)
        if path.startswith(("/en/articles/", "/ar/articles/")):
            # Starting to write fetches the captcha and token (comments.js).
            page.locator("form.comment-form input[name=name]").focus()
            page.locator("form.comment-form img.captcha-image").wait_for()
            page.evaluate(SETTLE)
            assert log.violations == [], f"{path} challenge: {log.violations}"


def test_the_comment_post_answer_breaks_no_policy(watched, page_guard, site):
    page, log = watched.page, watched.log
    visit(page, site.english.get_absolute_url(), log)
    form = page.locator("form.comment-form")
    form.locator("input[name=name]").fill("Samira Haddad")
    form.locator("input[name=email]").fill("samira@example.com")
    form.locator("textarea[name=body]").fill("A comment with a wrong code.")
    form.locator("input[name=captcha_1]").fill("wrong")
    page_guard.expect_error_status(
        reverse("comments:submit", kwargs={"article_pk": site.english.pk})
    )

    with page.expect_navigation():
        form.get_by_role("button", name="Post comment").click()
    page.wait_for_load_state("networkidle")
    page.evaluate(SETTLE)

    assert page.locator("form.comment-form img.captcha-image").is_visible()
    assert log.violations == []


def test_missing_pages_of_both_editions_break_no_policy(watched, page_guard, site):
    page, log = watched.page, watched.log

    for path in ("/en/no-such-page/", "/ar/no-such-page/"):
        page_guard.expect_error_status(path)
        visit(page, path, log, status=404)


def test_staff_sign_in_and_its_second_factor_step_break_no_policy(
    watched, admin_user, site
):
    page, log = watched.page, watched.log
    give_totp(admin_user)

    # The admin's login sends staff to the sign-in page.
    visit(page, reverse("admin:login"), log)
    page.locator("input[name=login]").fill(admin_user.username)
    page.locator("input[name=password]").fill("password")
    page.locator("main form button[type=submit]").first.click()
    page.locator("input[name=code]").wait_for()
    page.wait_for_load_state("networkidle")
    page.evaluate(SETTLE)
    assert log.violations == [], f"factor step: {log.violations}"
    page.locator("input[name=code]").fill(totp_code())
    page.locator("main form button[type=submit]").first.click()

    page.wait_for_url(f"**{reverse('admin:index')}")
    page.wait_for_load_state("networkidle")
    page.evaluate(SETTLE)
    assert log.violations == []


def test_admin_editor_and_comment_queue_break_no_policy(
    watched, live_server, admin_user, site
):
    page, log = watched.page, watched.log
    log_in_to_admin(page.context, live_server.url, admin_user)

    visit(page, reverse("admin:index"), log)
    visit(page, reverse("admin:articles_article_add"), log)
    page.locator(".prose-editor .tiptap[contenteditable=true]").wait_for()
    visit(page, reverse("admin:articles_article_change", args=[site.english.pk]), log)
    editor = page.locator(".prose-editor .tiptap[contenteditable=true]")
    editor.wait_for()
    editor.click()
    page.keyboard.type(" Typed in the editor.")
    page.evaluate(SETTLE)
    # The editor works: what was typed reaches the form's field.
    body = page.locator("textarea[name=body]").input_value()
    assert "Typed in the editor." in body
    assert log.violations == []
    visit(page, reverse("admin:comments_comment_changelist"), log)
