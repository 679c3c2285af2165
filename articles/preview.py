"""Signed, expiring preview links for drafts: an editor sends one to someone
without an account (a lawyer, a translator). The token names the article and when
it was signed; it works for ``ARTICLE_PREVIEW_DAYS``."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from articles.models import Article

SALT = "articles.preview"


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def preview_token(article: Article) -> str:
    return _signer().sign(str(article.pk))


def preview_url(article: Article) -> str:
    # The page is in the article's own edition.
    with translation.override(article.language):
        return reverse("articles:preview", kwargs={"token": preview_token(article)})


def article_pk_of(token: str) -> int | None:
    """The article a valid, unexpired token names; None for any other token."""
    try:
        value = _signer().unsign(
            token, max_age=settings.ARTICLE_PREVIEW_DAYS * 24 * 60 * 60
        )
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return int(value) if value.isdigit() else None
