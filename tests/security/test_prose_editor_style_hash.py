"""The admin's policy allows the editor's own stylesheet, and only that, by its hash.

Tiptap (inside django-prose-editor) adds its base stylesheet to the page as a <style>
element. The hash in settings must be the hash of the stylesheet the installed
editor.js really adds; after an upgrade this says which hash to put in settings.
"""

import base64
import hashlib
import re
from pathlib import Path

import django_prose_editor
from django.conf import settings

EDITOR_JS = (
    Path(django_prose_editor.__file__).parent / "static/django_prose_editor/editor.js"
)
# Tiptap's base stylesheet is a template literal that starts with this rule.
BASE_STYLESHEET = re.compile(
    r"`(\.ProseMirror \{\n  position: relative;\n\}.*?)`", re.S
)


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def test_the_admin_policy_allows_the_installed_editors_stylesheet():
    stylesheets = BASE_STYLESHEET.findall(EDITOR_JS.read_text())

    assert len(stylesheets) == 1, "Tiptap's base stylesheet not found in editor.js"
    assert "white-space: pre-wrap" in stylesheets[0]
    assert csp_hash(stylesheets[0]) == settings.PROSE_EDITOR_STYLE_HASH
    assert settings.PROSE_EDITOR_STYLE_HASH in settings.ADMIN_CSP["style-src"]


def test_readers_policy_allows_no_inline_style_at_all():
    assert settings.SECURE_CSP["style-src"] == ["'self'"]
    assert settings.SECURE_CSP["script-src"] == ["'self'"]
