"""A site for the backup tests, run in its own process against the database and media
folder its environment names (DATABASE_URL, MEDIA_ROOT), as an operator's commands are:

    python -m tests.backups.site make       # content made with the factories
    python -m tests.backups.site describe   # what the site holds and shows, as JSON
    python -m tests.backups.site tables     # how many tables the database has
"""

import json
import os
import sys
from datetime import timedelta

import django

OLD_DECISION_DAYS = 400


def make() -> None:
    from django.utils import timezone

    from comments.models import Comment
    from tests.comments.helpers import CommentFactory
    from tests.factories import ArticleFactory, SectionFactory, make_staff_user
    from tests.photos import encoded, photo_like, upload
    from tests.staff_login import give_totp

    section = SectionFactory(name="Backups section")
    articles = [
        ArticleFactory(
            title=f"Restored story {n}",
            section=section,
            image=upload(encoded(photo_like(900, 500, seed=n), quality=80), "p.jpg"),
            image_alt=f"A street, picture {n}",
        )
        for n in range(3)
    ]
    articles.append(ArticleFactory(title="A story without a picture", section=section))
    moderator = make_staff_user("moderator", "Moderators")
    give_totp(make_staff_user("editor", "Editors"))
    first = articles[0]
    CommentFactory(article=first, body="Approved, with an e-mail.")
    CommentFactory(article=first, body="Approved, no e-mail.", email="")
    CommentFactory(article=first, body="Waiting, with an e-mail.", pending=True)
    long_ago = timezone.now() - timedelta(days=OLD_DECISION_DAYS)
    CommentFactory(
        article=articles[1],
        body="Decided long ago.",
        created_at=long_ago,
        decided_at=long_ago,
        decided_by=moderator,
    )
    CommentFactory(
        article=articles[1],
        body="Rejected yesterday.",
        rejected=True,
        decided_at=timezone.now() - timedelta(days=1),
        decided_by=moderator,
    )
    assert Comment.objects.count() == 5


def describe() -> dict:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import validate_totp_code
    from allauth.mfa.utils import decrypt
    from bs4 import BeautifulSoup
    from django.conf import settings
    from django.test import Client

    from articles.models import Article
    from comments.models import Comment
    from tests.staff_login import totp_code

    # As in the suite: plain static names, since no `collectstatic` ran.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    client = Client()
    pages = {}
    for article in Article.objects.published():
        response = client.get(article.get_absolute_url())
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        heading = soup.select_one("h1")
        pages[article.slug] = {
            "status": response.status_code,
            "heading": heading.get_text(strip=True) if heading else None,
            "images": sorted(img["src"] for img in soup.select("article img[src]")),
        }
    editor_factor = Authenticator.objects.get(user__username="editor", type="totp")
    return {
        "articles": list(
            Article.objects.order_by("slug").values(
                "slug", "title", "status", "image", "image_renditions", "image_alt"
            )
        ),
        "comments": list(
            Comment.objects.order_by("body").values(
                "body", "name", "email", "status", "article__slug", "submission_token"
            )
        ),
        "pages": pages,
        # The secret itself, not a code: a code used before the backup stays used
        # after the restore (the sign-in cache is a table, backed up with the rest).
        "editor_totp_accepts_code": validate_totp_code(
            decrypt(editor_factor.data["secret"]), totp_code()
        ),
    }


def tables() -> int:
    from django.db import connection

    return len(connection.introspection.table_names())


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
    django.setup()
    action = sys.argv[1]
    if action == "make":
        make()
    else:
        print(
            json.dumps({"describe": describe, "tables": tables}[action](), default=str)
        )
