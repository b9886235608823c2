"""Factories for page feedback (build with `page=` and `path=` of the page spoken of)."""

import factory

from .models import PageFeedback


class PageFeedbackFactory(factory.django.DjangoModelFactory):
    path = "/en/about/"
    language = "en"
    kind = PageFeedback.Kind.NO

    class Meta:
        model = PageFeedback
