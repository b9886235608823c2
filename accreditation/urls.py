"""Under the language prefix: /<lang>/press/conferences/... (portal/urls.py)."""

from django.urls import path

from . import views

app_name = "accreditation"

urlpatterns = [
    path("<int:conference_id>/apply/", views.apply, name="apply"),
    path("<int:conference_id>/apply/register/", views.register, name="register"),
    path("<int:conference_id>/apply/register/sent/", views.register_sent, name="register_sent"),
    path("applications/withdraw/", views.withdraw, name="withdraw"),
]
