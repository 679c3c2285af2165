"""Reading the audit trail in tests: its rows, and the sender a test client is."""

from django.contrib.contenttypes.models import ContentType

from newsportal.senders import sender_hash
from staff.models import AuditEntry

# The address test clients send from: documentation space, never a real reader.
CLIENT_ADDRESS = "203.0.113.7"


def client_sender() -> str:
    return sender_hash(CLIENT_ADDRESS)


def from_client_address(client):
    client.defaults["REMOTE_ADDR"] = CLIENT_ADDRESS
    return client


# Signing in (``force_login`` too) is in the trail; these tests are about the rest.
SIGN_IN_ACTIONS = {
    AuditEntry.Action.LOGIN,
    AuditEntry.Action.LOGIN_FAILED,
    AuditEntry.Action.LOCKOUT,
    AuditEntry.Action.LOGOUT,
    AuditEntry.Action.FACTOR_ADD,
    AuditEntry.Action.FACTOR_REMOVE,
    AuditEntry.Action.FACTOR_FAILED,
    AuditEntry.Action.RECOVERY_CODES,
}


def rows(*actions) -> list[AuditEntry]:
    """The trail, oldest first, of these actions (all but signing in when none is
    named)."""
    entries = AuditEntry.objects.order_by("pk")
    if actions:
        return list(entries.filter(action__in=actions))
    return list(entries.exclude(action__in=SIGN_IN_ACTIONS))


def the_row(action) -> AuditEntry:
    found = rows(action)
    assert len(found) == 1, [(row.action, row.summary) for row in rows()]
    return found[0]


def is_about(row: AuditEntry, obj) -> bool:
    """The row names this object: its type, its key and what it was called."""
    return (
        row.object_type == ContentType.objects.get_for_model(obj)
        and row.object_id == str(obj.pk)
        and row.object_repr == str(obj)[:200]
    )


def done_by(row: AuditEntry, user) -> bool:
    return row.actor == user and row.username == user.get_username()
