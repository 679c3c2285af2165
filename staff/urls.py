"""Staff sign-in pages: allauth's, less what a newsroom must not offer.

No sign-up (accounts are made by an administrator) and no password reset by e-mail
(a mailbox taken over must not become an account taken over; an administrator sets a
new password, and the second factor still stands)."""

from allauth.account import views as account
from django.urls import include, path

urlpatterns = [
    path("login/", account.login, name="account_login"),
    path("logout/", account.logout, name="account_logout"),
    path("inactive/", account.account_inactive, name="account_inactive"),
    path("reauthenticate/", account.reauthenticate, name="account_reauthenticate"),
    path("password/change/", account.password_change, name="account_change_password"),
    path("2fa/", include("allauth.mfa.urls")),
]
