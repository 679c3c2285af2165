"""Staff of each role, signed in, and the admin's article screens, for desk tests."""

from django.urls import reverse

from tests.editions.test_admin_editions import change_form_data, change_url
from tests.factories import make_staff_user

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")

__all__ = ["ADD", "CHANGELIST", "change_form_data", "change_url", "signed_in"]


def signed_in(client, username: str, group: str):
    user = make_staff_user(username, group)
    client.force_login(user)
    return user


def run_action(client, action: str, articles, **extra):
    return client.post(
        CHANGELIST,
        {
            "action": action,
            "_selected_action": [article.pk for article in articles],
            **extra,
        },
        follow=True,
    )


def new_article_form(section, **fields) -> dict:
    """What the add form sends for a new English article."""
    data = {
        "language": "en",
        "title": "Filed from the desk",
        "slug": "filed-from-the-desk",
        "section": section.pk,
        "lead": "A lead written in the admin.",
        "body": "<p>Body.</p>",
        "source_label": "",
        "reporter_credit": "",
        "translator_credit": "",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "comments_open": "on",
        "status": "draft",
        "_save": "Save",
    }
    data.update(fields)
    return data
