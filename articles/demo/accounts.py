"""Staff accounts for trying the demo: an editor and a moderator, each with a
second factor already set up, so that a newcomer can sign in at once."""

import secrets

from allauth.mfa.adapter import get_adapter as mfa_adapter
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

# (username, group, label); the groups come from migration articles/0002.
DEMO_ACCOUNTS = [
    ("editor", "Editors", "Demo editor"),
    ("moderator", "Moderators", "Demo moderator"),
]


def create_demo_accounts() -> list[str]:
    """Create the missing demo accounts; return the lines to print for them.

    The generated passwords, authenticator secrets and recovery codes appear only in
    these lines, so they are shown once.
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
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        codes = ", ".join(RecoveryCodes.activate(user).get_unused_codes()[:3])
        lines += [
            f"{label}: username {username}, password {password}",
            f"  second factor: add this secret to an authenticator app: {secret}",
            f"    (or its address: {mfa_adapter().build_totp_url(user, secret)})",
            f"  or sign in with a recovery code, each good once: {codes}",
        ]
    return lines
