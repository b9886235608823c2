from django.urls import path

from . import views

app_name = "page_feedback"

urlpatterns = [
    path("answer/", views.answer, name="answer"),
    path("thanks/", views.thanks, name="thanks"),
    path("report/", views.report, name="report"),
    path("report/sent/", views.sent, name="sent"),
]
