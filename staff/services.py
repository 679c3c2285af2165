"""Writes of the staff app: the audit trail.

Every service that changes what readers see, or who can get in, calls
``audit_record`` inside its own transaction, so a change and its audit row are kept
or lost together.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils import timezone, translation

from newsportal.senders import sender_hash_for
from staff.models import AuditEntry

Action = AuditEntry.Action


def trail_language() -> translation.override:
    """Summaries are written in the site's own language, whoever acts and whatever
    language their admin is in, so that the trail reads as one text."""
    return translation.override(settings.LANGUAGE_CODE)


def trail_time(moment: datetime) -> str:
    """A time as summaries give it: in the site's time zone, with its name."""
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M %Z}"


def audit_record(
    *,
    action: str,
    by: AbstractBaseUser | None,
    obj: models.Model | None = None,
    summary: str = "",
    request: HttpRequest | None = None,
    username: str = "",
) -> AuditEntry:
    """Keep one audit row: who (``by``, or the ``username`` typed when nobody is
    known), what, on which object, from which sender (its keyed hash)."""
    actor = by if by is not None and by.is_authenticated else None
    entry = AuditEntry(
        action=action,
        actor=actor,
        username=(actor.get_username() if actor else username)[:150],
        summary=summary[:500],
        sender_hash=sender_hash_for(request) if request is not None else "",
    )
    if obj is not None:
        entry.object_type = ContentType.objects.get_for_model(
            obj, for_concrete_model=False
        )
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:200]
    entry.save()
    return entry
