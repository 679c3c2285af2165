from django.contrib import admin

from staff.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: a trail that can be edited
    proves nothing."""

    list_display = ["at", "username", "action", "object_repr", "summary", "sender_hash"]
    list_filter = ["action", "at"]
    search_fields = ["username", "object_repr", "summary", "sender_hash"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
    fields = [
        "at", "actor", "username", "action", "object_type", "object_id",
        "object_repr", "summary", "sender_hash",
    ]  # fmt: skip
    readonly_fields = fields
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
