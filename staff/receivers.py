"""The staff app listens to sign-in events (Django's and allauth's) to keep the
audit trail and the session bookkeeping. These are decoupled records of events that
happen in Django and allauth code, which is why they are receivers."""

from allauth.mfa import signals as mfa_signals
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import pre_save
from django.dispatch import receiver

from staff.models import StaffSession
from staff.services import Action, audit_record
from staff.sessions import session_begin, sessions_end_for


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    if request is None:
        return
    session_begin(request, user)
    audit_record(action=Action.LOGIN, by=user, request=request)


@receiver(user_logged_out)
def record_logout(sender, request, user, **kwargs):
    if user is None or request is None:
        return
    StaffSession.objects.filter(session_key=request.session.session_key).delete()
    audit_record(action=Action.LOGOUT, by=user, request=request)


@receiver(mfa_signals.authenticator_added)
def record_factor_added(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=Action.FACTOR_ADD,
        by=user,
        obj=authenticator,
        summary=authenticator.get_type_display(),
        request=request,
    )


@receiver(mfa_signals.authenticator_removed)
def record_factor_removed(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=Action.FACTOR_REMOVE,
        by=user,
        summary=authenticator.get_type_display(),
        request=request,
    )


@receiver(mfa_signals.authenticator_reset)
def record_factor_reset(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=Action.RECOVERY_CODES, by=user, obj=authenticator, request=request
    )


@receiver(mfa_signals.authentication_failed)
def record_factor_failed(sender, request, user, authenticator=None, **kwargs):
    audit_record(
        action=Action.FACTOR_FAILED,
        by=None,
        username=user.get_username(),
        summary=authenticator.get_type_display() if authenticator else "",
        request=request,
    )


@receiver(pre_save, sender=get_user_model())
def end_sessions_of_deactivated(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or instance.is_active:
        return
    was_active = (
        sender.objects.filter(pk=instance.pk, is_active=True).only("pk").exists()
    )
    if was_active:
        sessions_end_for(instance)
