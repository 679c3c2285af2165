"""The article body's rich text: what editors may write and what readers receive.

The editor in the admin offers exactly these elements, and the server keeps exactly
these, whatever was pasted or posted: no script, event handler, style or
``javascript:`` URL reaches a reader.
"""

import nh3
from django_prose_editor.fields import ProseEditorField

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "Blockquote": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}

ALLOWED_TAGS = {"p", "br", "h2", "h3", "blockquote", "ul", "ol", "li", "a"} | {
    "strong",
    "b",
    "em",
    "i",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    # Tags whose content is never text a reader should see.
    clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript"},
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def sanitize_body(html: str) -> str:
    """Return ``html`` reduced to the newsroom allow-list."""
    cleaned = _cleaner.clean(html or "").strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


class RichTextField(ProseEditorField):
    """A body field edited with the admin's prose editor and sanitised on every write.

    ``get_prep_value`` is on every ORM path to the database (save, ``bulk_create``,
    ``bulk_update``, ``update`` and fixtures); ``pre_save`` also cleans the instance
    itself, so what an editor sees after saving is what readers get.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("config", {"extensions": EDITOR_EXTENSIONS})
        kwargs.setdefault("sanitize", sanitize_body)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_body(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value is None else sanitize_body(value)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("config", None)
        kwargs.pop("sanitize", None)
        return name, "django.db.models.TextField", args, kwargs
