"""Staff sign-in and password reset, limited per account and per address in the shared cache.

Every sign-in is counted before its password is checked, by one atomic increment per account and
one per address (portal.ratelimit): parallel guesses each get their own number, so no more than
the limit of them are ever checked. Once either count is over its limit, no password is checked
at all and every answer is the same page, whatever the password. The account's limit is strict
(it stops guessing at one account from many addresses); the address's is generous (a few mistyped
passwords in an office behind one address block only the account that was mistyped). A successful
sign-in clears its own account's count and gives back its own count of the address: it never
clears what other sign-ins added, so signing in to one's own account does not reset a guesser.

The counting is an authentication backend, so it covers every form that checks a password (the
admin's and Wagtail's front-end sign-in for private pages); the admin's view shows the refusal.
"""

import hashlib
import unicodedata

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.dispatch import receiver
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.views.account import LoginView, LogoutView, PasswordResetView

from .ratelimit import RateLimit, client_key


def account_limit():
    return RateLimit("sign-in-account", *settings.ADMIN_LOGIN_ACCOUNT_RATE)


def address_limit():
    return RateLimit("sign-in-address", *settings.ADMIN_LOGIN_ADDRESS_RATE)


def account_key(username):
    """The same counter for every spelling that could be the same account (case, width, spaces)."""
    normalized = unicodedata.normalize("NFKC", username).strip().casefold()
    return hashlib.sha256(normalized.encode()).hexdigest()


# Not django-axes: it reads the count before the password check and adds to it after (parallel guesses all get checked), has one limit for accounts and addresses alike, and a success clears the address's count.
class SignInLimitBackend:
    """First of AUTHENTICATION_BACKENDS: counts the attempt, and stops it over a limit before any
    password is checked (Django's authenticate() gives up at PermissionDenied)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or not username:
            return None
        account, address = account_key(username), client_key(request)
        per_account, per_address = account_limit(), address_limit()
        if per_account.hit(account) > per_account.limit:
            request.sign_in_refused = True
            raise PermissionDenied
        if per_address.hit(address) > per_address.limit:
            per_account.undo(account)  # not checked, so not a failure of that account
            request.sign_in_refused = True
            raise PermissionDenied
        request.sign_in_counted = (account, address)
        return None


@receiver(user_logged_in, dispatch_uid="sign-in-limit-success")
def forget_own_attempts(sender, request, user, **kwargs):
    counted = getattr(request, "sign_in_counted", None) if request is not None else None
    if counted:
        account, address = counted
        account_limit().reset(account)
        address_limit().undo(address)


class ThrottledLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if getattr(request, "sign_in_refused", False):
            return self.refused()
        return response

    def refused(self):
        # A fresh, unbound form (nothing of what was sent, nothing that depends on it) showing only
        # the refusal; add_error() would validate a bound form, and so check its password.
        form = self.get_form_class()(request=self.request)
        message = _("Too many failed sign-in attempts. Please wait 15 minutes and try again.")
        form._errors = ErrorDict({NON_FIELD_ERRORS: form.error_class([message], error_class="nonfield")})
        return self.render_to_response(self.get_context_data(form=form), status=429)


class ThrottledPasswordResetView(PasswordResetView):
    """At most a few reset emails per address asked for and per client address."""

    def form_valid(self, form):
        email = unicodedata.normalize("NFKC", form.cleaned_data["email"]).strip().casefold()
        over_email = RateLimit("password-reset-email", *settings.ADMIN_PASSWORD_RESET_EMAIL_RATE)
        over_address = RateLimit("password-reset-address", *settings.ADMIN_PASSWORD_RESET_ADDRESS_RATE)
        if (
            over_email.hit(hashlib.sha256(email.encode()).hexdigest()) > over_email.limit
            or over_address.hit(client_key(self.request)) > over_address.limit
        ):
            form.add_error(None, _("Too many password reset requests. Please try again later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


# Wagtail's sign-out, POST only: Wagtail's own view deletes the session cookie even while it answers
# a GET with 405, so any page elsewhere could sign staff out with an image tag.
sign_out = require_POST(LogoutView.as_view())
