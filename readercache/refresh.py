"""The one refresh rule: a committed change of a watched model refreshes readers.

Each app declares which of its models show on readers' pages, from its
``AppConfig.ready``::

    readercache.watch(Article, Keyword, Section, SiteSettings)
    readercache.watch(Comment, shown_on="article")

From then on every save, delete, many-to-many change and bulk update (``update``,
``bulk_create``, ``bulk_update``) of those models refreshes readers once per
transaction, after it commits: the versions of what the transaction changed are
bumped together. A model ``shown_on`` a foreign key retires only the scope of the
row it points to (a comment: its article's page and comment section); any other
model retires the whole site. A new row that does not show yet (``shown_if``: a
comment awaiting moderation) refreshes nothing.

Saves, deletes and many-to-many changes arrive as Django's model signals. A bulk
update sends none, so watched models' querysets must derive from
``WatchedQuerySet``, which reports them; ``watch`` refuses a model whose default
manager's queryset does not, so a bulk write can never slip past the rule.
"""

import threading
from collections.abc import Callable
from functools import partial

from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from readercache import versions

# Sent once per committed transaction that changed watched rows, with ``scopes``
# (the set of version names bumped).
refreshed = Signal()

# model -> the name of the foreign key whose row it shows on, or None for the site.
_watched: dict[type[models.Model], str | None] = {}
# model -> whether a new row shows at all (a comment awaiting moderation does not).
_shown_if: dict[type[models.Model], Callable[[models.Model], bool]] = {}


def scope_of(model: type[models.Model], pk) -> str:
    """The version name of what shows one row of ``model`` (its page, say)."""
    return f"{model._meta.label_lower}:{pk}"


class WatchedQuerySet(models.QuerySet):
    """A queryset whose bulk writes refresh readers like saves do."""

    def update(self, **kwargs):
        scopes = _scopes_of_rows(self, kwargs)
        count = super().update(**kwargs)
        if count:
            changed(scopes, using=self.db)
        return count

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        shown = [obj for obj in created if _is_shown(self.model, obj)]
        if shown:
            changed(
                {_scope_of_instance(self.model, obj) for obj in shown}, using=self.db
            )
        return created


def _scopes_of_rows(queryset: models.QuerySet, new_values: dict) -> set[str]:
    field_name = _watched.get(queryset.model)
    if field_name is None:
        return {versions.SITE}
    field = queryset.model._meta.get_field(field_name)
    pks = set(queryset.values_list(field.attname, flat=True).distinct())
    for key in (field.name, field.attname):
        if key in new_values:
            value = new_values[key]
            pks.add(getattr(value, "pk", value))
    return {scope_of(field.related_model, pk) for pk in pks}


def _scope_of_instance(model: type[models.Model], instance: models.Model) -> str:
    field_name = _watched.get(model)
    if field_name is None:
        return versions.SITE
    field = model._meta.get_field(field_name)
    return scope_of(field.related_model, getattr(instance, field.attname))


def _is_shown(model: type[models.Model], instance: models.Model) -> bool:
    shown_if = _shown_if.get(model)
    return shown_if is None or shown_if(instance)


def watch(
    *watched: type[models.Model],
    shown_on: str | None = None,
    shown_if: Callable[[models.Model], bool] | None = None,
) -> None:
    """Refresh readers whenever one of ``watched`` changes (see the module).

    ``shown_if`` tells whether a *new* row shows on readers' pages at all; a new row
    it rejects refreshes nothing (any later change of it does).
    """
    for model in watched:
        queryset = model._default_manager.get_queryset()
        if not isinstance(queryset, WatchedQuerySet):
            raise ImproperlyConfigured(
                f"{model.__name__}'s querysets must derive from"
                " readercache.WatchedQuerySet to be watched: a bulk update would"
                " otherwise not refresh readers."
            )
        if shown_on is not None:
            model._meta.get_field(shown_on)  # fails early on a wrong name
        _watched[model] = shown_on
        if shown_if is not None:
            _shown_if[model] = shown_if
        uid = f"readercache:{model._meta.label_lower}"
        post_save.connect(_on_row_change, sender=model, dispatch_uid=uid)
        post_delete.connect(_on_row_change, sender=model, dispatch_uid=uid)
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                partial(_on_links_change, model),
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"{uid}:{field.name}",
            )


def _on_row_change(sender, instance, using, **kwargs) -> None:
    if kwargs.get("created") and not _is_shown(sender, instance):
        return
    changed({_scope_of_instance(sender, instance)}, using=using)


def _on_links_change(watched, sender, instance, action, reverse, using, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if _watched.get(watched) is not None and not reverse:
        changed({_scope_of_instance(watched, instance)}, using=using)
    else:
        changed({versions.SITE}, using=using)


class _Batch:
    """The changes of one transaction, refreshed together once it commits."""

    def __init__(self):
        self.scopes: set[str] = set()
        self.done = False

    def refresh(self) -> None:
        if self.done:
            return
        self.done = True
        versions.bump(self.scopes)
        refreshed.send(sender=_Batch, scopes=frozenset(self.scopes))


# The open batch of each database connection, in this thread.
_open = threading.local()


def changed(scopes: set[str], *, using: str | None = None) -> None:
    """Note that the current transaction changed what ``scopes`` show."""
    connection = transaction.get_connection(using)
    batches = _open.__dict__.setdefault("batches", {})
    batch = batches.get(connection.alias)
    if batch is None or batch.done:
        batch = batches[connection.alias] = _Batch()
    batch.scopes |= scopes
    # Every change asks to be called on commit, so that a savepoint rolled back
    # drops only its own request; the first that runs refreshes the batch, once.
    # (A batch whose transaction rolled back entirely is joined by the next
    # transaction: that refreshes a little more than it changed, never less.)
    transaction.on_commit(batch.refresh, using=connection.alias, robust=True)
