"""Static assets' URLs, as ``{% static %}`` gives them, worked out once per process."""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static

register = template.Library()

# Static files' URLs by path: the manifest of hashed names does not change under a
# running process, and looking a name up in it cost 4 % of a rendered page.
_asset_urls: dict[str, str] = {}


@receiver(setting_changed)
def _forget_asset_urls(setting, **kwargs):
    if setting in {"STORAGES", "STATIC_URL"}:
        _asset_urls.clear()


@register.simple_tag
def asset(path: str) -> str:
    """Like ``{% static %}``, worked out once per process."""
    url = _asset_urls.get(path)
    if url is None:
        url = _asset_urls[path] = static(path)
    return url
