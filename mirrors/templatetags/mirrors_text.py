from django import template

register = template.Library()


@register.filter
def reach_field(record, field: str) -> str:
    """A record's text field in the edition being read (English fills in)."""
    return record.local(field).strip()
