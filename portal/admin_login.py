"""The Wagtail admin login, refused for a while after repeated failures from one address."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.account import LoginView

from .ratelimit import RateLimit, client_address

failed_logins = RateLimit("admin-login", limit=5, window=15 * 60)


class ThrottledLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        if failed_logins.exceeded(client_address(request)):
            form = self.get_form()
            form.add_error(None, _("Too many failed sign-in attempts. Please wait 15 minutes and try again."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    if request is not None:
        failed_logins.hit(client_address(request))


@receiver(user_logged_in)
def forget_failed_logins(sender, request, user, **kwargs):
    if request is not None:
        failed_logins.reset(client_address(request))
