"""Staff accounts for trying the demo: an editor and a moderator."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

# (username, group, label); the groups come from migration articles/0002.
DEMO_ACCOUNTS = [
    ("editor", "Editors", "Demo editor"),
    ("moderator", "Moderators", "Demo moderator"),
]


def create_demo_accounts() -> list[str]:
    """Create the missing demo accounts; return one line per account to print.

    The generated passwords appear only in these lines, so they are shown once.
    """
    User = get_user_model()
    lines = []
    for username, group_name, label in DEMO_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            lines.append(f"{label}: user {username} already exists; left unchanged.")
            continue
        password = secrets.token_urlsafe(12)
        # A local address, so the moderator's notifications show in the console.
        user = User.objects.create_user(
            username=username,
            password=password,
            email=f"{username}@localhost",
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=group_name))
        lines.append(f"{label}: username {username}, password {password}")
    return lines
