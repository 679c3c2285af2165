"""The reader's comment form and its anti-abuse rules.

Everything a reader posts is checked here before ``services.comment_submit`` stores
it: the captcha, a honeypot, a signed form token (which article, how old, and the
once-only key that makes a double submission store one comment), the sender's ban
and rate limit, and duplicates.
"""

import re
import secrets
from datetime import timedelta

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from comments.models import BODY_MAX_LENGTH, Comment, SenderBan

TOKEN_SALT = "comments.form-token"
# Control characters have no place in a name or a comment; tabs and line breaks do.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def reject_control_characters(value: str) -> None:
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("This contains invisible control characters. Please remove them."),
            code="control_characters",
        )


def make_form_token(article: Article) -> str:
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(
        f"{article.pk}:{secrets.token_urlsafe(24)}"
    )


class CommentTextField(forms.CharField):
    """Comment text with browsers' CRLF line breaks made plain LF before the length
    is checked, so the limit counts what the reader's counter counted."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


RATE_LIMITED = _(
    "You have posted several comments in the last few minutes. "
    "Please wait a while before posting again."
)


class CodeInput(CaptchaTextInput):
    """The captcha: a group (fieldset and legend) whose answer box has a label of
    its own (templates/captcha/widgets/captcha.html). A legend takes no ``for``
    (HTML), so the group names no single box."""

    def id_for_label(self, id_):
        return ""


class CommentFieldsForm(forms.Form):
    """What the reader writes: checked on every post, the first one (before the
    code is asked for) included, so that no mistake waits for the second."""

    name = forms.CharField(
        label=_("Name"), max_length=80, validators=[reject_control_characters]
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Your e-mail address will not be shown."),
        # An address reads left to right in every edition (samer@, not @samer).
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )
    body = CommentTextField(
        label=_("Comment"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "data-counter": ""}),
        validators=[reject_control_characters],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted here, in the reader's language, not once at import. The limit is
        # said once: comments.js turns this line into the live count.
        self.fields["body"].help_text = _("Plain text, at most %(max)d characters.") % {
            "max": BODY_MAX_LENGTH
        }
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())


class CommentForm(CommentFieldsForm):
    captcha = CaptchaField(
        label=_("Code"),
        # A code reads left to right in every edition.
        widget=CodeInput(attrs={"dir": "ltr"}),
        help_text=_(
            "Type the characters in the image. This prevents automatic submission."
        ),
        error_messages={
            "invalid": _("The code was wrong or has expired. Please type the new one.")
        },
    )
    # A field people never meet and bots fill in. A hidden input, so that no
    # browser shows it: text browsers (w3m, Lynx) ignore CSS and the hidden
    # attribute, and would ask their readers to "leave this field empty".
    website = forms.CharField(required=False, widget=forms.HiddenInput)
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, article: Article, sender_hash: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.sender_hash = sender_hash
        self.submission_token = ""
        # Seconds until a sender refused by the rate limit may post again.
        self.retry_after: int | None = None
        if not self.is_bound:
            self.initial["form_token"] = make_form_token(article)

    @classmethod
    def keeping(cls, data, *, article: Article, sender_hash: str) -> "CommentForm":
        """An unbound form that shows what the reader typed, with a new captcha, and
        marks what needs correcting in it (the code is not asked for yet)."""
        form = cls(article=article, sender_hash=sender_hash)
        for name in ("name", "email", "body", "form_token"):
            if data.get(name):
                form.initial[name] = data[name]
        typed = CommentFieldsForm(data=data)
        if not typed.is_valid():
            # Shown beside the fields of this unbound form; its own (empty) cleaning
            # never runs, so these are the only errors it has.
            form._errors = typed.errors
        return form

    @property
    def awaits_challenge(self) -> bool:
        """Posted from the cached article page without the captcha and token yet
        (JavaScript off): the reader is asked for the code next, nothing is lost."""
        return not self.data.get("form_token") and not self.data.get("captcha_0")

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def _nonce_from(self, token: str) -> str | None:
        """The once-only key inside a valid token for this article, else None."""
        try:
            value = signing.TimestampSigner(salt=TOKEN_SALT).unsign(
                token, max_age=settings.COMMENTS_FORM_MAX_AGE_SECONDS
            )
        except signing.BadSignature:
            return None
        article_pk, _sep, nonce = value.partition(":")
        return nonce if article_pk == str(self.article.pk) and nonce else None

    def check_token(self) -> None:
        nonce = self._nonce_from(self.data.get("form_token", ""))
        if nonce is None:
            self.renew_token()
            raise ValidationError(
                _(
                    "This form has expired or does not belong to this article. Check "
                    "your comment and post it again."
                ),
                code="expired",
            )
        self.submission_token = nonce

    def renew_token(self) -> None:
        # The page shown again carries a fresh token, so the next post can succeed.
        self.data = self.data.copy()
        self.data["form_token"] = make_form_token(self.article)

    def check_rate_limit(self) -> None:
        """Refuse a sender's post beyond the limit, and tell when the next one will
        be accepted (``retry_after``, in seconds). The service checks again under a
        lock, so posts that arrive together cannot pass it."""
        if Comment.objects.filter(submission_token=self.submission_token).exists():
            return
        wait = Comment.objects.seconds_until_sender_may_post(
            self.sender_hash, now=timezone.now()
        )
        if wait is not None:
            self.refuse_for_rate_limit(wait)

    def refuse_for_rate_limit(self, retry_after: int) -> None:
        self.retry_after = retry_after
        raise ValidationError(RATE_LIMITED, code="rate_limited")

    def previous_submission(self) -> Comment | None:
        """The comment this very form already stored (a double click, or back and
        post again), judged by its signed token alone."""
        nonce = self._nonce_from(self.data.get("form_token", ""))
        if nonce is None:
            return None
        return Comment.objects.filter(submission_token=nonce).first()

    def clean(self):
        cleaned = super().clean()
        self.check_token()
        if self.errors:
            return cleaned
        if SenderBan.objects.active().filter(sender_hash=self.sender_hash).exists():
            raise ValidationError(
                _("Comments from your network are paused by the moderators."),
                code="banned",
            )
        self.check_rate_limit()
        duplicate_since = timezone.now() - timedelta(
            seconds=settings.COMMENTS_DUPLICATE_WINDOW_SECONDS
        )
        duplicate = (
            Comment.objects.filter(email__iexact=cleaned["email"], body=cleaned["body"])
            .since(duplicate_since)
            .exclude(submission_token=self.submission_token)
        )
        if duplicate.exists():
            raise ValidationError(
                _("You have already posted this comment. It is awaiting moderation."),
                code="duplicate",
            )
        return cleaned
